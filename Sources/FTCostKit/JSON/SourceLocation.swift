/// A 1-based line and column in a text file; columns count bytes, as compilers do.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in bytes from the start of the line.
  public var column: Int
  /// The file this location is in, when a tree mixes nodes from several files (a pricing overlay
  /// merged onto a built-in table); `nil` means the file being read.
  public var file: String?

  public init(line: Int, column: Int, file: String? = nil) {
    self.line = line
    self.column = column
    self.file = file
  }

  public var description: String { "\(line):\(column)" }
}
