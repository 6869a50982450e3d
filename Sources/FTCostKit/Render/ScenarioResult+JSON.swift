import Foundation

extension ScenarioResult {
  /// The `compare`/`roi --format json` object: unrounded numbers, `null` where the cost model says.
  public func json(candidates selected: [CandidateResult]? = nil) -> JSON {
    let chosen = selected ?? candidates
    return .object([
      ("scenario", .string(scenario.name)),
      ("horizon_months", .integer(Int64(scenario.horizonMonths))),
      ("currency", .string(currency)),
      ("start_date", .string(start.description)),
      ("discount_rate_annual", .number(scenario.discountRateAnnual)),
      ("discount_rate_monthly", .number(ScenarioEngine.monthlyRate(annual: scenario.discountRateAnnual))),
      ("baseline", baseline.json()),
      ("candidates", .array(chosen.map { $0.json(discountRateAnnual: scenario.discountRateAnnual) })),
      ("overrides", .object(overrides.map { ($0.0, JSON.string($0.1)) })),
      ("pricing_overlay_values", .array(overlaidValues.map { .string($0) })),
      ("warnings", .array(warnings.map { .string($0) })),
      ("prices", .array(priceAssumptions.map(\.json))),
    ])
  }
}

extension PriceAssumption {
  /// One price used, with its source and dates.
  public var json: JSON {
    .object([
      ("plan", .string(plan)), ("model", .string(model)), ("field", .string(field)), ("price", .number(value)),
      ("currency", .string(currency)), ("per", .string(unit)), ("effective_from", .string(effectiveFrom?.description)),
      ("as_of", .string(asOf.description)), ("source", .string(source)), ("unconfirmed", .bool(unconfirmed)),
      ("overlay", .string(overlay)),
    ])
  }
}

extension CashFlows {
  /// The `finance` object of a candidate: cash flows from month 0, discounting, IRR.
  var json: JSON {
    .object([
      ("cash_flows", .array(flows.map { .number($0) })),
      ("discount_rate_monthly", .number(monthlyRate)),
      ("discount_factors", .array(discountFactors.map { .number($0) })),
      ("discounted_cash_flows", .array(discounted.map { .number($0) })),
      ("irr_monthly", .number(irrMonthly)),
      ("irr_annual", .number(irrAnnual)),
    ])
  }
}

extension PlanEvent {
  public var json: JSON {
    .object([
      ("date", .string(date.description)), ("month", .integer(Int64(month))), ("kind", .string(kind.rawValue)),
      ("detail", .string(detail)),
    ])
  }
}

extension PlanCost {
  /// The fields every plan has when priced at the start.
  var startJSON: [(String, JSON)] {
    [
      ("cost_per_request", .number(costPerRequest)),
      ("effective_cost_per_request", .number(effectiveCostPerRequest)),
      ("one_time_cost", .number(oneTimeCost)),
      ("one_time_components", .object(OneTimeComponent.allCases.map { ($0.key, .number(oneTime[$0])) })),
      ("fixed_monthly_cost", .number(fixedMonthlyCost)),
    ]
  }
}

/// A self-hosted plan's GPUs: the serving figures, month by month and over the horizon; `null`
/// for a plan served through an API.
func hostingJSON(_ cost: PlanCost, _ months: [HostingUsage]) -> JSON {
  guard let summary = HostingSummary(cost: cost, months: months) else { return .null }
  let serving = summary.serving
  return .object([
    ("gpu", .string(serving.gpu)),
    ("gpus_per_replica", .integer(serving.gpusPerReplica)),
    ("gpu_per_hour", .number(serving.gpuPerHour)),
    ("min_replicas", .integer(serving.minReplicas)),
    ("max_utilization", .number(serving.maxUtilization)),
    ("seconds_per_request", .number(serving.secondsPerRequest)),
    ("replicas", .array(months.map { .integer($0.replicas) })),
    ("allocated_gpu_hours", .array(months.map { .number($0.allocatedGPUHours) })),
    ("used_gpu_hours", .array(months.map { .number($0.usedGPUHours) })),
    ("gpu_cost", .array(months.map { .number($0.cost) })),
    ("allocated_gpu_cost", .number(summary.total.cost)),
    ("used_gpu_cost", .number(summary.total.usedCost)),
    ("utilization", .number(summary.utilization)),
    ("idle_share", .number(summary.total.idleShare)),
    ("cost_per_million_tokens", .number(summary.costPerMillionTokens)),
  ])
}

