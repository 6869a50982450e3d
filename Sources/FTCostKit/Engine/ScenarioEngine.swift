import Foundation

/// Runs a scenario through the cost model: every candidate against the baseline, month by month
/// on a real calendar.
public enum ScenarioEngine {
  /// Prices, schedules and compares every plan of `scenario`.
  ///
  /// The calendar starts on the scenario's `start_date`, else on `today`. `breakEven` false
  /// leaves out the break-even volumes (uncertainty analysis prices thousands of variants and
  /// reads only net benefit, NPV and payback).
  public static func run(
    _ scenario: Scenario, catalog: PricingCatalog, today: ISODate, file: String = "scenario", breakEven: Bool = true
  ) throws -> ScenarioResult {
    let result = evaluate(try plan(scenario, catalog: catalog, today: today, file: file), breakEven: breakEven)
    if let reason = result.unrepresentable { throw ScenarioError.notRepresentable(file: file, reason: reason) }
    return result
  }

  /// Prices and schedules every plan; the result does not depend on the volume unless a plan
  /// `readsVolume` (an evaluation set).
  static func plan(
    _ scenario: Scenario, catalog: PricingCatalog, today: ISODate, file: String
  ) throws -> PlannedScenario {
    let calendar = ScenarioCalendar(start: scenario.startDate ?? today, horizonMonths: scenario.horizonMonths)
    func built(_ plan: StrategyPlan, baseline: PlanSchedule?) throws -> PlanTimeline.Outcome {
      try build(plan, scenario: scenario, catalog: catalog, calendar: calendar, baseline: baseline, file: file)
    }
    guard case .scheduled(let baselineSchedule, let baselineCost) = try built(scenario.baseline, baseline: nil) else {
      throw ScenarioError.plan(
        file: file, path: "baseline", name: scenario.baseline.name, message: "the baseline cannot run")
    }
    var candidates: [PlannedScenario.Candidate] = []
    var allUses = baselineSchedule.uses
    var warnings: [String] = []
    for plan in scenario.candidates {
      switch try built(plan, baseline: baselineSchedule) {
      case .scheduled(let schedule, let cost):
        candidates.append(.scheduled(schedule, cost))
        allUses += schedule.uses
        if let training = cost.training, training.truncatedExamples > 0,
          let cap = cost.model.fineTuning?.maxTokensPerExample
        {
          warnings.append(
            "\(plan.name): examples are longer than \(cost.model.id)'s \(cap)-token limit per example; they are billed (and truncated) at the cap"
          )
        }
      case .infeasible(let reason, let model):
        candidates.append(.infeasible(plan, model, reason: reason))
      }
    }
    var stale: [String] = []
    for use in allUses {
      if let line = use.model.stalenessWarning(today: today), !stale.contains(line) { stale.append(line) }
    }
    warnings += stale
    let unconfirmed = PriceUse.unconfirmed(in: allUses)
    if !unconfirmed.isEmpty {
      warnings.insert(
        "unconfirmed values used (\(unconfirmed.joined(separator: "; "))): no primary source confirms them", at: 0)
    }
    if let end = baselineSchedule.serviceEnd {
      warnings.append(
        "\(scenario.baseline.name): \(baselineCost.model.id) retires on \(end) with no successor; the payback search stops there"
      )
    }
    var currencies = Set(baselineCost.modelsUsed.map(\.currency))
    for case .scheduled(_, let cost) in candidates { currencies.formUnion(cost.modelsUsed.map(\.currency)) }
    if currencies.count > 1 { throw CostError.mixedCurrencies(currencies.sorted()) }
    return PlannedScenario(
      scenario: scenario, calendar: calendar, currency: currencies.first ?? "USD", baselineCost: baselineCost,
      baselineSchedule: baselineSchedule, candidates: candidates, warnings: warnings,
      overlaidValues: PriceUse.overlaid(in: allUses), catalog: catalog, today: today, file: file)
  }

  /// One plan priced and scheduled; a candidate is measured against `baseline`'s schedule.
  static func build(
    _ plan: StrategyPlan, scenario: Scenario, catalog: PricingCatalog, calendar: ScenarioCalendar,
    baseline: PlanSchedule?, file: String
  ) throws -> PlanTimeline.Outcome {
    let timeline = PlanTimeline(
      pricer: PlanPricer(plan: plan, workload: scenario.workload, catalog: catalog), calendar: calendar,
      baseline: baseline, baselineName: scenario.baseline.name)
    do {
      return try timeline.build()
    } catch let error as ScenarioError {
      if case .lifecycle(let path, let name, let message) = error {
        throw ScenarioError.plan(file: file, path: path, name: name, message: message)
      }
      throw error
    } catch {
      throw ScenarioError.plan(file: file, path: plan.path, name: plan.name, message: String(describing: error))
    }
  }

