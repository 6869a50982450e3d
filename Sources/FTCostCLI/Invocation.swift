import FTCostKit
import Foundation

/// A parsed command line plus the environment, handed to a command's `run`.
///
/// Commands write results to `output`, which is printed only when the command succeeds, so an
/// error never leaves half a report on stdout.
public struct Invocation: Sendable {
  public let path: [String]
  public let command: CommandSpec
  public let values: ParsedValues
  public let environment: CLIEnvironment
  /// The words after the program name, as given (for a report to say how it was made).
  public var arguments: [String] = []
  /// Buffered standard output.
  public var output = ""
  private var cachedCatalog: PricingCatalog?

  init(path: [String], command: CommandSpec, values: ParsedValues, environment: CLIEnvironment) {
    self.path = path
    self.command = command
    self.values = values
    self.environment = environment
  }

  /// Appends text to the buffered output.
  public mutating func print(_ text: String) {
    output += text
    // By scalars: a CSV's last "\r\n" is one Character, which `hasSuffix("\n")` does not match.
    if text.unicodeScalars.last != "\n" { output += "\n" }
  }

  /// `text` in bold when stdout is a colour terminal and `NO_COLOR` is unset; plain otherwise.
  public func emphasized(_ text: String) -> String {
    environment.usesColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  /// Writes a line to stderr at once (warnings, progress).
  public func warn(_ text: String) {
    environment.writeError(text.unicodeScalars.last == "\n" ? text : text + "\n")
  }

  public func string(_ name: String) -> String? { values.options[name]?.last }
  public func strings(_ name: String) -> [String] { values.options[name] ?? [] }
  public func flag(_ name: String) -> Bool { values.flags.contains(name) }
  public var positionals: [String] { values.positionals }

  /// An exact decimal option value, refusing negatives unless allowed.
  public func decimal(_ name: String, allowNegative: Bool = false) throws(UsageError) -> Decimal? {
    guard let text = string(name) else { return nil }
    let value: Decimal
    do { value = try DecimalParser.parse(text) } catch {
      throw .invalidValue(text, option: name, reason: .notANumber(error))
    }
    if value < 0 && !allowNegative { throw .invalidValue(text, option: name, reason: .notIn(0...Int64.max)) }
    return value
  }

  /// A whole-number option value within `range` (by default 0 or more).
  public func count(_ name: String, in range: ClosedRange<Int64> = 0...Int64.max) throws(UsageError) -> Int64? {
    guard let text = string(name) else { return nil }
    let value: Decimal
    do { value = try DecimalParser.parse(text) } catch {
      throw .invalidValue(text, option: name, reason: .notANumber(error))
    }
    guard value == value.rounded(scale: 0, .plain) else {
      throw .invalidValue(text, option: name, reason: .notAWholeNumber)
    }
    guard value >= Decimal(range.lowerBound), value <= Decimal(range.upperBound) else {
      throw .invalidValue(text, option: name, reason: .notIn(range))
    }
    return Int64(truncating: value as NSDecimalNumber)
  }

  /// Renders `report` in `--format` (only the `--table` named, if any) into the output.
  ///
  /// With CSV and no `--table`, the primary table is printed and the others named on stderr.
  public mutating func emit(_ report: Report, format: OutputFormat? = nil) throws {
    let format = format ?? self.format
    let table = string("--table")
    if let table, format == .json {
      throw UsageError.invalidValue(
        table, option: "--table",
        reason: .described("JSON holds every table; --table picks one for table, markdown, csv or html"))
    }
    let options = RenderOptions(
      money: moneyFormat.currency(report.currency), emphasis: environment.usesColor, table: table)
    do {
      print(try report.rendered(as: format, options: options))
    } catch {
      // Switched on, not pattern-matched in the catch: that form crashes the compiler with typed throws.
      switch error {
      case .unknownTable(let name, let available):
        throw UsageError.invalidValue(name, option: "--table", reason: .notOneOf(available, given: name))
      case .ambiguousTable(let name, _):
        throw UsageError.oneTableOfMany(name, narrowWith: "--candidate", choices: [])
      case .noTable:
        throw UsageError.invalidValue(
          format.rawValue, option: "--format", reason: .described("this output has no table"))
      }
    }
    if format == .csv, table == nil {
      let shown = report.primaryTable ?? report.tableNames.first
      let others = report.tableNames.filter { $0 != shown }
      if !others.isEmpty {
        warn(
          "note: CSV holds one table (\(shown ?? "")); also available: \(others.joined(separator: ", ")) (pick one with --table NAME)"
        )
      }
    }
  }

  /// `--format`, defaulting to a table.
  public var format: OutputFormat {
    string("--format").flatMap(OutputFormat.init(rawValue:)) ?? .table
  }

  /// Display rounding from `--rounding`.
  public var moneyFormat: MoneyFormat {
    MoneyFormat(rounding: string("--rounding").flatMap(RoundingRule.init(rawValue:)) ?? .halfAwayFromZero)
  }

  public var today: ISODate { environment.today }

  /// `--as-of`, else today.
  public func asOf() throws(UsageError) -> ISODate {
    guard let text = string("--as-of") else { return today }
    guard let date = ISODate(text) else {
      throw .invalidValue(
        text, option: "--as-of", reason: .malformed(expected: "a date written YYYY-MM-DD", example: "2027-01-01"))
    }
    return date
  }

  /// The built-in data folder.
  public func dataLocation() throws(PricingError) -> DataLocation {
    try DataLocation.locate(executablePath: environment.executablePath, environment: environment.variables)
  }

  /// The user's pricing overlay: `--pricing DIR`, else `FTCOST_PRICING`.
  public var pricingOverlay: String? {
    if let path = string("--pricing") { return path }
    if let path = environment.variables["FTCOST_PRICING"], !path.isEmpty { return path }
    return nil
  }

  /// The pricing catalog, loaded once; stale-table warnings go to stderr.
  public mutating func catalog() throws(PricingError) -> PricingCatalog {
    if let cachedCatalog { return cachedCatalog }
    let location = try dataLocation()
    let catalog = try PricingLoader.catalog(
      builtIn: location.pricing, overlays: pricingOverlay.map { [$0] } ?? [], today: today)
    for warning in catalog.warnings { warn(warning) }
    cachedCatalog = catalog
    return catalog
  }
}
