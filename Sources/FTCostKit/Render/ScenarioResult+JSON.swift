import Foundation

extension ScenarioResult {
  /// The `compare`/`roi --format json` object: unrounded numbers, `null` where the cost model says.
  public func json(candidates selected: [CandidateResult]? = nil) -> JSON {
    let chosen = selected ?? candidates
    return .object([
      ("scenario", .string(scenario.name)),
      ("horizon_months", .integer(Int64(scenario.horizonMonths))),
      ("currency", .string(currency)),
      ("start_date", .string(scenario.startDate?.description)),
      (
        "baseline",
        .object([
          ("name", .string(baseline.plan.name)),
          ("strategy", .string(baseline.plan.strategy.rawValue)),
          ("model", .string(baseline.model.id)),
          ("cost_per_request", .number(baseline.costPerRequest)),
          ("one_time_cost", .number(baseline.oneTimeCost)),
          ("fixed_monthly_cost", .number(baseline.fixedMonthlyCost)),
          ("monthly_cost", .array(baselineMonthlyCost.map { .number($0) })),
          ("total_cost", .number(baselineTotalCost)),
        ])
      ),
      ("candidates", .array(chosen.map(\.json))),
      ("overrides", .object(overrides.map { ($0.0, JSON.string($0.1)) })),
      ("warnings", .array(warnings.map { .string($0) })),
    ])
  }
}

extension CandidateResult {
  /// One candidate's object in the JSON contract.
  public var json: JSON {
    .object([
      ("name", .string(cost.plan.name)),
      ("strategy", .string(cost.plan.strategy.rawValue)),
      ("model", .string(cost.model.id)),
      ("cost_per_request", .number(cost.costPerRequest)),
      ("cost_ratio", .number(costRatio)),
      ("one_time_cost", .number(cost.oneTimeCost)),
      ("training_cost", .number(cost.training?.cost ?? 0)),
      ("teacher_cost", .number(cost.teacherCost)),
      ("evaluation_cost", .number(cost.evaluationCost)),
      ("training_tokens_per_epoch", cost.training.map { .integer($0.tokensPerEpoch) } ?? .null),
      ("epochs", cost.training.map { .integer($0.epochs) } ?? .null),
      ("fixed_monthly_cost", .number(cost.fixedMonthlyCost)),
      ("monthly_cost", .array(monthlyCost.map { .number($0) })),
      ("total_cost", .number(totalCost)),
      ("investment", .number(investment)),
      ("monthly_savings", .array(monthlySavings.map { .number($0) })),
      ("net_benefit", .number(netBenefit)),
      ("roi", .number(roi)),
      ("benefit_cost_ratio", .number(benefitCostRatio)),
      ("payback_months", .number(paybackMonths)),
      ("payback_date", .string(paybackDate?.description)),
      ("break_even_requests_per_month", .number(breakEvenRequestsPerMonth)),
      ("npv", .number(npv)),
      ("warnings", .array(warnings.map { .string($0) })),
    ])
  }
}