  /// `planned` with the candidates at `positions` priced and scheduled again for `scenario` and
  /// `catalog`, which differ from the planned ones only in what those candidates read; the
  /// baseline and the other candidates are kept as they are.
  ///
  /// For ranking samples: the warnings, currency and overlaid values stay the planned scenario's;
  /// the catalog is the new one, so pricing again at another volume uses the same prices.
  static func replan(
    _ planned: PlannedScenario, scenario: Scenario, catalog: PricingCatalog, candidates positions: Set<Int>,
    file: String
  ) throws -> PlannedScenario {
    var result = planned
    result.scenario = scenario
    result.catalog = catalog
    for position in positions.sorted() {
      let plan = scenario.candidates[position]
      switch try build(
        plan, scenario: scenario, catalog: catalog, calendar: planned.calendar, baseline: planned.baselineSchedule,
        file: file)
      {
      case .scheduled(let schedule, let cost): result.candidates[position] = .scheduled(schedule, cost)
      case .infeasible(let reason, let model): result.candidates[position] = .infeasible(plan, model, reason: reason)
      }
    }
    return result
  }

  /// Evaluates a planned scenario at its own volume (another volume is `PlannedScenario.at`,
  /// which prices again the plans that read it).
  ///
  /// A sweep passes `months` worked out once (through the payback search's end), names the one
  /// candidate it needs in `only`, and leaves out the break-even volume, which does not depend on
  /// the volume.
  static func evaluate(
    _ planned: PlannedScenario, months: PlannedMonths? = nil, only: String? = nil, breakEven: Bool = true
  ) -> ScenarioResult {
    let scenario = planned.scenario
    let calendar = planned.calendar
    let horizon = scenario.horizonMonths
    let baselineSchedule = planned.baselineSchedule
    let months = months ?? PlannedMonths(planned, through: horizon)
    let baselineMonths = Array(months.baseline.prefix(horizon))
    let volumes = months.growth.prefix(horizon).map { scenario.workload.requestsPerMonth * $0 }
    let baselineAmounts = zip(baselineMonths, volumes).map { $0.amounts(requests: $1) }
    let baselineMonthly = baselineAmounts.map(\.total)
    let baselineCost = planned.baselineCost.atVolume(volumes[0])
    let baseline = BaselineResult(
      cost: baselineCost, monthlyCost: baselineMonthly, monthlyComponents: baselineAmounts,
      totalCost: baselineCost.oneTimeCost + baselineMonthly.reduce(0, +),
      events: inHorizon(baselineSchedule.events, calendar),
      monthlyHosting: baselineCost.hosting == nil ? [] : zip(baselineMonths, volumes).map { $0.hosting(requests: $1) })
    let comparison = Comparison(
      scenario: scenario, calendar: calendar, baselineSchedule: baselineSchedule, baselineCost: baselineCost,
      months: months, baselineMonthly: baselineMonthly, volumes: volumes)
    let chosen = planned.candidates.indices.filter { only == nil || planned.candidates[$0].name == only }
    let candidates = chosen.map { index -> CandidateResult in
      switch planned.candidates[index] {
      case .infeasible(let plan, let model, let reason):
        return CandidateResult(
          plan: plan, model: model, status: .infeasible(reason: reason), events: [], warnings: [], figures: nil)
      case .scheduled(let schedule, let cost):
        let status: PlanStatus
        if let fallback = schedule.fallback, fallback.date < calendar.horizonEnd {
          status = .fallsBack(on: fallback.date, reason: fallback.reason)
        } else {
          status = .feasible
        }
        return CandidateResult(
          plan: cost.plan, model: cost.model, status: status, events: inHorizon(schedule.events, calendar),
          warnings: [],
          figures: comparison.figures(schedule, cost, months: months.candidates[index], breakEven: breakEven))
      }
    }
    return ScenarioResult(
      scenario: scenario, start: calendar.start, currency: planned.currency, baseline: baseline,
      candidates: candidates, warnings: planned.warnings, overrides: [], overlaidValues: planned.overlaidValues,
      planned: planned)
  }

  /// Events dated inside the horizon; the payback search beyond it applies later ones unlisted.
  static func inHorizon(_ events: [PlanEvent], _ calendar: ScenarioCalendar) -> [PlanEvent] {
    events.filter { $0.date < calendar.horizonEnd }
  }

  /// Requests in month m are R_m = R · (1+g)^(m−1), where R is requests_per_month and g is monthly_growth.
  public static func requests(inMonth month: Int, _ workload: Workload) -> Decimal {
    workload.requestsPerMonth * growth(inMonth: month, workload)
  }

  /// (1+g)^(m−1), the factor month m's volume grows by over month 1's.
  static func growth(inMonth month: Int, _ workload: Workload) -> Decimal {
    (1 + workload.monthlyGrowth).power(month - 1)
  }

  /// The monthly discount rate r = (1+annual)^(1/12) − 1.
  public static func monthlyRate(annual: Decimal) -> Decimal {
    annual == 0 ? 0 : (1 + annual).root(12) - 1
  }
}
