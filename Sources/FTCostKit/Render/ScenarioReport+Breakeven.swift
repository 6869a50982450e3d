import Foundation

/// `breakeven`: one candidate's break-even volume and its payback, ROI, net benefit and NPV across
/// volumes.
extension ScenarioReport {
  /// The sweep as a document: the heading, one sentence on the break-even point, the table.
  ///
  /// `more` are sentences the caller adds to the summary (which other candidates exist).
  public func breakevenReport(_ candidate: CandidateResult, sweep: VolumeSweep, more: [String] = []) -> Report {
    let figures = candidate.figures
    let hosted = figures?.cost.hosting != nil
    var columns: [ReportTable.Column] = [
      .init("requests_per_month", "requests/month"), .init("payback_months", "payback"), .init("roi", "ROI"),
      .init("net_benefit\(unit)", "net benefit"), .init("npv\(unit)", "NPV"),
    ]
    if hosted { columns.append(.init("replicas", "replicas")) }
    var table = ReportTable(name: "sweep", columns: columns)
    for point in sweep.points {
      let row = point.figures
      var cells: [ReportCell] = [
        .count(point.requestsPerMonth), row.paybackMonths.map { .months($0) } ?? .missing("never"),
        row.roi.map { .percent($0, places: 0) } ?? .missing("-"), .money(row.netBenefit), .money(row.npv),
      ]
      if hosted { cells.append(row.monthlyHosting.first.map { .count(Decimal($0.replicas)) } ?? .missing("-")) }
      table.append(cells)
    }
    let point =
      figures?.breakEvenRequestsPerMonth.map { breakEven($0) + " requests/month (month 1)" }
      ?? "never: no volume up to 10^12 requests a month repays it"
    var summary =
      "\(candidate.name) vs \(result.baseline.cost.plan.name): break-even at \(point) over \(Self.months(result.scenario.horizonMonths))."
    if let note = statusNote(candidate) { summary += " " + note }
    if let hosting = figures?.cost.hosting, let capacity = hosting.requestsPerReplicaMonth {
      summary +=
        " One replica serves up to \(MoneyFormat.grouped(capacity.rounded(scale: 0, .down))) requests a month at \(money.percent(hosting.maxUtilization)) utilisation; each multiple of that needs one more."
    }
    summary += more.map { " " + $0 }.joined()
    let json = JSON.object([
      ("scenario", .string(result.scenario.name)),
      ("candidate", .string(candidate.name)),
      ("horizon_months", .integer(Int64(result.scenario.horizonMonths))),
      ("break_even_requests_per_month", .number(figures?.breakEvenRequestsPerMonth)),
      (
        "sweep",
        .array(
          sweep.points.map { point in
            let row = point.figures
            return .object([
              ("requests_per_month", .number(point.requestsPerMonth)),
              ("replicas", row.monthlyHosting.first.map { .integer($0.replicas) } ?? .null),
              ("payback_months", .number(row.paybackMonths)),
              ("roi", .number(row.roi)), ("net_benefit", .number(row.netBenefit)), ("npv", .number(row.npv)),
            ])
          })
      ),
      ("overrides", .object(result.overrides.map { ($0.0, JSON.string($0.1)) })),
      ("pricing_overlay_values", .array(result.overlaidValues.map { .string($0) })),
    ])
    var report = Report(title: result.scenario.name, json: json, primaryTable: "sweep", currency: result.currency)
    report.append(.lines(headerLines))
    report.append(.lines([summary]))
    report.append(.table(table))
    report.append(.notes(overlayLines))
    report.append(.warnings(result.warnings))
    return report
  }
}
