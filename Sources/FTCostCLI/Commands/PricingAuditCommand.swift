import FTCostKit
import Foundation

/// `ftcost pricing audit`: the tables checked against a day.
enum PricingAuditCommand {
  static let spec = CommandSpec(
    name: "audit", abstract: "Check the pricing tables against today: retired, retiring, stale and unconfirmed.",
    discussion:
      "With no path, audits the built-in tables; a path is audited as a --pricing overlay on them. Errors: an overlay that shows as current a model the built-in tables retire, a serving model whose successor is retired, a price change on or after a retirement. Warnings: retirements and fine-tuning cut-offs within 90 days, a successor that retires no later than its model, fine-tuning prices of a model that takes no new jobs. Notes: prices older than 180 days, unconfirmed values. --today as-of pins the day to the newest as_of of the tables, as the release check does. Exits 0 without errors, 1 otherwise.",
    arguments: [
      ArgumentSpec(
        "path", help: "Pricing files or folders to audit as overlays.", optional: true, repeating: true,
        completion: .files)
    ],
    options: [
      OptionSpec(
        "--today", .value("date|as-of"),
        help: "The day to audit on, YYYY-MM-DD, or as-of for the tables' newest as_of (default: today)."),
      CommonOptions.format([.table, .json, .markdown]),
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    var day: ISODate?
    var pinToTables = false
    if let text = invocation.string("--today") {
      if text == "as-of" {
        pinToTables = true
      } else if let date = ISODate(text) {
        day = date
      } else {
        throw UsageError.invalidValue(
          text, option: "--today",
          reason: .malformed(expected: "a date written YYYY-MM-DD or 'as-of'", example: "2026-11-26"))
      }
    }
    let location = try invocation.dataLocation()
    let loadDay = invocation.today
    let builtIn = try PricingLoader.load(path: location.pricing, isBuiltIn: true, today: loadDay)
    var problems = builtIn.diagnostics
    var overlays: [PricingTable] = []
    for path in invocation.positionals {
      let loaded = try PricingLoader.load(path: path, isBuiltIn: false, today: loadDay, base: builtIn.tables)
      problems += loaded.diagnostics
      overlays += loaded.tables
    }
    if !problems.isEmpty { throw PricingError.invalid(problems) }
    let catalog = try PricingCatalog(builtIn: builtIn.tables, overlays: overlays, today: loadDay)
    let today = pinToTables ? (catalog.tables.map(\.asOf).max() ?? loadDay) : (day ?? loadDay)
    let audit = PricingAudit.audit(
      catalog, reference: overlays.isEmpty ? [] : builtIn.tables.flatMap(\.models), today: today)
    try invocation.emit(audit.report)
    return audit.hasErrors ? CLI.ExitCode.failure : CLI.ExitCode.success
  }
}
