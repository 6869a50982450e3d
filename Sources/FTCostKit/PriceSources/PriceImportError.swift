/// Why a public price file could not be imported.
public enum PriceImportError: Error, Equatable, CustomStringConvertible {
  /// The file is not JSON; the diagnostic names the line and column.
  case malformed(Diagnostic)
  /// The JSON is not in the shape the format has.
  case notAPriceFile(file: String, format: PriceSourceFormat, reason: String)
  /// A reader's finding before the file name is known.
  case unexpectedShape(String)
  /// No model of the chosen providers could be imported.
  case nothingImported(file: String, providers: [String])
  /// The tables written would not load as an overlay: a bug in the import, listed in full.
  case invalidOutput([Diagnostic])

  public var description: String {
    switch self {
    case .malformed(let diagnostic):
      return diagnostic.description
    case .notAPriceFile(let file, let format, let reason):
      return "\(file) is not a \(format.displayName) price file: \(reason)"
    case .unexpectedShape(let reason):
      return reason
    case .nothingImported(let file, let providers):
      return
        "\(file) lists no model ftcost could import for \(providers.joined(separator: ", ")); the skipped entries are listed above"
    case .invalidOutput(let problems):
      let listed = problems.prefix(5).map(\.description).joined(separator: "; ")
      return
        "the imported tables would not load (\(problems.count) problem\(problems.count == 1 ? "" : "s"): \(listed))"
    }
  }
}
