import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files written as one: each staged under a temporary name, then all renamed into place.
///
/// A file is staged as `.NAME.ftcost-tmp-PID-RANDOM` beside its destination `NAME`; with
/// `createFolders`, a missing folder is staged whole under such a name beside its own parent
/// (files inside it keep their final names), so it appears complete or not at all. Every staged
/// path is registered with `TemporaryFiles` (SIGINT, SIGTERM and SIGHUP remove it), and stale
/// temporaries of killed runs are removed from each destination folder first.
///
/// `commit()` flushes and syncs every file, then renames them in the order they were first
/// staged, with those signals held back. Nothing is visible at a destination before the renames;
/// a SIGKILL during the renames themselves leaves each destination with its old or its new file,
/// whole. `discard()` (also on deinit without a commit) removes everything staged.
public final class StagedFiles {
  /// The rules each destination is checked against; `nil` only refuses folders (`install`).
  public let policy: OutputPolicy?
  /// Whether missing folders are created (staged whole); otherwise they are an error.
  public let createFolders: Bool
  /// The mode of created folders; `nil` for the default (0777 less the umask).
  public let folderMode: mode_t?

  private struct Rename {
    var temporary: String
    var destination: String
  }

  private var renames: [Rename] = []
  private var created: [(path: String, slot: Int?)] = []
  private var stagedFolders: [String: String] = [:]
  private var destinations: Set<String> = []
  private var streams: [StagedFile] = []
  private var finished = false

  /// Staging checked against `policy`, creating missing folders (with `folderMode`) when asked.
  public init(policy: OutputPolicy? = nil, createFolders: Bool = false, folderMode: mode_t? = nil) {
    self.policy = policy
    self.createFolders = createFolders
    self.folderMode = folderMode
  }

  deinit {
    discard()
  }

