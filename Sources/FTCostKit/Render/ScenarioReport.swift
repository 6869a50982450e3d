import Foundation

/// Human-readable views of a scenario result: the comparison table, events, the verdict, the
/// finance view.
public struct ScenarioReport {
  public var result: ScenarioResult
  public var money: MoneyFormat

  public init(result: ScenarioResult, money: MoneyFormat = MoneyFormat()) {
    self.result = result
    self.money = money.currency(result.currency)
  }

  /// "0.37 months", or "never" when savings never repay the investment.
  public func payback(_ months: Decimal?) -> String {
    guard let months else { return "never" }
    return MoneyFormat.grouped(months.rounded(scale: 2, rule: money.rounding), minimumFractionDigits: 2) + " months"
  }

  /// A break-even volume rounded up to whole requests, or "never".
  public func breakEven(_ volume: Decimal?) -> String {
    volume.map { MoneyFormat.grouped($0.rounded(scale: 0, .up)) } ?? "never"
  }

  /// The status as a table cell: "feasible", "falls back 2027-01-14", "infeasible".
  public func statusCell(_ status: PlanStatus) -> String {
    switch status {
    case .feasible: return "feasible"
    case .fallsBack(let date, _): return "falls back \(date)"
    case .infeasible: return "infeasible"
    }
  }

  /// True when failures cost money, so effective and token costs per request differ.
  var showsFailures: Bool { result.scenario.workload.failureCost != 0 }

  /// `compare`: every strategy side by side.
  public var comparisonTable: TextTable {
    let horizon = result.scenario.horizonMonths
    var columns: [TextTable.Column] = [
      .init("strategy"), .init("kind"), .init("model"), .init("status"), .init("one-time", .right),
      .init("month 1", .right), .init("total \(horizon) mo", .right), .init("per request", .right),
    ]
    if showsFailures { columns.append(.init("with failures", .right)) }
    columns += [
      .init("cost ratio", .right), .init("payback", .right), .init("ROI", .right),
      .init("break-even req/mo", .right),
    ]
    var table = TextTable(columns: columns)
    let baseline = result.baseline
    var row = [
      baseline.cost.plan.name + " (baseline)", baseline.cost.plan.strategy.rawValue, baseline.cost.model.id, "baseline",
      money.total(baseline.cost.oneTimeCost), money.total(baseline.monthlyCost.first ?? 0),
      money.total(baseline.totalCost), baseline.cost.costPerRequest.map(money.unit) ?? "-",
    ]
    if showsFailures { row.append(baseline.cost.effectiveCostPerRequest.map(money.unit) ?? "-") }
    table.append(row + ["1.00x", "-", "-", "-"])
    for candidate in result.candidates {
      var row = [
        candidate.name, candidate.plan.strategy.rawValue, candidate.model.id, statusCell(candidate.status),
      ]
      guard let figures = candidate.figures else {
        table.append(row + Array(repeating: "-", count: columns.count - row.count))
        continue
      }
      row += [
        money.total(figures.cost.oneTimeCost), money.total(figures.monthlyCost.first ?? 0),
        money.total(figures.totalCost), figures.cost.costPerRequest.map(money.unit) ?? "-",
      ]
      if showsFailures { row.append(figures.cost.effectiveCostPerRequest.map(money.unit) ?? "-") }
      row += [
        figures.costRatio.map { money.ratio($0) + "x" } ?? "-", payback(figures.paybackMonths),
        figures.roi.map(money.percent) ?? (figures.investment <= 0 ? "no investment" : "-"),
        breakEven(figures.breakEvenRequestsPerMonth),
      ]
      table.append(row)
    }
    return table
  }

  /// Every plan's dated events inside the horizon, by date.
  public var events: [(plan: String, event: PlanEvent)] { events(of: result.candidates) }

  /// The baseline's events and those of `candidates`, by date; on one day in plan order and in the
  /// order the engine applied them.
  public func events(of candidates: [CandidateResult]) -> [(plan: String, event: PlanEvent)] {
    let all =
      result.baseline.events.map { (result.baseline.cost.plan.name + " (baseline)", $0) }
      + candidates.flatMap { candidate in candidate.events.map { (candidate.name, $0) } }
    return all.enumerated().sorted { ($0.element.1.date, $0.offset) < ($1.element.1.date, $1.offset) }.map(\.element)
  }

