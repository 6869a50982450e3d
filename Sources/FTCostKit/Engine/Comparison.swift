import Foundation

/// Compares candidates with the baseline: savings, net benefit, ROI, payback, NPV, break-even.
struct Comparison {
  let scenario: Scenario
  let calendar: ScenarioCalendar
  let baselineSchedule: PlanSchedule
  let baselineCost: PlanCost
  /// Every plan's months, worked out at least through the horizon (a sweep's through the payback
  /// search's end); `baselineMonths` are the baseline's first H.
  let months: PlannedMonths
  /// B_1 … B_H at the scenario's volume.
  let baselineMonthly: [Decimal]
  /// R_1 … R_H.
  let volumes: [Decimal]
  /// The baseline's months past those worked out, shared by every candidate's payback search.
  let later = LaterMonths()

  /// The baseline's months 1 … H.
  var baselineMonths: [MonthCost] { Array(months.baseline.prefix(scenario.horizonMonths)) }

  /// A candidate's figures, from its months as far as they are worked out (`planned`);
  /// `breakEven` false leaves out the break-even volume (a sweep takes it from the scenario's run).
  func figures(
    _ schedule: PlanSchedule, _ priced: PlanCost, months planned: [MonthCost], breakEven withBreakEven: Bool
  ) -> CandidateFigures {
    let horizon = scenario.horizonMonths
    let cost = priced.atVolume(volumes[0])
    let months = Array(planned.prefix(horizon))
    let amounts = zip(months, volumes).map { $0.amounts(requests: $1) }
    let monthly = amounts.map(\.total)
    let savings = zip(baselineMonthly, monthly).map { $0 - $1 }
    let investment = cost.oneTimeCost - baselineCost.oneTimeCost
    let totalSavings = savings.reduce(0, +)
    let net = totalSavings - investment
    let payback = paybackMonths(schedule, investment: investment, horizonSavings: savings, planned: planned)
    let rate = self.months.discountRate
    var npv = -investment
    var discount: Decimal = 1
    for saving in savings {
      discount *= 1 + rate
      npv += saving / discount
    }
    var costRatio: Decimal?
    if let baselineRate = baselineCost.effectiveCostPerRequest, let candidateRate = cost.effectiveCostPerRequest,
      candidateRate != 0
    {
      costRatio = baselineRate / candidateRate
    }
    return CandidateFigures(
      cost: cost, monthlyCost: monthly, monthlyComponents: amounts, monthlySavings: savings,
      totalCost: cost.oneTimeCost + monthly.reduce(0, +),
      costRatio: costRatio,
      investment: investment, netBenefit: net, roi: investment > 0 ? net / investment : nil,
      benefitCostRatio: investment > 0 ? totalSavings / investment : nil, paybackMonths: payback,
      paybackDate: payback.map { calendar.start.adding(fractionalMonths: $0) },
      breakEvenRequestsPerMonth: withBreakEven
        ? breakEven(schedule, cost, months: months, investment: investment) : nil,
      npv: npv,
      monthlyHosting: cost.hosting == nil ? [] : zip(months, volumes).map { $0.hosting(requests: $1) })
  }

  /// True when no month from `first` on can save anything, so the payback search can stop.
  ///
  /// That holds when neither plan changes again (no segment starts, no baseline charge from
  /// `first` on), neither serves on GPUs, and the candidate costs at least as much per request
  /// and per month (its own charges, which only add to its cost, left out): month m then saves
  /// R_m · a + b with a ≤ 0 and b ≤ 0.
  func neverSavesAgain(
    _ schedule: PlanSchedule, from first: ISODate, baseline: MonthCost, candidate: MonthCost
  ) -> Bool {
    guard !baseline.isStepped, !candidate.isStepped,
      baselineSchedule.segments.allSatisfy({ $0.from <= first }), schedule.segments.allSatisfy({ $0.from <= first }),
      !baselineSchedule.charges.contains(where: { $0.date >= first })
    else { return false }
    let perRequest = baseline.perRequest - candidate.perRequest
    let perMonth = baseline.fixed - candidate.fixedWithoutCharges
    return perRequest <= 0 && perMonth <= 0
  }

  /// payback_months is the smallest t ≥ 0 with cumulative savings ≥ ΔI, linear inside the month where they cross: t = (m−1) + (ΔI − Σ_{k<m} savings_k) / savings_m; 0 when ΔI ≤ 0; searched to max(120, 10·H) months and "never" (null) beyond.
  ///
  /// Months past the horizon are priced only when the search gets there, with later events
  /// applied. Savings are 0 for good once a candidate has fallen back, and the search stops where
  /// the baseline can no longer be priced.
  func paybackMonths(
    _ schedule: PlanSchedule, investment: Decimal, horizonSavings: [Decimal], planned: [MonthCost]
  ) -> Decimal? {
    if investment <= 0 { return 0 }
    var cumulative: Decimal = 0
    for month in 1...calendar.searchMonths {
      let first = calendar.firstDay(ofMonth: month)
      if let end = baselineSchedule.serviceEnd, first >= end { return nil }
      if let fallback = schedule.fallback, first >= fallback.date { return nil }
      let saving: Decimal
      if month <= horizonSavings.count {
        saving = horizonSavings[month - 1]
      } else if month <= months.count, month <= planned.count {
        let volume = scenario.workload.requestsPerMonth * months.growth[month - 1]
        saving =
          months.baseline[month - 1].amounts(requests: volume).total
          - planned[month - 1].amounts(requests: volume).total
      } else {
        let (baseline, growth) = later.month(month, self)
        let volume = scenario.workload.requestsPerMonth * growth
        let candidate = schedule.cost(ofMonth: month, calendar: calendar, baseline: baselineSchedule)
        if neverSavesAgain(schedule, from: first, baseline: baseline, candidate: candidate) { return nil }
        saving = baseline.amounts(requests: volume).total - candidate.amounts(requests: volume).total
      }
      if cumulative + saving >= investment, saving > 0 {
        return Decimal(month - 1) + (investment - cumulative) / saving
      }
      cumulative += saving
    }
    return nil
  }
}

/// The baseline's months past the horizon and their growth factors, worked out once when the
/// first candidate's payback search reaches them and reused by the others.
final class LaterMonths {
  private var months: [Int: (MonthCost, Decimal)] = [:]

  /// Month `month`'s baseline cost and (1+g)^(m−1).
  func month(_ month: Int, _ comparison: Comparison) -> (MonthCost, Decimal) {
    if let known = months[month] { return known }
    let cost = comparison.baselineSchedule.cost(ofMonth: month, calendar: comparison.calendar, baseline: nil)
    let value = (cost, ScenarioEngine.growth(inMonth: month, comparison.scenario.workload))
    months[month] = value
    return value
  }
}
