import Foundation

/// A scenario with every plan priced and scheduled: everything that does not depend on the volume.
struct PlannedScenario: Sendable {
  /// A candidate that can start, or one that cannot.
  enum Candidate: Sendable {
    case scheduled(PlanSchedule, PlanCost)
    case infeasible(StrategyPlan, ModelPricing, reason: String)

    /// The candidate's name in the scenario.
    var name: String {
      switch self {
      case .scheduled(_, let cost): return cost.plan.name
      case .infeasible(let plan, _, _): return plan.name
      }
    }
  }

  var scenario: Scenario
  var calendar: ScenarioCalendar
  var currency: String
  var baselineCost: PlanCost
  var baselineSchedule: PlanSchedule
  var candidates: [Candidate]
  var warnings: [String]
  var overlaidValues: [String]
}
