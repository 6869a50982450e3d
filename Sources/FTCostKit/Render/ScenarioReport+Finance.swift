import Foundation

/// The finance views of a scenario: each candidate's statement (investment, savings, returns) and
/// its cash flows month by month.
extension ScenarioReport {
  /// The statement `roi` prints: one record per candidate, shown as one column each.
  ///
  /// Investment and its parts, month 1, running costs and their parts, savings, net benefit, total
  /// cost of ownership, payback, ROI, NPV with its rates, IRR and break-even. Every part foots to
  /// the figure above it.
  public func summaryTable(_ candidates: [CandidateResult]) -> ReportTable {
    let horizon = Self.months(result.scenario.horizonMonths)
    let baseline = result.baseline
    let oneTimeParts = OneTimeComponent.allCases.filter { part in
      candidates.contains { ($0.figures?.cost.oneTime[part] ?? 0) != 0 }
    }
    let runningParts = CostComponent.allCases.filter { part in
      candidates.contains { candidate in candidate.figures?.monthlyComponents.contains { $0[part] != 0 } ?? false }
    }
    var columns: [ReportTable.Column] = [
      .init("candidate", "candidate"), .init("model", "model"), .init("baseline", "baseline"),
      .init("status", "status"), .init("investment\(unit)", "investment (one-time, vs baseline)"),
    ]
    columns += oneTimeParts.map { .init("investment_\($0.key)\(unit)", $0.label, level: 1) }
    let baselineOneTime = baseline.cost.oneTimeCost != 0
    if baselineOneTime {
      columns.append(.init("baseline_one_time\(unit)", "less the baseline's one-time cost", level: 1))
    }
    columns += [
      .init("baseline_cost_month_1\(unit)", "baseline cost, month 1"),
      .init("candidate_cost_month_1\(unit)", "candidate cost, month 1"),
      .init("savings_month_1\(unit)", "savings, month 1"),
      .init("running_cost\(unit)", "candidate running cost over \(horizon)"),
    ]
    columns += runningParts.map { .init("running_\($0.key)\(unit)", $0.label, level: 1) }
    columns += [
      .init("savings\(unit)", "savings over \(horizon)"), .init("net_benefit\(unit)", "net benefit"),
      .init("tco\(unit)", "total cost of ownership over \(horizon)"),
      .init("baseline_tco\(unit)", "baseline's total cost of ownership"),
      .init("payback_months", "payback"), .init("payback_date", "payback date"), .init("roi", "ROI"),
      .init("benefit_cost_ratio", "benefit/cost ratio"), .init("discount_rate_annual", "discount rate, a year"),
      .init("discount_rate_monthly", "discount rate, a month"), .init("npv\(unit)", "NPV"),
      .init("irr_monthly", "IRR, a month"), .init("irr_annual", "IRR, a year"),
      .init("break_even_requests_per_month", "break-even volume, requests/month"),
    ]
    var table = ReportTable(
      name: "summary", columns: columns, layout: .record, recordTitles: candidates.map(\.name))
    let rate = result.scenario.discountRateAnnual
    let monthlyRate = ScenarioEngine.monthlyRate(annual: rate)
    for candidate in candidates {
      var row: [ReportCell] = [
        .text(candidate.name), .text(candidate.model.id),
        .text("\(baseline.cost.plan.name) (\(baseline.cost.model.id))"), .text(statusCell(candidate.status)),
      ]
      guard let figures = candidate.figures, let shown = footing.candidates[candidate.name] else {
        table.append(row + Array(repeating: .missing("-"), count: columns.count - row.count))
        continue
      }
      let flows = CashFlows(figures: figures, discountRateAnnual: rate)
      var recurring = ComponentAmounts()
      for month in figures.monthlyComponents { recurring.add(month) }
      var shownRecurring = ComponentAmounts()
      for month in shown.plan.runningParts { shownRecurring.add(month) }
      let month1 = 1 < shown.savings.count
      row.append(.money(figures.investment, shown: shown.investment))
      row += oneTimeParts.map { .money(figures.cost.oneTime[$0], shown: shown.plan.oneTimeParts[$0]) }
      if baselineOneTime {
        row.append(.money(-baseline.cost.oneTimeCost, shown: -footing.baseline.oneTime))
      }
      row += [
        .money(baseline.monthlyCost.first ?? 0, shown: month1 ? footing.baseline.months[1] : 0),
        .money(figures.monthlyCost.first ?? 0, shown: month1 ? shown.plan.months[1] : 0),
        .money(figures.monthlySavings.first ?? 0, shown: month1 ? shown.savings[1] : 0),
        .money(recurring.total, shown: shown.plan.running),
      ]
      row += runningParts.map { .money(recurring[$0], shown: shownRecurring[$0]) }
      row += [
        .money(figures.monthlySavings.reduce(0, +), shown: shown.savings.dropFirst().reduce(0, +)),
        .money(figures.netBenefit, shown: shown.net), .money(figures.totalCost, shown: shown.plan.total),
        .money(baseline.totalCost, shown: footing.baseline.total),
        figures.paybackMonths.map { .months($0) } ?? .missing("never"),
        figures.paybackDate.map { .date($0) } ?? .missing("-"),
        figures.roi.map { .percent($0, places: 0) } ?? .missing("n/a (no investment)"),
        figures.benefitCostRatio.map { .ratio($0, suffix: "") } ?? .missing("n/a (no investment)"),
        .percent(rate, places: 2), .percent(monthlyRate, places: 4),
        .money(figures.npv, shown: shown.npv),
        flows.irrMonthly.map { .percent($0, places: 2) } ?? .missing("none"),
        flows.irrAnnual.map { .percent($0, places: 2) } ?? .missing("none"),
        figures.breakEvenRequestsPerMonth.map { .count($0.rounded(scale: 0, .up)) } ?? .missing("never at any volume"),
      ]
      table.append(row)
    }
    return table
  }

