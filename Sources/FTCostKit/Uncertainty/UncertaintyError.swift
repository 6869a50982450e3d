/// Why uncertain inputs cannot be read or sampled; each message says what to change.
public enum UncertaintyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A `--vary` option that is malformed or names a path the scenario does not have.
  case vary(String)
  /// The scenario file's `uncertainty` object, with the place of each problem.
  case invalid([Diagnostic])
  /// A combination of drawn values the scenario cannot be priced with.
  case sample(String)
  /// Nothing to vary.
  case noInputs(file: String)

  public var description: String {
    switch self {
    case .vary(let message), .sample(let message): return message
    case .invalid(let problems): return problems.map(\.description).joined(separator: "\n")
    case .noInputs(let file):
      return
        "\(file) has no uncertain inputs: add an \"uncertainty\" object (e.g. \"uncertainty\": {\"workload.requests_per_month\": {\"low\": 50000, \"high\": 200000}}) or pass --vary workload.requests_per_month=50000..200000"
    }
  }
}
