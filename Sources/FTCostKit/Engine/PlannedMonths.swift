import Foundation

/// The volume-independent parts of each plan's months, worked out once so a scenario can be
/// evaluated at many volumes (a sweep) without scheduling every month again.
struct PlannedMonths: Sendable {
  /// The baseline's months 1 … `count`.
  var baseline: [MonthCost]
  /// Each candidate's months 1 … `count`, in the scenario's order; empty for one that cannot run.
  var candidates: [[MonthCost]]
  /// (1+g)^(m−1) for months 1 … `count`, so R_m = R · growth[m−1].
  var growth: [Decimal]
  /// r, the monthly discount rate.
  var discountRate: Decimal

  /// The months worked out.
  var count: Int { growth.count }

  /// Months 1 … `months` of the baseline and of every candidate (or only the one named `only`;
  /// the others get none).
  init(_ planned: PlannedScenario, through months: Int, only: String? = nil) {
    let calendar = planned.calendar
    let baselineSchedule = planned.baselineSchedule
    baseline = (1...months).map { baselineSchedule.cost(ofMonth: $0, calendar: calendar, baseline: nil) }
    candidates = planned.candidates.map { candidate in
      guard case .scheduled(let schedule, _) = candidate, only == nil || candidate.name == only else { return [] }
      return (1...months).map { schedule.cost(ofMonth: $0, calendar: calendar, baseline: baselineSchedule) }
    }
    growth = (1...months).map { ScenarioEngine.growth(inMonth: $0, planned.scenario.workload) }
    discountRate = ScenarioEngine.monthlyRate(annual: planned.scenario.discountRateAnnual)
  }
}