  /// A candidate's cash flows, month 0 (the investment) then months 1 … H.
  ///
  /// Each row has the requests, the baseline's cost, each cost component, the candidate's cost,
  /// savings, cumulative savings, the discount factor and discounted savings; a total row for
  /// people. Every row and every column foots. `nil` for a candidate that cannot run.
  public func cashFlowTable(_ candidate: CandidateResult, isDetail: Bool = true) -> ReportTable? {
    guard let figures = candidate.figures, let shown = footing.candidates[candidate.name] else { return nil }
    let flows = CashFlows(figures: figures, discountRateAnnual: result.scenario.discountRateAnnual)
    let oneTimeParts = OneTimeComponent.allCases.filter { figures.cost.oneTime[$0] != 0 }
    let runningParts = CostComponent.allCases.filter { part in figures.monthlyComponents.contains { $0[part] != 0 } }
    var columns: [ReportTable.Column] = [
      .init("month", "month"), .init("date", "date"), .init("requests", "requests"),
      .init("baseline_cost\(unit)", "baseline cost"),
    ]
    columns += oneTimeParts.map { .init("\($0.key)\(unit)", $0.label) }
    columns += runningParts.map { .init("\($0.key)\(unit)", $0.label) }
    columns += [
      .init("candidate_cost\(unit)", "candidate cost"), .init("savings\(unit)", "savings"),
      .init("cumulative_savings\(unit)", "cumulative savings"), .init("discount_factor", "discount factor"),
      .init("discounted_savings\(unit)", "discounted savings"),
    ]
    var table = ReportTable(
      name: "cashflow", title: "Cash flow: \(candidate.name)", columns: columns, isDetail: isDetail)
    let calendar = result.planned.calendar
    let baselineExact = [result.baseline.cost.oneTimeCost] + result.baseline.monthlyCost
    let candidateExact = [figures.cost.oneTimeCost] + figures.monthlyCost
    var cumulative: Decimal = 0
    var cumulativeExact: Decimal = 0
    var requests: Decimal = 0
    for month in 0...result.scenario.horizonMonths {
      let volume = month == 0 ? 0 : ScenarioEngine.requests(inMonth: month, result.scenario.workload)
      requests += volume
      cumulative += shown.savings[month]
      cumulativeExact += flows.flows[month]
      var row: [ReportCell] = [
        .count(Decimal(month)), .date(calendar.firstDay(ofMonth: max(month, 1))), .count(volume),
        .money(baselineExact[month], shown: footing.baseline.months[month]),
      ]
      row += oneTimeParts.map { part in
        month == 0 ? .money(figures.cost.oneTime[part], shown: shown.plan.oneTimeParts[part]) : .money(0, shown: 0)
      }
      row += runningParts.map { part in
        month == 0
          ? .money(0, shown: 0)
          : .money(figures.monthlyComponents[month - 1][part], shown: shown.plan.runningParts[month - 1][part])
      }
      row += [
        .money(candidateExact[month], shown: shown.plan.months[month]),
        .money(flows.flows[month], shown: shown.savings[month]), .money(cumulativeExact, shown: cumulative),
        .number(flows.discountFactors[month], places: 10),
        .money(flows.discounted[month], shown: shown.discounted[month]),
      ]
      table.append(row)
    }
    var totals: [ReportCell] = [
      .text("total"), .missing(""), .count(requests), .money(result.baseline.totalCost, shown: footing.baseline.total),
    ]
    totals += oneTimeParts.map { .money(figures.cost.oneTime[$0], shown: shown.plan.oneTimeParts[$0]) }
    totals += runningParts.map { part in
      .money(
        figures.monthlyComponents.reduce(0) { $0 + $1[part] },
        shown: shown.plan.runningParts.reduce(0) { $0 + $1[part] })
    }
    totals += [
      .money(figures.totalCost, shown: shown.plan.total), .money(figures.netBenefit, shown: shown.net),
      .missing(""), .missing(""), .money(figures.npv, shown: shown.npv),
    ]
    table.totals = totals
    return table
  }
}
