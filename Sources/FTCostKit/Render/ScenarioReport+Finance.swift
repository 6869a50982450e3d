import Foundation

/// The finance views of a scenario: one candidate's investment, savings and returns; month by month.
extension ScenarioReport {
  /// `roi`: the finance view of one candidate as measure/value rows.
  public func financeTable(_ candidate: CandidateResult) -> TextTable {
    var table = TextTable(columns: [.init("measure"), .init("value", .right)])
    let horizon = result.scenario.horizonMonths
    let baseline = result.baseline
    table.append(["baseline", "\(baseline.cost.plan.name) (\(baseline.cost.model.id))"])
    table.append(["candidate", "\(candidate.name) (\(candidate.model.id))"])
    table.append(["status", statusCell(candidate.status)])
    guard let figures = candidate.figures else { return table }
    table.append(["investment (one-time, vs baseline)", money.total(figures.investment)])
    for (component, amount) in figures.cost.oneTime.nonZero {
      table.append(["  \(component.label)", money.total(amount)])
    }
    if baseline.cost.oneTimeCost != 0 {
      table.append(["  less the baseline's one-time cost", money.total(-baseline.cost.oneTimeCost)])
    }
    table.append(["baseline cost, month 1", money.total(baseline.monthlyCost.first ?? 0)])
    table.append(["candidate cost, month 1", money.total(figures.monthlyCost.first ?? 0)])
    table.append(["monthly savings, month 1", money.total(figures.monthlySavings.first ?? 0)])
    var recurring = ComponentAmounts()
    for month in figures.monthlyComponents { recurring.add(month) }
    table.append(["candidate running cost over \(Self.months(horizon))", money.total(recurring.total)])
    for (component, amount) in recurring.nonZero {
      table.append(["  \(component.label)", money.total(amount)])
    }
    table.append(["savings over \(Self.months(horizon))", money.total(figures.monthlySavings.reduce(0, +))])
    table.append(["net benefit", money.total(figures.netBenefit)])
    var paybackText = payback(figures.paybackMonths)
    if let date = figures.paybackDate { paybackText += " (\(date))" }
    table.append(["payback", paybackText])
    table.append(["ROI", figures.roi.map { "\(money.ratio($0)) (\(money.percent($0)))" } ?? "n/a (no investment)"])
    table.append(["benefit/cost ratio", figures.benefitCostRatio.map(money.ratio) ?? "n/a (no investment)"])
    let rate = result.scenario.discountRateAnnual
    table.append(["NPV at \(money.percent(rate)) a year", money.total(figures.npv)])
    table.append([
      "break-even volume",
      figures.breakEvenRequestsPerMonth.map { breakEven($0) + " requests/month" } ?? "never at any volume",
    ])
    return table
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

  /// `roi --monthly`: month by month, ready for a spreadsheet; the events of each month last.
  public func monthlyTable(_ candidates: [CandidateResult]) -> TextTable {
    var table = TextTable(columns: [
      .init("candidate"), .init("month", .right), .init("date"), .init("requests", .right), .init("baseline", .right),
      .init("candidate cost", .right), .init("savings", .right), .init("cumulative net", .right), .init("events"),
    ])
    for candidate in candidates {
      guard let figures = candidate.figures else { continue }
      var cumulative = -figures.investment
      for month in 1...result.scenario.horizonMonths {
        let saving = figures.monthlySavings[month - 1]
        cumulative += saving
        let kinds = (result.baseline.events + candidate.events).filter { $0.month == month }.map(\.kind.rawValue)
        table.append([
          candidate.name, String(month), result.planned.calendar.firstDay(ofMonth: month).description,
          MoneyFormat.count(ScenarioEngine.requests(inMonth: month, result.scenario.workload)),
          money.total(result.baseline.monthlyCost[month - 1]), money.total(figures.monthlyCost[month - 1]),
          money.total(saving), money.total(cumulative), kinds.joined(separator: " "),
        ])
      }
    }
    return table
  }
}