/// Monthly amounts of each cost component, as arrays over the horizon.
func componentsJSON(_ months: [ComponentAmounts]) -> JSON {
  .object(CostComponent.allCases.map { component in (component.key, .array(months.map { .number($0[component]) })) })
}

extension BaselineResult {
  /// The baseline's object.
  public func json() -> JSON {
    .object(
      [
        ("name", .string(cost.plan.name)),
        ("strategy", .string(cost.plan.strategy.rawValue)),
        ("model", .string(cost.model.id)),
        ("status", .string(PlanStatus.feasible.name)),
        ("reason", .null),
      ] + cost.startJSON + [
        ("monthly_cost", .array(monthlyCost.map { .number($0) })),
        ("monthly_components", componentsJSON(monthlyComponents)),
        ("total_cost", .number(totalCost)),
        ("events", .array(events.map(\.json))),
        ("self_hosting", hostingJSON(cost, monthlyHosting)),
      ])
  }
}

extension CandidateResult {
  /// One candidate's object in the JSON contract; every money field is `null` when it cannot run.
  public func json(discountRateAnnual: Decimal = 0) -> JSON {
    let figures = self.figures
    let cost = figures?.cost
    func number(_ value: Decimal?) -> JSON { .number(value) }
    var members: [(String, JSON)] = [
      ("name", .string(plan.name)),
      ("strategy", .string(plan.strategy.rawValue)),
      ("model", .string(model.id)),
      ("status", .string(status.name)),
      ("reason", .string(status.reason)),
    ]
    if let cost {
      members += cost.startJSON
    } else {
      members += [
        ("cost_per_request", .null), ("effective_cost_per_request", .null), ("one_time_cost", .null),
        ("one_time_components", .null), ("fixed_monthly_cost", .null),
      ]
    }
    members += [
      ("cost_ratio", number(figures?.costRatio)),
      ("training_cost", number(cost?.training?.cost ?? (cost == nil ? nil : 0))),
      ("teacher_cost", number(cost?.teacherCost)),
      ("evaluation_cost", number(cost?.evaluationCost)),
      ("setup_cost", number(cost?.oneTime[.setup])),
      ("labeling_cost", number(cost?.labelingCost)),
      ("training_tokens_per_epoch", cost?.training.map { .integer($0.tokensPerEpoch) } ?? .null),
      ("epochs", cost?.training.map { .integer($0.epochs) } ?? .null),
      ("monthly_cost", figures.map { .array($0.monthlyCost.map { .number($0) }) } ?? .null),
      ("monthly_components", figures.map { componentsJSON($0.monthlyComponents) } ?? .null),
      ("total_cost", number(figures?.totalCost)),
      ("investment", number(figures?.investment)),
      ("monthly_savings", figures.map { .array($0.monthlySavings.map { .number($0) }) } ?? .null),
      ("net_benefit", number(figures?.netBenefit)),
      ("roi", number(figures?.roi)),
      ("benefit_cost_ratio", number(figures?.benefitCostRatio)),
      ("payback_months", number(figures?.paybackMonths)),
      ("payback_date", .string(figures?.paybackDate?.description)),
      ("break_even_requests_per_month", number(figures?.breakEvenRequestsPerMonth)),
      ("npv", number(figures?.npv)),
      ("tco", number(figures?.totalCost)),
      ("finance", figures.map { CashFlows(figures: $0, discountRateAnnual: discountRateAnnual).json } ?? .null),
      ("events", .array(events.map(\.json))),
      ("self_hosting", figures.map { hostingJSON($0.cost, $0.monthlyHosting) } ?? .null),
      ("warnings", .array(warnings.map { .string($0) })),
    ]
    return .object(members)
  }
}
