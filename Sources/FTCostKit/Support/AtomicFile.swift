import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an output file could not be written.
///
/// Each description is one line that names the file and says how to fix it.
public enum OutputFileError: Error, Equatable, CustomStringConvertible {
  /// The folder the file would go in does not exist (and the command does not create folders).
  case folderMissing(String)
  /// The file exists and `--force` was not given.
  case exists(String)
  /// The system refused a step; the second value says why.
  case writeFailed(String, String)
  /// The path names a folder where a file is expected.
  case isFolder(String)
  /// The path names a file where a folder is expected.
  case notAFolder(String)
  /// The path is a file the same run reads (the second value is that input as given).
  case isInput(String, input: String)
  /// The same path is given for two outputs of one run.
  case duplicate(String)
  /// The file name does not end in the extension of what is written (`chart.png` for an SVG
  /// chart): `expected` is that extension without its dot, `kind` what is written.
  case wrongExtension(String, expected: String, kind: String)

  public var description: String {
    switch self {
    case .folderMissing(let path):
      return "cannot write '\(path)': its folder does not exist; create it first or choose another path"
    case .exists(let path):
      return "'\(path)' already exists; pass --force to overwrite it"
    case .writeFailed(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    case .isFolder(let path):
      return "'\(path)' is a folder; give the path of a file to write"
    case .notAFolder(let path):
      return "'\(path)' is a file, not a folder; give a folder (it is created if missing)"
    case .isInput(let path, let input):
      let alias = input == path ? "" : " (the same file as '\(input)')"
      return
        "'\(path)' is an input of this run\(alias); ftcost never overwrites its input, even with --force; choose another path"
    case .duplicate(let path):
      return "'\(path)' is given for two outputs; choose a different path for each"
    case .wrongExtension(let path, let expected, let kind):
      return
        "'\(path)' does not end in .\(expected); ftcost writes \(kind) only, so give a file name ending in .\(expected)"
    }
  }

  /// A `writeFailed` for the current `errno`, with a hint for the common causes.
  static func failed(_ path: String, _ code: Int32 = errno, doing step: String? = nil) -> OutputFileError {
    var reason = String(cString: strerror(code))
    if let step { reason = "\(step): \(reason)" }
    switch code {
    case EACCES, EPERM, EROFS: reason += "; choose a folder you can write to"
    case ENOSPC, EDQUOT: reason += "; free some space and run again"
    default: break
    }
    return .writeFailed(path, reason + "; nothing was written")
  }
}

/// The rules every output path follows.
///
/// An output's folder exists (unless the command creates folders); it is not a folder itself; it
/// replaces an existing file only with `--force` (`overwrite`); and it is never a file the same run
/// reads, even with `--force`: inputs are compared by device and inode (so links and symlinks
/// count) and by resolved path.
public struct OutputPolicy: Sendable, Equatable {
  /// Whether an existing file may be replaced (`--force`).
  public var overwrite: Bool
  /// The files this run reads.
  public private(set) var inputs: [InputFile] = []

  /// A file the run reads, identified so an output can be compared with it.
  public struct InputFile: Sendable, Equatable {
    /// The path as given.
    public var path: String
    var device: UInt64
    var inode: UInt64
    var resolved: String
  }

  /// A policy replacing files only when `overwrite`, protecting `inputs` (files or folders).
  public init(overwrite: Bool, inputs: [String] = []) {
    self.overwrite = overwrite
    for input in inputs { protect(input) }
  }

  /// Protects `path`: a file, or every file under a folder (three levels deep); missing paths are skipped.
  public mutating func protect(_ path: String, depth: Int = 3) {
    var status = stat()
    guard stat(path, &status) == 0 else { return }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
      for name in names.sorted() { protect(PathText.join(path, name), depth: depth - 1) }
      return
    }
    inputs.append(
      InputFile(
        path: path, device: UInt64(status.st_dev), inode: UInt64(status.st_ino), resolved: Self.resolved(path)))
  }

  /// The input that `path` names, if any.
  public func input(at path: String) -> InputFile? {
    var status = stat()
    if stat(path, &status) == 0,
      let match = inputs.first(where: { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) })
    {
      return match
    }
    let resolved = Self.resolved(path)
    return inputs.first { $0.resolved == resolved }
  }

  /// Checks that `path` may be written under this policy.
  public func check(_ path: String, folderMustExist: Bool = true) throws(OutputFileError) {
    if let input = input(at: path) { throw .isInput(path, input: input.path) }
    if folderMustExist {
      let folder = Self.folder(of: path)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw .folderMissing(path)
      }
    }
    var status = stat()
    if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { throw .isFolder(path) }
    if !overwrite, lstat(path, &status) == 0 { throw .exists(path) }
  }

  /// Checks several outputs of one run, and that no two are the same file.
  public func check(_ paths: [String], folderMustExist: Bool = true) throws(OutputFileError) {
    var seen: [String] = []
    for path in paths {
      try check(path, folderMustExist: folderMustExist)
      let resolved = Self.resolved(path)
      if seen.contains(resolved) { throw .duplicate(path) }
      seen.append(resolved)
    }
  }

  /// The folder a path is in (`.` for a bare name).
  static func folder(of path: String) -> String {
    PathText.folder(of: path)
  }

  /// `path` with its folder's symlinks resolved (and its own, when it is one).
  static func resolved(_ path: String) -> String {
    if let real = realpath(path, nil) {
      defer { free(real) }
      return String(cString: real)
    }
    let folder = folder(of: path)
    guard let real = realpath(folder, nil) else { return path }
    defer { free(real) }
    return PathText.join(String(cString: real), PathText.name(of: path))
  }
}

/// One-call atomic writes for the common cases.
public enum AtomicFile {
  /// Writes `text` to `path` under `policy`: a temporary file beside it, then a rename.
  public static func write(_ text: String, to path: String, policy: OutputPolicy) throws(OutputFileError) {
    let files = StagedFiles(policy: policy)
    try files.write(Array(text.utf8), to: path)
    try files.commit()
  }

  /// Writes `text` to `path`, replacing an existing file only when `overwrite`.
  public static func write(_ text: String, to path: String, overwrite: Bool) throws(OutputFileError) {
    try write(text, to: path, policy: OutputPolicy(overwrite: overwrite))
  }

  /// Writes every file or none, creating missing folders; files that already hold exactly their
  /// new content are left untouched (no `--force` needed for them).
  ///
  /// Returns the paths written. Each file is staged beside its destination (a missing folder is
  /// staged whole), and all are renamed into place only once every one is written; on a failure
  /// the staged ones are removed.
  public static func writeAll(_ files: [(path: String, content: String)], policy: OutputPolicy) throws(OutputFileError)
    -> [String]
  {
    var replacing = policy
    replacing.overwrite = true
    try replacing.check(files.map(\.path), folderMustExist: false)
    let changed = files.filter { file in
      (try? Data(contentsOf: URL(fileURLWithPath: file.path))) != Data(file.content.utf8)
    }
    for file in changed { try policy.check(file.path, folderMustExist: false) }
    // Temporaries a killed run left beside these files go even when nothing needs writing.
    for file in files { TemporaryFiles.removeStale(in: PathText.folder(of: file.path)) }
    let staged = StagedFiles(policy: policy, createFolders: true)
    for file in changed { try staged.write(Array(file.content.utf8), to: file.path) }
    try staged.commit()
    return changed.map(\.path)
  }
}