  /// The events as a table: date, month, plan, kind, detail.
  public var eventsTable: TextTable { eventsTable(of: result.candidates) }

  public func eventsTable(of candidates: [CandidateResult]) -> TextTable {
    var table = TextTable(columns: [
      .init("date"), .init("month", .right), .init("plan"), .init("event"), .init("detail"),
    ])
    for (plan, event) in events(of: candidates) {
      table.append([event.date.description, String(event.month), plan, event.kind.rawValue, event.detail])
    }
    return table
  }

  /// Events as indented lines under a table, or nothing when there are none.
  public var eventLines: String { eventLines(of: result.candidates) }

  public func eventLines(of candidates: [CandidateResult]) -> String {
    let events = events(of: candidates)
    guard !events.isEmpty else { return "" }
    return "Events:\n"
      + events.map { plan, event in
        "  \(event.date) (month \(event.month)) \(plan): \(event.kind.rawValue): \(event.detail)\n"
      }.joined()
  }

  /// The events of `candidates` in `format`: lines under a table, a markdown table, a CSV section.
  public func eventsSection(of candidates: [CandidateResult], as format: OutputFormat) -> String {
    guard !events(of: candidates).isEmpty else { return "" }
    switch format {
    case .table: return "\n" + eventLines(of: candidates)
    case .markdown: return "\n**Events**\n\n" + eventsTable(of: candidates).renderedMarkdown()
    case .csv: return "\nevents\n" + eventsTable(of: candidates).renderedCSV()
    case .json: return ""
    }
  }

  /// "1 month", "12 months".
  public static func months(_ count: Int) -> String { count == 1 ? "1 month" : "\(count) months" }

  /// Which overlay file supplied which values, one line each; empty when no overlay value was used.
  public var overlayLines: String {
    guard !result.overlaidValues.isEmpty else { return "" }
    return "Prices from your pricing overlay: " + result.overlaidValues.joined(separator: "; ") + "\n"
  }

  /// The verdict as a one-cell CSV section, so a spreadsheet keeps the reasons too.
  public var verdictCSV: String {
    "\n" + TextTable(columns: [.init("verdict")], rows: [[verdict]]).renderedCSV()
  }

  /// The values taken from a pricing overlay, one row each, for CSV.
  public var overlayTable: TextTable {
    TextTable(columns: [.init("value from your pricing overlay")], rows: result.overlaidValues.map { [$0] })
  }

  /// The verdict under `compare`: the best plan that can run, then one sentence for each plan
  /// that falls back or cannot run.
  public var verdict: String {
    let horizon = result.scenario.horizonMonths
    var sentences: [String] = []
    let best = result.best
    if let best, let figures = best.figures {
      var line = "Verdict: \(best.name) "
      line += figures.investment <= 0 ? "costs less from day one" : "pays back in \(payback(figures.paybackMonths))"
      let saved = money.total(figures.netBenefit)
      let over = Self.months(horizon)
      let roi = figures.roi.map { "ROI \(money.percent($0))" }
      if case .fallsBack(let date, let reason) = best.status {
        let details = ["net \(saved) over \(over)", roi].compactMap { $0 }.joined(separator: ", ")
        line += "; \(reason), so it falls back to the baseline on \(date) (\(details))."
      } else {
        line += " and saves \(saved) net over \(over)" + (roi.map { " (\($0))" } ?? "") + "."
      }
      sentences.append(line)
    } else if result.candidates.allSatisfy({ $0.figures == nil }) {
      sentences.append("Verdict: stay with \(result.baseline.cost.plan.name): no candidate can run as written.")
    } else {
      sentences.append(
        "Verdict: stay with \(result.baseline.cost.plan.name): no candidate that can run saves money over \(Self.months(horizon)) at this volume."
      )
    }
    for candidate in result.candidates where candidate.name != best?.name {
      switch candidate.status {
      case .feasible: continue
      case .fallsBack(let date, let reason):
        let net = candidate.figures.map { " (net \(money.total($0.netBenefit)) over \(Self.months(horizon)))" } ?? ""
        sentences.append("\(candidate.name) falls back to the baseline on \(date): \(reason)\(net).")
      case .infeasible(let reason):
        sentences.append("\(candidate.name) cannot run: \(reason).")
      }
    }
    return sentences.joined(separator: " ")
  }
}