  /// Stages a file to fill bit by bit; it is flushed and synced by `commit()`.
  ///
  /// `mode` is set exactly (not masked by the umask); `nil` keeps the mode of the file it
  /// replaces, or gives a new file the default (0666 less the umask).
  public func stream(to path: String, mode: mode_t? = nil) throws(OutputFileError) -> StagedFile {
    guard !finished else { throw .writeFailed(path, "the set of files was already committed or discarded") }
    if let policy {
      try policy.check(path, folderMustExist: !createFolders)
    } else {
      var status = stat()
      if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw .isFolder(path) }
    }
    guard destinations.insert(OutputPolicy.resolved(path)).inserted else { throw .duplicate(path) }
    let folder = OutputPolicy.folder(of: path)
    let (location, insideStaged) = try self.location(ofFolder: folder, for: path)
    let temporary: String
    if insideStaged {
      temporary = PathText.join(location, PathText.name(of: path))
    } else {
      TemporaryFiles.removeStale(in: folder)
      temporary = TemporaryFiles.path(for: path)
    }
    let slot = TemporaryFiles.register(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      let code = errno
      TemporaryFiles.unregister(slot)
      throw .failed(path, code)
    }
    created.append((temporary, slot))
    if let wanted = mode ?? Self.regularFileMode(path), fchmod(descriptor, wanted) != 0 {
      let code = errno
      close(descriptor)
      throw .failed(path, code)
    }
    if !insideStaged { renames.append(Rename(temporary: temporary, destination: path)) }
    let file = StagedFile(destination: path, temporary: temporary, descriptor: descriptor)
    streams.append(file)
    return file
  }

  /// Stages `bytes` as the new content of `path`.
  public func write(_ bytes: [UInt8], to path: String, mode: mode_t? = nil) throws(OutputFileError) {
    let file = try stream(to: path, mode: mode)
    try file.write(bytes)
    try file.finish()
  }

  /// Stages a copy of the file at `source` as `path` (the source may be `path` itself).
  public func copy(_ source: String, to path: String, mode: mode_t? = nil) throws(OutputFileError) {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw .failed(path, errno, doing: "cannot read '\(source)'") }
    defer { close(input) }
    let file = try stream(to: path, mode: mode)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw .failed(path, errno, doing: "cannot read '\(source)'") }
      if count == 0 { break }
      try file.write(chunk[0..<count])
    }
    try file.finish()
  }

  /// Renames every staged file and folder into place, in the order they were staged.
  public func commit() throws(OutputFileError) {
    guard !finished else { return }
    do {
      for file in streams { try file.finish() }
    } catch {
      discard()
      throw error
    }
    var failure: OutputFileError?
    var done = 0
    TemporaryFiles.deferringSignals {
      for step in renames {
        if rename(step.temporary, step.destination) != 0 {
          let reason = String(cString: strerror(errno))
          failure = .writeFailed(
            step.destination, "\(reason); \(done) of \(renames.count) staged files were already in place")
          break
        }
        done += 1
      }
      for step in renames[done...] { try? FileManager.default.removeItem(atPath: step.temporary) }
      for entry in created { TemporaryFiles.unregister(entry.slot) }
    }
    finished = true
    if let failure { throw failure }
  }

  /// Removes everything staged; nothing reaches a destination.
  public func discard() {
    guard !finished else { return }
    finished = true
    for file in streams { file.close() }
    for entry in created.reversed() where unlink(entry.path) != 0 {
      _ = rmdir(entry.path)
    }
    for entry in created { TemporaryFiles.unregister(entry.slot) }
  }

  /// Where files for `folder` go now: the folder itself, or its staged copy (created on demand).
  private func location(ofFolder folder: String, for path: String) throws(OutputFileError) -> (String, Bool) {
    let key = OutputPolicy.resolved(folder)
    if let staged = stagedFolders[key] { return (staged, true) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw .notAFolder(folder) }
      return (folder, false)
    }
    let parent = OutputPolicy.folder(of: folder)
    guard createFolders, OutputPolicy.resolved(parent) != key else { throw .folderMissing(path) }
    let (outer, insideStaged) = try location(ofFolder: parent, for: path)
    let staged: String
    if insideStaged {
      staged = PathText.join(outer, PathText.name(of: folder))
    } else {
      TemporaryFiles.removeStale(in: parent)
      staged = TemporaryFiles.path(for: folder)
    }
    let slot = TemporaryFiles.register(staged)
    guard mkdir(staged, folderMode ?? 0o777) == 0 else {
      let code = errno
      TemporaryFiles.unregister(slot)
      throw .failed(folder, code)
    }
    created.append((staged, slot))
    if let folderMode, chmod(staged, folderMode) != 0 { throw .failed(folder, errno) }
    if !insideStaged { renames.append(Rename(temporary: staged, destination: folder)) }
    stagedFolders[key] = staged
    return (staged, true)
  }

  /// The permission bits of the regular file at `path`, if there is one.
  private static func regularFileMode(_ path: String) -> mode_t? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return status.st_mode & 0o7777
  }
}

/// One staged file being filled; buffered, written with `write(2)`.
public final class StagedFile {
  /// Where the file goes on commit.
  public let destination: String
  /// Where it is staged meanwhile.
  public let temporary: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []

  init(destination: String, temporary: String, descriptor: Int32) {
    self.destination = destination
    self.temporary = temporary
    self.descriptor = descriptor
    buffer.reserveCapacity(1 << 20)
  }

  deinit {
    close()
  }

  /// Appends `text` as UTF-8.
  public func write(_ text: String) throws(OutputFileError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Appends bytes.
  public func write<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(OutputFileError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { try flush() }
  }

  private func flush() throws(OutputFileError) {
    guard descriptor >= 0 else {
      if buffer.isEmpty { return }
      throw .writeFailed(destination, "the staged file is already closed")
    }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { bytes in
        bytes.baseAddress.map { systemWrite(descriptor, $0 + offset, bytes.count - offset) } ?? 0
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { throw .failed(destination, errno) }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is buffered, syncs it to disk and closes the file.
  func finish() throws(OutputFileError) {
    guard descriptor >= 0 else { return }
    try flush()
    guard fsync(descriptor) == 0 else { throw .failed(destination, errno) }
    close()
  }

  func close() {
    guard descriptor >= 0 else { return }
    _ = systemClose(descriptor)
    descriptor = -1
  }
}

/// `write(2)`, named apart from `StagedFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}

/// `close(2)`, named apart from `StagedFile.close`.
private func systemClose(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
