import Foundation

/// Human-readable views of a scenario result: the comparison table, the verdict, the finance view.
public struct ScenarioReport {
  public var result: ScenarioResult
  public var money: MoneyFormat

  public init(result: ScenarioResult, money: MoneyFormat = MoneyFormat()) {
    self.result = result
    self.money = money
  }

  /// "0.37 months", or "never" when savings never repay the investment.
  public func payback(_ months: Decimal?) -> String {
    guard let months else { return "never" }
    return MoneyFormat.grouped(months.rounded(scale: 2, rule: money.rounding), minimumFractionDigits: 2) + " months"
  }

  /// `compare`: every strategy side by side.
  public var comparisonTable: TextTable {
    let horizon = result.scenario.horizonMonths
    var table = TextTable(columns: [
      .init("strategy"), .init("kind"), .init("model"), .init("one-time", .right), .init("month 1", .right),
      .init("total \(horizon) mo", .right), .init("per request", .right), .init("cost ratio", .right),
      .init("payback", .right), .init("ROI", .right), .init("break-even req/mo", .right),
    ])
    let baseline = result.baseline
    table.append([
      baseline.plan.name + " (baseline)", baseline.plan.strategy.rawValue, baseline.model.id,
      money.total(baseline.oneTimeCost), money.total(result.baselineMonthlyCost.first ?? 0),
      money.total(result.baselineTotalCost), money.unit(baseline.costPerRequest), "1.00x", "-", "-", "-",
    ])
    for candidate in result.candidates {
      table.append([
        candidate.cost.plan.name, candidate.cost.plan.strategy.rawValue, candidate.cost.model.id,
        money.total(candidate.cost.oneTimeCost), money.total(candidate.monthlyCost.first ?? 0),
        money.total(candidate.totalCost), money.unit(candidate.cost.costPerRequest),
        candidate.costRatio.map { money.ratio($0) + "x" } ?? "-",
        payback(candidate.paybackMonths),
        candidate.roi.map(money.percent) ?? (candidate.investment <= 0 ? "no investment" : "-"),
        candidate.breakEvenRequestsPerMonth.map { MoneyFormat.grouped($0.rounded(scale: 0, .up)) } ?? "never",
      ])
    }
    return table
  }

  /// The one-line verdict under `compare`.
  public var verdict: String {
    let horizon = result.scenario.horizonMonths
    guard let best = result.best else {
      return
        "Verdict: stay with \(result.baseline.plan.name): no candidate pays back within \(horizon) months at this volume."
    }
    var line = "Verdict: \(best.cost.plan.name) "
    if best.investment <= 0 {
      line += "costs less from day one"
    } else {
      line += "pays back in \(payback(best.paybackMonths))"
    }
    line += " and saves \(money.total(best.netBenefit)) net over \(horizon) months"
    if let roi = best.roi { line += " (ROI \(money.percent(roi)))" }
    return line + "."
  }

  /// `roi`: the finance view of one candidate as field/value rows.
  public func financeTable(_ candidate: CandidateResult) -> TextTable {
    var table = TextTable(columns: [.init("measure"), .init("value", .right)])
    let horizon = result.scenario.horizonMonths
    table.append(["baseline", "\(result.baseline.plan.name) (\(result.baseline.model.id))"])
    table.append(["candidate", "\(candidate.cost.plan.name) (\(candidate.cost.model.id))"])
    table.append(["investment (one-time, vs baseline)", money.total(candidate.investment)])
    if candidate.cost.teacherCost > 0 { table.append(["  teacher answers", money.total(candidate.cost.teacherCost)]) }
    if let training = candidate.cost.training { table.append(["  training", money.total(training.cost)]) }
    if candidate.cost.evaluationCost > 0 { table.append(["  evaluation", money.total(candidate.cost.evaluationCost)]) }
    if candidate.cost.corpusCost > 0 { table.append(["  corpus embedding", money.total(candidate.cost.corpusCost)]) }
    if candidate.cost.labelingCost > 0 { table.append(["  labeling", money.total(candidate.cost.labelingCost)]) }
    if candidate.cost.plan.setupCost > 0 { table.append(["  setup", money.total(candidate.cost.plan.setupCost)]) }
    table.append(["baseline cost, month 1", money.total(result.baselineMonthlyCost.first ?? 0)])
    table.append(["candidate cost, month 1", money.total(candidate.monthlyCost.first ?? 0)])
    table.append(["monthly savings, month 1", money.total(candidate.monthlySavings.first ?? 0)])
    table.append(["savings over \(horizon) months", money.total(candidate.monthlySavings.reduce(0, +))])
    table.append(["net benefit", money.total(candidate.netBenefit)])
    var paybackText = payback(candidate.paybackMonths)
    if let date = candidate.paybackDate { paybackText += " (\(date))" }
    table.append(["payback", paybackText])
    table.append(["ROI", candidate.roi.map { "\(money.ratio($0)) (\(money.percent($0)))" } ?? "n/a (no investment)"])
    table.append(["benefit/cost ratio", candidate.benefitCostRatio.map(money.ratio) ?? "n/a (no investment)"])
    let rate = result.scenario.discountRateAnnual
    table.append(["NPV at \(money.percent(rate)) a year", money.total(candidate.npv)])
    table.append([
      "break-even volume",
      candidate.breakEvenRequestsPerMonth.map { MoneyFormat.grouped($0.rounded(scale: 0, .up)) + " requests/month" }
        ?? "never (not cheaper per request)",
    ])
    return table
  }

  /// `roi --monthly`: month by month, ready for a spreadsheet.
  public func monthlyTable(_ candidates: [CandidateResult]) -> TextTable {
    var table = TextTable(columns: [
      .init("candidate"), .init("month", .right), .init("date"), .init("requests", .right), .init("baseline", .right),
      .init("candidate cost", .right), .init("savings", .right), .init("cumulative net", .right),
    ])
    for candidate in candidates {
      var cumulative = -candidate.investment
      for month in 1...result.scenario.horizonMonths {
        let saving = candidate.monthlySavings[month - 1]
        cumulative += saving
        let date = result.scenario.startDate.map { $0.adding(months: month - 1).description } ?? ""
        table.append([
          candidate.cost.plan.name, String(month), date,
          MoneyFormat.count(ScenarioEngine.requests(inMonth: month, result.scenario.workload)),
          money.total(result.baselineMonthlyCost[month - 1]), money.total(candidate.monthlyCost[month - 1]),
          money.total(saving), money.total(cumulative),
        ])
      }
    }
    return table
  }
}
