/// A 1-based line and column in a text file; columns count bytes, as compilers do.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in bytes from the start of the line.
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}
