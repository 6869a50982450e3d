import Foundation

/// One candidate compared with the baseline over the horizon.
public struct CandidateResult: Sendable, Equatable {
  public var cost: PlanCost
  /// C_1 … C_H.
  public var monthlyCost: [Decimal]
  /// B_m − C_m for m = 1 … H.
  public var monthlySavings: [Decimal]
  /// I_c + Σ C_m.
  public var totalCost: Decimal
  /// b_req / c_req; `nil` when the candidate's requests cost nothing.
  public var costRatio: Decimal?
  /// ΔI = I_c − I_b.
  public var investment: Decimal
  /// Σ savings − ΔI.
  public var netBenefit: Decimal
  /// net_benefit / ΔI; `nil` when ΔI ≤ 0 (nothing was invested).
  public var roi: Decimal?
  /// Σ savings / ΔI; `nil` when ΔI ≤ 0.
  public var benefitCostRatio: Decimal?
  /// Months until cumulative savings repay ΔI, linear inside a month; `nil` means never
  /// (within max(120, 10·H) months).
  public var paybackMonths: Decimal?
  /// The calendar day of payback, when the scenario has a start date.
  public var paybackDate: ISODate?
  /// The month-1 volume at which both cost the same over the horizon; `nil` when the candidate
  /// is never cheaper per request.
  public var breakEvenRequestsPerMonth: Decimal?
  /// −ΔI + Σ savings_m / (1+r)^m.
  public var npv: Decimal
  public var warnings: [String]
}

/// The whole comparison, as `compare` and `roi` print it.
public struct ScenarioResult: Sendable {
  public var scenario: Scenario
  public var currency: String
  public var baseline: PlanCost
  /// B_1 … B_H.
  public var baselineMonthlyCost: [Decimal]
  public var baselineTotalCost: Decimal
  public var candidates: [CandidateResult]
  /// Scenario-wide warnings (lifecycle, unconfirmed prices, truncation).
  public var warnings: [String]
  /// `--set` and `--horizon` overrides, path → value as given.
  public var overrides: [(String, String)]

  /// The candidate with the largest positive net benefit, if any pays back.
  public var best: CandidateResult? {
    candidates.filter { $0.netBenefit > 0 && $0.paybackMonths != nil }.max { $0.netBenefit < $1.netBenefit }
  }
}
