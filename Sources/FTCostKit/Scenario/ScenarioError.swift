/// Why a scenario could not be read or priced.
public enum ScenarioError: Error, Equatable, CustomStringConvertible {
  /// The file has problems; the first is shown with a count of the rest.
  case invalid([Diagnostic])
  /// A plan could not be priced (unknown model, not fine-tunable, missing prices…).
  case plan(file: String, path: String, name: String, message: String)
  /// A model the plan needs is retired (or its training closed) when the plan needs it, and the
  /// comparison cannot go on (a baseline that cannot start or cannot migrate).
  case lifecycle(path: String, name: String, message: String)
  /// The figures overflow what exact decimals can hold.
  case notRepresentable(file: String, reason: String)
  /// A `--set` path or value was refused.
  case badOverride(String)
  /// The scenario file is missing or unreadable.
  case unreadable(String)

  public var description: String {
    switch self {
    case .invalid(let problems):
      guard let first = problems.first else { return "the scenario is invalid" }
      let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"))" : ""
      return first.description + more
    case .plan(let file, let path, let name, let message):
      return "\(file): \(path) (\(name)): \(message)"
    case .notRepresentable(let file, let reason):
      return "\(file): \(reason)"
    case .lifecycle(let path, let name, let message):
      return "\(path) (\(name)): \(message)"
    case .badOverride(let message), .unreadable(let message):
      return message
    }
  }
}
