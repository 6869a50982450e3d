/// Path arithmetic on strings, for the file-writing code.
///
/// Foundation's `NSString` path methods on Linux trap on one-character paths (`"a"`, `"."`) in
/// swift-corelibs-foundation 6.3, so output paths, which users choose freely, go through these.
enum PathText {
  /// The folder holding `path`: `.` for a bare name, `/` for a name in the root.
  static func folder(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    return String(withoutTrailingSlashes(String(trimmed[..<slash])))
  }

  /// The last component of `path` (trailing slashes ignored).
  static func name(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// `name` inside `folder`.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  private static func withoutTrailingSlashes(_ path: String) -> String {
    var result = Substring(path)
    while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
    return String(result)
  }
}
