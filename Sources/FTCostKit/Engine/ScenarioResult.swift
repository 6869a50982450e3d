import Foundation

/// The baseline over the horizon.
public struct BaselineResult: Sendable {
  public var cost: PlanCost
  /// B_1 … B_H.
  public var monthlyCost: [Decimal]
  /// B_1 … B_H by component.
  public var monthlyComponents: [ComponentAmounts]
  /// I_b + Σ B_m.
  public var totalCost: Decimal
  /// Dated events inside the horizon (price changes, migrations).
  public var events: [PlanEvent]
  /// Self-hosted serving month by month (empty when the baseline serves through an API).
  public var monthlyHosting: [HostingUsage] = []
}

/// One candidate's money figures against the baseline, when it can run.
public struct CandidateFigures: Sendable {
  /// The candidate priced at the start.
  public var cost: PlanCost
  /// C_1 … C_H, with dated prices, lead time, retraining, migrations and fallback applied.
  public var monthlyCost: [Decimal]
  /// C_1 … C_H by component.
  public var monthlyComponents: [ComponentAmounts]
  /// B_m − C_m for m = 1 … H.
  public var monthlySavings: [Decimal]
  /// I_c + Σ C_m.
  public var totalCost: Decimal
  /// Month-1 effective cost per request, baseline over candidate; `nil` when the candidate's is 0
  /// or either is undefined (self-hosted at R_1 = 0).
  public var costRatio: Decimal?
  /// ΔI = I_c − I_b.
  public var investment: Decimal
  /// Σ savings − ΔI.
  public var netBenefit: Decimal
  /// net_benefit / ΔI; `nil` when ΔI ≤ 0 (nothing was invested).
  public var roi: Decimal?
  /// Σ savings / ΔI; `nil` when ΔI ≤ 0.
  public var benefitCostRatio: Decimal?
  /// Months until cumulative savings repay ΔI, linear inside a month; `nil` means never.
  public var paybackMonths: Decimal?
  /// The calendar day of payback.
  public var paybackDate: ISODate?
  /// The month-1 volume at which both cost the same over the horizon; `nil` when none exists.
  public var breakEvenRequestsPerMonth: Decimal?
  /// −ΔI + Σ savings_m / (1+r)^m.
  public var npv: Decimal
  /// Self-hosted serving month by month (empty when the candidate serves through an API).
  public var monthlyHosting: [HostingUsage] = []
}

/// One candidate compared with the baseline over the horizon.
public struct CandidateResult: Sendable {
  public var plan: StrategyPlan
  /// The serving model's table entry.
  public var model: ModelPricing
  public var status: PlanStatus
  /// Dated events inside the horizon.
  public var events: [PlanEvent]
  public var warnings: [String]
  /// The money figures; `nil` for an infeasible candidate, which has none.
  public var figures: CandidateFigures?

  public var name: String { plan.name }
}

/// The whole comparison, as `compare` and `roi` print it.
public struct ScenarioResult: Sendable {
  public var scenario: Scenario
  /// The first day of month 1: the scenario's start_date, else today.
  public var start: ISODate
  public var currency: String
  public var baseline: BaselineResult
  public var candidates: [CandidateResult]
  /// Scenario-wide warnings (unconfirmed prices, truncation, the end of the payback search).
  public var warnings: [String]
  /// `--set` and `--horizon` overrides, path → value as given.
  public var overrides: [(String, String)]
  /// Values taken from a pricing overlay, as `model: field (file)`.
  public var overlaidValues: [String]
  /// The plans and schedules behind the figures, to evaluate other volumes without re-pricing.
  let planned: PlannedScenario

  public var baselineMonthlyCost: [Decimal] { baseline.monthlyCost }
  public var baselineTotalCost: Decimal { baseline.totalCost }

  /// The candidate with the largest positive net benefit among those that can run, if any pays back.
  public var best: CandidateResult? {
    candidates.filter { candidate in
      guard let figures = candidate.figures else { return false }
      return figures.netBenefit > 0 && figures.paybackMonths != nil
    }.max { ($0.figures?.netBenefit ?? 0) < ($1.figures?.netBenefit ?? 0) }
  }

  /// Why the figures cannot be shown, when a result overflowed what exact decimals hold (about
  /// 10^165); `nil` when every figure is a finite number.
  public var unrepresentable: String? {
    var numbers = baseline.monthlyCost + [baseline.totalCost]
    for figures in candidates.compactMap(\.figures) {
      numbers += figures.monthlyCost + figures.monthlySavings
      numbers += [figures.totalCost, figures.netBenefit, figures.npv, figures.investment]
      numbers += [figures.roi, figures.benefitCostRatio, figures.paybackMonths, figures.breakEvenRequestsPerMonth]
        .compactMap { $0 }
    }
    guard numbers.contains(where: { !$0.isFinite }) else { return nil }
    let workload = scenario.workload
    return
      "the costs grow beyond what can be computed exactly (about 10^165) with \(workload.requestsPerMonth) requests a month growing \(workload.monthlyGrowth * 100)% a month over \(scenario.horizonMonths) months; use a lower monthly_growth or a shorter horizon"
  }

  /// The same scenario at another month-1 volume, pricing the plans again only when one reads
  /// the volume (an evaluation set).
  public func evaluated(requestsPerMonth: Decimal) throws -> ScenarioResult {
    var result = ScenarioEngine.evaluate(try planned.at(requestsPerMonth: requestsPerMonth))
    result.overrides = overrides
    return result
  }
}
