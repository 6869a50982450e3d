import Foundation

/// The views of a scenario result as report parts: the comparison table, events, the verdict, the
/// finance statement and cash flows; every amount footed once (`ScenarioFooting`).
public struct ScenarioReport {
  public var result: ScenarioResult
  public var money: MoneyFormat
  let footing: ScenarioFooting

  public init(result: ScenarioResult, money: MoneyFormat = MoneyFormat()) {
    self.result = result
    self.money = money.currency(result.currency)
    footing = ScenarioFooting(result: result, rule: money.rounding)
  }

  /// "0.37 months", or "never" when savings never repay the investment.
  public func payback(_ months: Decimal?) -> String {
    guard let months else { return "never" }
    return ReportCell.months(months).display(money)
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

  /// The suffix of money columns' CSV names: `_usd`.
  var unit: String { "_" + result.currency.lowercased() }

  /// "1 month", "12 months".
  public static func months(_ count: Int) -> String { count == 1 ? "1 month" : "\(count) months" }

  /// The scenario's name, its workload in one line, and the overrides of this run.
  public var headerLines: [String] {
    let workload = result.scenario.workload
    var lines = ["\(result.scenario.name)"]
    var shape = "\(MoneyFormat.count(workload.requestsPerMonth)) requests/month"
    if workload.monthlyGrowth != 0 { shape += " growing \(MoneyFormat().percent(workload.monthlyGrowth)) a month" }
    shape +=
      "; per request \(workload.systemTokens) system + \(workload.fewShotTokens) few-shot + \(workload.userTokens) user input, \(workload.outputTokens) output tokens"
    if workload.failureCost != 0 { shape += "; a failed answer costs \(money.total(workload.failureCost))" }
    shape += "; \(result.scenario.horizonMonths)-month horizon from \(result.start)"
    if result.scenario.startDate == nil { shape += " (today)" }
    lines.append(shape)
    if !result.overrides.isEmpty {
      lines.append("overridden: " + result.overrides.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
    }
    return lines
  }

  /// True when failures cost money, so effective and token costs per request differ.
  var showsFailures: Bool { result.scenario.workload.failureCost != 0 }

  /// `compare`: every strategy side by side; one-time and running costs add up to the total.
  public var comparisonTable: ReportTable {
    let horizon = result.scenario.horizonMonths
    var columns: [ReportTable.Column] = [
      .init("strategy", "strategy"), .init("kind", "kind"), .init("model", "model"), .init("status", "status"),
      .init("one_time\(unit)", "one-time"), .init("month_1\(unit)", "month 1"),
      .init("running\(unit)", "running \(horizon) mo"), .init("total\(unit)", "total \(horizon) mo"),
      .init("cost_per_request\(unit)", "per request"),
    ]
    if showsFailures { columns.append(.init("effective_cost_per_request\(unit)", "with failures")) }
    columns += [
      .init("cost_ratio", "cost ratio"), .init("payback_months", "payback"), .init("roi", "ROI"),
      .init("break_even_requests_per_month", "break-even req/mo"),
    ]
    var table = ReportTable(name: "comparison", columns: columns)
    let baseline = result.baseline
    let shown = footing.baseline
    var row: [ReportCell] = [
      .text(baseline.cost.plan.name + " (baseline)"), .text(baseline.cost.plan.strategy.rawValue),
      .text(baseline.cost.model.id), .text("baseline"), .money(baseline.cost.oneTimeCost, shown: shown.oneTime),
      .money(baseline.monthlyCost.first ?? 0, shown: shown.months.count > 1 ? shown.months[1] : 0),
      .money(baseline.totalCost - baseline.cost.oneTimeCost, shown: shown.running),
      .money(baseline.totalCost, shown: shown.total),
      baseline.cost.costPerRequest.map { .unitCost($0) } ?? .missing("-"),
    ]
    if showsFailures { row.append(baseline.cost.effectiveCostPerRequest.map { .unitCost($0) } ?? .missing("-")) }
    table.append(row + [.ratio(1, suffix: "x"), .missing("-"), .missing("-"), .missing("-")])
    for candidate in result.candidates {
      var row: [ReportCell] = [
        .text(candidate.name), .text(candidate.plan.strategy.rawValue), .text(candidate.model.id),
        .text(statusCell(candidate.status)),
      ]
      guard let figures = candidate.figures, let shown = footing.candidates[candidate.name] else {
        table.append(row + Array(repeating: .missing("-"), count: columns.count - row.count))
        continue
      }
      row += [
        .money(figures.cost.oneTimeCost, shown: shown.plan.oneTime),
        .money(figures.monthlyCost.first ?? 0, shown: shown.plan.months.count > 1 ? shown.plan.months[1] : 0),
        .money(figures.totalCost - figures.cost.oneTimeCost, shown: shown.plan.running),
        .money(figures.totalCost, shown: shown.plan.total),
        figures.cost.costPerRequest.map { .unitCost($0) } ?? .missing("-"),
      ]
      if showsFailures { row.append(figures.cost.effectiveCostPerRequest.map { .unitCost($0) } ?? .missing("-")) }
      row += [
        figures.costRatio.map { .ratio($0, suffix: "x") } ?? .missing("-"),
        figures.paybackMonths.map { .months($0) } ?? .missing("never"),
        figures.roi.map { .percent($0, places: 0) } ?? .missing(figures.investment <= 0 ? "no investment" : "-"),
        figures.breakEvenRequestsPerMonth.map { .count($0.rounded(scale: 0, .up)) } ?? .missing("never"),
      ]
      table.append(row)
    }
    return table
  }

  /// Every plan's dated events inside the horizon, by date.
  public var events: [ReportEvent] { events(of: result.candidates) }

  /// The baseline's events and those of `candidates`, by date; on one day in plan order and in the
  /// order the engine applied them.
  public func events(of candidates: [CandidateResult]) -> [ReportEvent] {
    let all =
      result.baseline.events.map { ReportEvent(plan: result.baseline.cost.plan.name + " (baseline)", event: $0) }
      + candidates.flatMap { candidate in candidate.events.map { ReportEvent(plan: candidate.name, event: $0) } }
    return all.enumerated().sorted { ($0.element.event.date, $0.offset) < ($1.element.event.date, $1.offset) }
      .map(\.element)
  }

  /// Which overlay file supplied which values, in one sentence; empty when no overlay value was used.
  public var overlayLines: [String] {
    guard !result.overlaidValues.isEmpty else { return [] }
    return ["Prices from your pricing overlay: " + result.overlaidValues.joined(separator: "; ")]
  }

  /// The net benefit a candidate shows: the baseline's shown total less its own.
  func shownNet(_ candidate: CandidateResult) -> Decimal? {
    footing.candidates[candidate.name]?.net
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
      let saved = money.dollars(shownNet(best) ?? figures.netBenefit, minimumFractionDigits: 2)
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
        let net = shownNet(candidate).map {
          " (net \(money.dollars($0, minimumFractionDigits: 2)) over \(Self.months(horizon)))"
        }
        sentences.append("\(candidate.name) falls back to the baseline on \(date): \(reason)\(net ?? "").")
      case .infeasible(let reason):
        sentences.append("\(candidate.name) cannot run: \(reason).")
      }
    }
    return sentences.joined(separator: " ")
  }

  /// One sentence on why a candidate falls back or cannot run; `nil` when it runs as written.
  public func statusNote(_ candidate: CandidateResult) -> String? {
    switch candidate.status {
    case .feasible: return nil
    case .fallsBack(let date, let reason):
      return "\(candidate.name) falls back to the baseline on \(date): \(reason)."
    case .infeasible(let reason):
      return "\(candidate.name) cannot run: \(reason)."
    }
  }
}
