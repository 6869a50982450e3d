import Foundation

/// What a scenario's figures rest on: its inputs and every price used, with sources and dates.
extension ScenarioReport {
  /// The scenario's inputs: calendar, volume, token shape, discount rate, rounding and overrides.
  public var assumptionsTable: ReportTable {
    let scenario = result.scenario
    let workload = scenario.workload
    var table = ReportTable(
      name: "assumptions", title: "Assumptions", columns: [.init("parameter", "parameter"), .init("value", "value")],
      isDetail: true)
    func add(_ name: String, _ value: ReportCell) { table.append([.text(name), value]) }
    add("scenario", .text(scenario.name))
    add("start date", .date(result.start))
    if scenario.startDate == nil { add("start date chosen as", .text("today (no start_date in the scenario)")) }
    add("horizon (months)", .count(Decimal(scenario.horizonMonths)))
    add("currency", .text(result.currency))
    add("requests in month 1", .count(workload.requestsPerMonth))
    add("monthly growth", .percent(workload.monthlyGrowth, places: 2))
    add("system tokens per request", .count(Decimal(workload.systemTokens)))
    add("few-shot tokens per request", .count(Decimal(workload.fewShotTokens)))
    add("user tokens per request", .count(Decimal(workload.userTokens)))
    add("output tokens per request", .count(Decimal(workload.outputTokens)))
    add("cached prefix share", .percent(workload.cachedPrefixShare, places: 2))
    add("cost of a failed answer", .money(workload.failureCost))
    add("discount rate, a year", .percent(scenario.discountRateAnnual, places: 2))
    add("discount rate, a month", .percent(ScenarioEngine.monthlyRate(annual: scenario.discountRateAnnual), places: 4))
    add("rounding of shown amounts", .text(money.rounding.rawValue + ", footed by largest remainder"))
    for (path, value) in result.overrides { add("override \(path)", .text(value)) }
    for value in result.overlaidValues { add("from your pricing overlay", .text(value)) }
    return table
  }

  /// Every price the plans used: plan, model, field, value, what it is per, when it took effect,
  /// the table's as_of and the source.
  public var pricesTable: ReportTable {
    var table = ReportTable(
      name: "prices", title: "Prices used and their sources",
      columns: [
        .init("plan", "plan"), .init("model", "model"), .init("field", "field"), .init("price", "price"),
        .init("per", "per"), .init("effective_from", "effective from"), .init("as_of", "as of"),
        .init("source", "source"), .init("unconfirmed", "unconfirmed"), .init("overlay", "from your overlay"),
      ], isDetail: true)
    for row in result.priceAssumptions {
      table.append([
        .text(row.plan), .text(row.model), .text(row.field),
        .price(row.value, currency: row.currency, mark: row.unconfirmed ? "*" : ""), .text(row.unit),
        row.effectiveFrom.map { .date($0) } ?? .missing("-"), .date(row.asOf), .text(row.source),
        .text(row.unconfirmed ? "yes" : "no"), row.overlay.map { .text($0) } ?? .missing("-"),
      ])
    }
    return table
  }
}
