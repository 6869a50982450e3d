import Foundation

/// The month-1 volume at which a candidate's savings over the horizon repay its investment.
extension Comparison {
  /// R* from the horizon's net benefit net(R) = α·R + β (every cost in the model is linear in the
  /// volume): 0 when net(0) ≥ 0; the closed form when nothing varies in time; else bisection.
  func breakEven(_ schedule: PlanSchedule, _ cost: PlanCost, months: [MonthCost], investment: Decimal) -> Decimal? {
    // Self-hosted serving costs step with the replicas a volume needs: net(R) is then evaluated
    // month by month at each volume the bisection tries.
    let baselineMonths = self.baselineMonths
    if (baselineMonths + months).contains(where: \.isStepped) {
      let factors = Array(self.months.growth.prefix(months.count))
      return BreakEven.bisection { volume in
        var net = -investment
        for (index, factor) in factors.enumerated() {
          let requests = volume * factor
          net +=
            baselineMonths[index].amounts(requests: requests).total - months[index].amounts(requests: requests).total
        }
        return net
      }
    }
    let line = BreakEven.NetBenefitLine(
      baseline: baselineMonths, candidate: months, growth: self.months.growth, investment: investment)
    if line.net(at: 0) >= 0 { return 0 }
    let end = calendar.horizonEnd
    // The closed form holds when each plan serves its own way at one set of rates all horizon long.
    func constant(_ schedule: PlanSchedule) -> Bool {
      let inHorizon = schedule.segments.filter { $0.from < end }
      guard inHorizon.count == 1, case .own = inHorizon[0].mode else { return false }
      return true
    }
    if !constant(baselineSchedule) || !constant(schedule) { return BreakEven.bisection(line.net) }
    let candidateRetraining = schedule.charges.filter { $0.date < end }.reduce(Decimal(0)) { $0 + $1.amount }
    let baselineRetraining = baselineSchedule.charges.filter { $0.date < end }.reduce(Decimal(0)) { $0 + $1.amount }
    return BreakEven.closedForm(
      investment: investment, horizon: scenario.horizonMonths, growth: scenario.workload.monthlyGrowth,
      candidateFixed: cost.fixedMonthlyCost, baselineFixed: baselineCost.fixedMonthlyCost,
      retraining: candidateRetraining - baselineRetraining,
      baselineRate: baselineCost.tokenAndFailureCostPerRequest, candidateRate: cost.tokenAndFailureCostPerRequest)
  }
}

/// Break-even volume by the two methods of the cost model.
public enum BreakEven {
  /// The horizon's net benefit as a function of the month-1 volume: α·R + β.
  struct NetBenefitLine {
    /// Σ_m (1+g)^(m−1) · (per-request cost of the baseline − of the candidate) in month m.
    var slope: Decimal = 0
    /// Σ_m (fixed cost of the baseline − of the candidate) in month m, − ΔI.
    var intercept: Decimal

    /// `growth` holds (1+g)^(m−1) for each month.
    init(baseline: [MonthCost], candidate: [MonthCost], growth: [Decimal], investment: Decimal) {
      intercept = -investment
      for (index, (base, plan)) in zip(baseline, candidate).enumerated() {
        slope += growth[index] * (base.perRequest - plan.perRequest)
        intercept += base.fixed - plan.fixed
      }
    }

    func net(at requests: Decimal) -> Decimal { slope * requests + intercept }
  }

  /// The highest volume searched: 10^12 requests a month.
  public static let searchLimit: Decimal = 1_000_000_000_000

  /// Bisection to a relative precision of 1e-9 over [0, 10^12].
  ///
  /// lo = 0, hi = 10^12,
  /// mid = (lo + hi) / 2, hi = mid when net(mid) ≥ 0 else lo = mid, until hi − lo ≤ 10^-9 · hi;
  /// R* = hi. 0 when net(0) ≥ 0; `nil` when net(10^12) < 0.
  public static func bisection(_ net: (Decimal) -> Decimal) -> Decimal? {
    if net(0) >= 0 { return 0 }
    if net(searchLimit) < 0 { return nil }
    let precision = Decimal(sign: .plus, exponent: -9, significand: 1)
    var low: Decimal = 0
    var high = searchLimit
    // 2^-400 of 10^12 is far below any representable gap; the cap only guards against a loop.
    for _ in 0..<400 where high - low > precision * high {
      let middle = (low + high) / 2
      if net(middle) >= 0 { high = middle } else { low = middle }
    }
    return high
  }

  /// break_even_requests_per_month R* = (ΔI + H·(F_c − F_b) + Σ retrain_m) / (S · (b_req − c_req)) with S = Σ_{m=1..H} (1+g)^(m−1), on effective costs per request (tokens and failures); null when b_req ≤ c_req; 0 when the candidate is cheaper at any volume.
  public static func closedForm(
    investment: Decimal, horizon: Int, growth: Decimal, candidateFixed: Decimal, baselineFixed: Decimal,
    retraining: Decimal, baselineRate: Decimal, candidateRate: Decimal
  ) -> Decimal? {
    let perRequestSaving = baselineRate - candidateRate
    guard perRequestSaving > 0 else { return nil }
    var sum: Decimal = 0
    var factor: Decimal = 1
    for _ in 1...horizon {
      sum += factor
      factor *= 1 + growth
    }
    guard sum > 0 else { return nil }
    let volume =
      (investment + Decimal(horizon) * (candidateFixed - baselineFixed) + retraining) / (sum * perRequestSaving)
    // As with bisection, no volume above 10^12 requests a month counts as a break-even.
    return volume > searchLimit ? nil : max(0, volume)
  }
}
