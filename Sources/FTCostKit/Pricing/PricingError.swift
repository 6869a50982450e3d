/// Why pricing tables could not be used.
public enum PricingError: Error, Equatable, CustomStringConvertible {
  /// The tables have problems; the first is shown, `pricing validate` lists them all.
  case invalid([Diagnostic])
  case folderNotFound(String)
  case noTables(String)
  case unreadable(String, String)
  case unknownModel(String, suggestions: [String])
  case builtInDataMissing([String])

  public var description: String {
    switch self {
    case .invalid(let problems):
      guard let first = problems.first else { return "the pricing tables are invalid" }
      let more =
        problems.count > 1 ? " (and \(problems.count - 1) more; run 'ftcost pricing validate' to list them)" : ""
      return first.description + more
    case .folderNotFound(let path):
      return "pricing folder '\(path)' does not exist; pass a folder of *.json pricing tables to --pricing"
    case .noTables(let path):
      return "pricing folder '\(path)' holds no *.json tables; copy one from the built-in pricing/ folder and edit it"
    case .unreadable(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .unknownModel(let name, let suggestions):
      let hint =
        suggestions.isEmpty ? "" : " Did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
      return "unknown model '\(name)'.\(hint) Run 'ftcost pricing list' to see every model."
    case .builtInDataMissing(let searched):
      return
        "cannot find ftcost's built-in pricing tables (looked in: \(searched.joined(separator: ", "))); set FTCOST_DATA to the folder that holds pricing/ and tokenizers/"
    }
  }
}
