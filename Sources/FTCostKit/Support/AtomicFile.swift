import Foundation

/// Why an output file could not be written.
public enum OutputFileError: Error, Equatable, CustomStringConvertible {
  case folderMissing(String)
  case exists(String)
  case writeFailed(String, String)

  public var description: String {
    switch self {
    case .folderMissing(let path):
      return "cannot write '\(path)': its folder does not exist; create it first or choose another path"
    case .exists(let path):
      return "'\(path)' already exists; pass --force to overwrite it"
    case .writeFailed(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    }
  }
}

/// Writes files through a temporary file and a rename, so a failure never leaves half a file.
public enum AtomicFile {
  /// Checks that `path` can be created (its folder exists; it does not exist unless `overwrite`).
  public static func checkWritable(_ path: String, overwrite: Bool) throws(OutputFileError) {
    let folder = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    if !folder.isEmpty,
      !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue
    {
      throw .folderMissing(path)
    }
    if !overwrite, FileManager.default.fileExists(atPath: path) { throw .exists(path) }
  }

  /// The temporary sibling a streaming writer fills before `commit` renames it into place.
  public static func temporaryPath(for path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = ".\((path as NSString).lastPathComponent).ftcost-\(UUID().uuidString.prefix(8)).tmp"
    return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
  }

  /// Renames a finished temporary file into place.
  public static func commit(temporary: String, to path: String) throws(OutputFileError) {
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw .writeFailed(path, reason)
    }
  }

  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String, overwrite: Bool = true) throws(OutputFileError) {
    try checkWritable(path, overwrite: overwrite)
    let temporary = temporaryPath(for: path)
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw .writeFailed(path, "could not create a temporary file beside it")
    }
    try commit(temporary: temporary, to: path)
  }
}
