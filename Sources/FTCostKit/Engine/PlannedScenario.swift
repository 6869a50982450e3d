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
  /// What the plans were priced with, to price them again at another volume.
  var catalog: PricingCatalog
  var today: ISODate
  var file: String

  /// True when some plan's pricing reads the month-1 volume (an evaluation set answered on GPUs
  /// costs month-1 GPU cost / R_1), so another volume needs the plans priced again.
  var readsVolume: Bool {
    PlanPricer.readsVolume(scenario.baseline) || scenario.candidates.contains(where: PlanPricer.readsVolume)
  }

  /// The scenario at month-1 volume `requestsPerMonth`, priced again only when a plan reads it.
  func at(requestsPerMonth volume: Decimal) throws -> PlannedScenario {
    var moved = scenario
    moved.workload.requestsPerMonth = volume
    guard readsVolume else {
      var result = self
      result.scenario = moved
      return result
    }
    return try ScenarioEngine.plan(moved, catalog: catalog, today: today, file: file)
  }
}
