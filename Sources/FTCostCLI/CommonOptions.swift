import FTCostKit

/// Options shared by many commands, declared once.
enum CommonOptions {
  static func format(_ formats: [OutputFormat] = OutputFormat.allCases) -> OptionSpec {
    OptionSpec(
      "--format", .value("format"), help: "Output format (default: table).",
      completion: .values(formats.map(\.rawValue)))
  }

  static let table = OptionSpec(
    "--table", .value("name"),
    help: "Only this table of the output (CSV prints one table: the first unless named).")

  static let pricing = OptionSpec(
    "--pricing", .value("dir"),
    help: "A folder of pricing tables that override the built-in ones by id (also FTCOST_PRICING).",
    completion: .directories)

  static let rounding = OptionSpec(
    "--rounding", .value("rule"),
    help: "How displayed totals round halves: half-up (away from zero, as a spreadsheet) or half-even.",
    completion: .values(RoundingRule.allCases.map(\.rawValue)))

  static let asOf = OptionSpec(
    "--as-of", .value("date"), help: "Price at this date, YYYY-MM-DD (default: today); dated price changes apply.")

  static let model = OptionSpec(
    "--model", short: "-m", .value("model"), help: "A model id or alias from the pricing tables.", required: true,
    completion: .models)
}
