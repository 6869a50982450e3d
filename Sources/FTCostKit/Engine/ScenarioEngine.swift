import Foundation

/// Runs a scenario through the cost model: every candidate against the baseline.
public enum ScenarioEngine {
  /// Prices and compares every plan of `scenario`.
  ///
  /// `today` stands in for the start date in lifecycle checks when the scenario has none.
  public static func run(
    _ scenario: Scenario, catalog: PricingCatalog, today: ISODate, file: String = "scenario"
  ) throws -> ScenarioResult {
    func priced(_ plan: StrategyPlan, baseline: Decimal?) throws -> PlanCost {
      do {
        return try PlanCost.resolve(
          plan, workload: scenario.workload, catalog: catalog, baselineCostPerRequest: baseline)
      } catch let error as ScenarioError {
        throw error
      } catch {
        throw ScenarioError.plan(file: file, path: plan.path, name: plan.name, message: String(describing: error))
      }
    }
    let baseline = try priced(scenario.baseline, baseline: nil)
    let candidates = try scenario.candidates.map { try priced($0, baseline: baseline.costPerRequest) }
    let currencies = Array(Set(([baseline] + candidates).flatMap { $0.modelsUsed.map(\.currency) })).sorted()
    if currencies.count > 1 { throw CostError.mixedCurrencies(currencies) }
    return evaluate(
      scenario, baseline: baseline, candidates: candidates, currency: currencies.first ?? "USD", today: today)
  }

  /// Compares already priced plans over `scenario`'s horizon and volumes.
  ///
  /// Priced plans do not depend on the volume, so a sweep prices once and evaluates per volume.
  public static func evaluate(
    _ scenario: Scenario, baseline: PlanCost, candidates: [PlanCost], currency: String, today: ISODate
  ) -> ScenarioResult {
    let all = [baseline] + candidates
    let horizon = scenario.horizonMonths
    let volumes = (1...horizon).map { requests(inMonth: $0, scenario.workload) }
    let baselineMonthly = zip(1...horizon, volumes).map { baseline.monthlyCost(requests: $1, month: $0) }
    let baselineTotal = baseline.oneTimeCost + baselineMonthly.reduce(0, +)
    let start = scenario.startDate ?? today
    func planWarnings(_ plan: PlanCost) -> [String] {
      var lines = Lifecycle.warnings(for: [plan], scenario: scenario, start: start, today: today)
      if !plan.unconfirmedUsed.isEmpty {
        lines.append(
          "\(plan.plan.name) uses unconfirmed prices (\(plan.unconfirmedUsed.joined(separator: "; "))): no primary source confirms them"
        )
      }
      if let training = plan.training, training.truncatedExamples > 0,
        let cap = plan.model.fineTuning?.maxTokensPerExample
      {
        lines.append(
          "\(plan.plan.name): examples are longer than \(plan.model.id)'s \(cap)-token limit per example; they are billed (and truncated) at the cap"
        )
      }
      return lines
    }
    var warnings: [String] = []
    for line in all.flatMap(planWarnings) where !warnings.contains(line) { warnings.append(line) }
    let results = candidates.map { candidate in
      compare(
        candidate, against: baseline, scenario: scenario, volumes: volumes, baselineMonthly: baselineMonthly,
        start: scenario.startDate, warnings: planWarnings(candidate))
    }
    return ScenarioResult(
      scenario: scenario, currency: currency, baseline: baseline,
      baselineMonthlyCost: baselineMonthly, baselineTotalCost: baselineTotal, candidates: results,
      warnings: warnings, overrides: [])
  }

  /// Requests in month m are R_m = R · (1+g)^(m−1), where R is requests_per_month and g is monthly_growth.
  public static func requests(inMonth month: Int, _ workload: Workload) -> Decimal {
    workload.requestsPerMonth * (1 + workload.monthlyGrowth).power(month - 1)
  }

  /// The monthly discount rate r = (1+annual)^(1/12) − 1.
  public static func monthlyRate(annual: Decimal) -> Decimal {
    annual == 0 ? 0 : (1 + annual).root(12) - 1
  }

