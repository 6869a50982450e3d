import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files and folders this process is writing, so none outlives it.
///
/// A temporary path is `.NAME.ftcost-tmp-PID-RANDOM` beside its destination `NAME`. Paths are
/// registered in a table allocated once, so the SIGINT, SIGTERM and SIGHUP handler can remove
/// them with async-signal-safe calls only (`unlink`, `rmdir`), then restore the default action
/// and raise the signal again, so the process still dies of it. SIGKILL cannot be caught: the
/// next write into the same folder removes temporaries whose process is gone
/// (`removeStale(in:)`). A signal ignored when the process started stays ignored.
public enum TemporaryFiles {
  /// What every temporary name holds between the destination's name and the process id.
  public static let marker = ".ftcost-tmp-"

  /// A fresh temporary path beside `destination`, carrying this process's id.
  public static func path(for destination: String) -> String {
    let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let name = ".\(PathText.name(of: destination))\(marker)\(getpid())-\(random)"
    return destination.contains("/") ? PathText.join(PathText.folder(of: destination), name) : name
  }

  /// The process id a temporary name carries, or `nil` when `name` is not one of ours.
  public static func owner(ofName name: String) -> pid_t? {
    guard name.hasPrefix("."), let range = name.range(of: marker, options: .backwards) else { return nil }
    let parts = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, !parts[1].isEmpty,
      parts[1].allSatisfy(\.isHexDigit)
    else { return nil }
    return pid
  }

  /// Whether a process with this id is running (one we may not signal counts as running).
  static func isRunning(_ pid: pid_t) -> Bool {
    if pid == getpid() { return true }
    return kill(pid, 0) == 0 || errno == EPERM
  }

  /// Removes the temporaries in `folder` left by processes that are no longer running.
  ///
  /// Returns the paths removed. Each folder is scanned once per process; a folder that cannot be
  /// listed is skipped. A process id reused by an unrelated running process keeps its files until
  /// that process ends.
  @discardableResult
  public static func removeStale(in folder: String) -> [String] {
    let key = OutputPolicy.resolved(folder.isEmpty ? "." : folder)
    guard Registry.shared.markScanned(key) else { return [] }
    return removeStale(inFolder: folder.isEmpty ? "." : folder)
  }

  /// Removes stale temporaries in `folder` now, scanned before or not.
  @discardableResult
  static func removeStale(inFolder folder: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    var removed: [String] = []
    for name in names.sorted() {
      guard let pid = owner(ofName: name), !isRunning(pid) else { continue }
      let path = PathText.join(folder, name)
      if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
    }
    return removed
  }

  /// Registers `path` for removal on SIGINT, SIGTERM or SIGHUP; `nil` when the table is full.
  ///
  /// Register before creating the file: a signal between the two finds nothing to remove.
  public static func register(_ path: String) -> Int? {
    Registry.shared.register(path)
  }

  /// Forgets a registration once its file has been renamed into place or removed.
  public static func unregister(_ slot: Int?) {
    guard let slot else { return }
    Registry.shared.unregister(slot)
  }

  /// Runs `body` with SIGINT, SIGTERM and SIGHUP held back on this thread; a signal that arrives
  /// meanwhile is delivered (and removes what is still registered) as soon as `body` returns.
  public static func deferringSignals<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    for number in Registry.handledSignals { sigaddset(&blocked, number) }
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }
}

/// The fixed table of registered paths the signal handler reads.
final class Registry: @unchecked Sendable {
  static let shared = Registry()
  static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  static let capacity = 128
  static let slotSize = 4096

  /// `capacity` NUL-terminated paths of `slotSize` bytes, and whether each slot is in use.
  let paths: UnsafeMutablePointer<CChar>
  let inUse: UnsafeMutablePointer<Int32>
  private let lock = NSLock()
  private var handlersInstalled = false
  private var scanned: Set<String> = []

  private init() {
    paths = UnsafeMutablePointer<CChar>.allocate(capacity: Self.capacity * Self.slotSize)
    paths.initialize(repeating: 0, count: Self.capacity * Self.slotSize)
    inUse = UnsafeMutablePointer<Int32>.allocate(capacity: Self.capacity)
    inUse.initialize(repeating: 0, count: Self.capacity)
  }

  func markScanned(_ folder: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return scanned.insert(folder).inserted
  }

  func register(_ path: String) -> Int? {
    let bytes = Array(path.utf8)
    guard bytes.count < Self.slotSize, !bytes.contains(0) else { return nil }
    lock.lock()
    defer { lock.unlock() }
    installHandlers()
    return TemporaryFiles.deferringSignals { () -> Int? in
      var slot = 0
      while slot < Self.capacity && inUse[slot] != 0 { slot += 1 }
      guard slot < Self.capacity else { return nil }
      let start = paths + slot * Self.slotSize
      for (offset, byte) in bytes.enumerated() { start[offset] = CChar(bitPattern: byte) }
      start[bytes.count] = 0
      inUse[slot] = 1
      return slot
    }
  }

  func unregister(_ slot: Int) {
    guard slot >= 0, slot < Self.capacity else { return }
    lock.lock()
    defer { lock.unlock() }
    TemporaryFiles.deferringSignals { inUse[slot] = 0 }
  }

  /// Installs the handler once, leaving alone a signal the process was started ignoring.
  private func installHandlers() {
    guard !handlersInstalled else { return }
    handlersInstalled = true
    let ignore = unsafeBitCast(SIG_IGN, to: Int.self)
    for number in Self.handledSignals {
      let previous = signal(number, removeRegisteredAndDie)
      if let previous, unsafeBitCast(previous, to: Int.self) == ignore { _ = signal(number, SIG_IGN) }
    }
  }

  /// Removes every registered path: files first, then folders from the deepest up.
  ///
  /// Called from the signal handler, so it only reads the table and calls `unlink` and `rmdir`.
  func removeAllRegistered() {
    var slot = 0
    while slot < Self.capacity {
      if inUse[slot] != 0 { _ = unlink(paths + slot * Self.slotSize) }
      slot += 1
    }
    // Folders: a pass per nesting level, until a pass removes nothing.
    var removedAny = true
    var passes = 0
    while removedAny && passes < 32 {
      removedAny = false
      passes += 1
      slot = 0
      while slot < Self.capacity {
        if inUse[slot] != 0 && rmdir(paths + slot * Self.slotSize) == 0 { removedAny = true }
        slot += 1
      }
    }
  }
}

/// The SIGINT/SIGTERM/SIGHUP handler: remove the temporaries, then die of the signal as usual.
private func removeRegisteredAndDie(_ number: Int32) {
  Registry.shared.removeAllRegistered()
  _ = signal(number, SIG_DFL)
  var unblock = sigset_t()
  sigemptyset(&unblock)
  sigaddset(&unblock, number)
  pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  raise(number)
}
