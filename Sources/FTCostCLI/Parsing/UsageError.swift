/// A mistake in how ftcost was called: printed with the usage line, exit 64.
public struct UsageError: Error, Equatable, CustomStringConvertible {
  public var message: String
  /// The command path whose usage to show (`["pricing", "show"]`).
  public var commandPath: [String]

  public init(_ message: String, commandPath: [String] = []) {
    self.message = message
    self.commandPath = commandPath
  }

  public var description: String { message }
}