  static func compare(
    _ candidate: PlanCost, against baseline: PlanCost, scenario: Scenario, volumes: [Decimal],
    baselineMonthly: [Decimal], start: ISODate?, warnings: [String]
  ) -> CandidateResult {
    let horizon = scenario.horizonMonths
    let monthly = zip(1...horizon, volumes).map { candidate.monthlyCost(requests: $1, month: $0) }
    let savings = zip(baselineMonthly, monthly).map { $0 - $1 }
    let investment = candidate.oneTimeCost - baseline.oneTimeCost
    let totalSavings = savings.reduce(0, +)
    let net = totalSavings - investment
    let roi: Decimal? = investment > 0 ? net / investment : nil
    let ratio: Decimal? = investment > 0 ? totalSavings / investment : nil
    let payback = paybackMonths(
      candidate, baseline, scenario: scenario, investment: investment, horizonSavings: savings)
    let rate = monthlyRate(annual: scenario.discountRateAnnual)
    var npv = -investment
    var discount: Decimal = 1
    for saving in savings {
      discount *= 1 + rate
      npv += saving / discount
    }
    let costRatio: Decimal? = candidate.costPerRequest == 0 ? nil : baseline.costPerRequest / candidate.costPerRequest
    return CandidateResult(
      cost: candidate, monthlyCost: monthly, monthlySavings: savings,
      totalCost: candidate.oneTimeCost + monthly.reduce(0, +), costRatio: costRatio, investment: investment,
      netBenefit: net, roi: roi, benefitCostRatio: ratio, paybackMonths: payback,
      paybackDate: payback.flatMap { months in start.map { $0.adding(fractionalMonths: months) } },
      breakEvenRequestsPerMonth: breakEven(candidate, baseline, scenario: scenario, investment: investment),
      npv: npv, warnings: warnings)
  }

  /// payback_months is the smallest t ≥ 0 with cumulative savings ≥ ΔI, linear inside the month where they cross: t = (m−1) + (ΔI − Σ_{k<m} savings_k) / savings_m; 0 when ΔI ≤ 0; searched to max(120, 10·H) months and "never" (null) beyond.
  ///
  /// `horizonSavings` are the savings of months 1 … H, already computed; later months are
  /// priced here, only when the search gets that far.
  static func paybackMonths(
    _ candidate: PlanCost, _ baseline: PlanCost, scenario: Scenario, investment: Decimal, horizonSavings: [Decimal]
  ) -> Decimal? {
    if investment <= 0 { return 0 }
    let limit = max(120, 10 * scenario.horizonMonths)
    var cumulative: Decimal = 0
    for month in 1...limit {
      let saving: Decimal
      if month <= horizonSavings.count {
        saving = horizonSavings[month - 1]
      } else {
        let volume = requests(inMonth: month, scenario.workload)
        saving =
          baseline.monthlyCost(requests: volume, month: month) - candidate.monthlyCost(requests: volume, month: month)
      }
      if cumulative + saving >= investment, saving > 0 {
        return Decimal(month - 1) + (investment - cumulative) / saving
      }
      cumulative += saving
    }
    return nil
  }

  /// break_even_requests_per_month R* = (ΔI + H·(F_c − F_b) + Σ retrain_m) / (S · (b_req − c_req)) with S = Σ_{m=1..H} (1+g)^(m−1); null when b_req ≤ c_req; 0 when the candidate is cheaper at any volume.
  static func breakEven(_ candidate: PlanCost, _ baseline: PlanCost, scenario: Scenario, investment: Decimal)
    -> Decimal?
  {
    let perRequestSaving = baseline.costPerRequest - candidate.costPerRequest
    guard perRequestSaving > 0 else { return nil }
    let horizon = scenario.horizonMonths
    let growth = 1 + scenario.workload.monthlyGrowth
    var sum: Decimal = 0
    var factor: Decimal = 1
    var retrain: Decimal = 0
    for month in 1...horizon {
      sum += factor
      factor *= growth
      retrain += candidate.retrainCost(inMonth: month) - baseline.retrainCost(inMonth: month)
    }
    guard sum > 0 else { return nil }
    let fixed = Decimal(horizon) * (candidate.fixedMonthlyCost - baseline.fixedMonthlyCost)
    let volume = (investment + fixed + retrain) / (sum * perRequestSaving)
    return max(0, volume)
  }
}
