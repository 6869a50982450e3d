import Foundation
import Testing

@testable import FTCostKit

/// The edges of self-hosted pricing: no traffic, evaluation answers on GPUs, and whose GPUs a plan
/// reports while a self-hosted baseline serves it.
@Suite struct SelfHostingEdgeTests {
  /// A judge call is 1,000 + 100 tokens at $10 per 1M: $0.011.
  static let evaluation =
    #", "evaluation": {"test_cases": 10, "judge": "api", "judge_input_tokens": 1000, "judge_output_tokens": 100}"#

  /// With no requests the replica floor is still paid, but month-1 GPU cost / R_1 is undefined:
  /// no cost per request and no cost ratio, rather than a made-up 0.
  @Test func noTrafficLeavesTheCostPerRequestUndefined() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "0"))
    let figures = try result.figures(0)
    #expect(figures.monthlyCost[0] == 2920)
    #expect(figures.cost.costPerRequest == nil)
    #expect(figures.cost.effectiveCostPerRequest == nil)
    #expect(figures.costRatio == nil)
    #expect(figures.monthlySavings[0] == -2920)
  }

  /// A self-hosted baseline at R = 0 has no cost per request either, so no candidate gets a ratio.
  @Test func aSelfHostedBaselineWithoutTrafficHasNoRatio() throws {
    let text = """
      {"name": "h", "horizon_months": 2, "start_date": "2027-01-01",
       "workload": {"requests_per_month": 0, "user_tokens": 1000, "output_tokens": 100},
       "baseline": {"name": "own", "strategy": "prompting", "model": "open", "hosting": {}},
       "candidates": [{"name": "api", "strategy": "prompting", "model": "api"}]}
      """
    let result = try runSelfHosted(text)
    #expect(result.baseline.cost.costPerRequest == nil)
    #expect(try result.figures(0).cost.costPerRequest == dec("0.011"))
    #expect(try result.figures(0).costRatio == nil)
  }

  /// Evaluation answers from a self-hosted plan cost what one of its requests costs: month-1 GPU
  /// cost / R_1 = 2,920 / 1,000 = $2.92; the API baseline's answer is $0.011.
  @Test func evaluationAnswersOnOwnGPUsCostTheCostPerRequest() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "1000", extra: Self.evaluation))
    // 10 · (2.92 + 0.011) + 10 · 2 judge calls · 0.011.
    #expect(try result.figures(0).cost.evaluationCost == dec("29.53"))
  }

  /// At R_1 = 0 such an answer has no cost, so an evaluation is refused with the way out.
  @Test func anEvaluationOnOwnGPUsWithoutTrafficIsAnError() {
    #expect {
      try runSelfHosted(selfHostScenario(requests: "0", extra: Self.evaluation))
    } throws: { error in
      let message = String(describing: error)
      return message.contains("workload.requests_per_month") && message.contains("drop the evaluation")
    }
  }

  /// During a one-month lead the candidate pays the self-hosted baseline's replica, but its own
  /// GPU figures start in month 2, with its own two replicas.
  @Test func selfHostingFiguresCountOnlyThePlansOwnGPUs() throws {
    let text = """
      {"name": "h", "horizon_months": 2, "start_date": "2027-01-01",
       "workload": {"requests_per_month": 1000, "user_tokens": 1000, "output_tokens": 100},
       "baseline": {"name": "base", "strategy": "prompting", "model": "open", "hosting": {}},
       "candidates": [
         {"name": "own", "strategy": "prompting", "model": "open", "hosting": {"min_replicas": 2},
          "lead_time_months": 1},
         {"name": "api", "strategy": "prompting", "model": "api", "lead_time_months": 1}]}
      """
    let result = try runSelfHosted(text)
    let own = try result.figures(0)
    #expect(own.monthlyCost == [2920, 5840])
    #expect(own.monthlyHosting.map(\.replicas) == [0, 2])
    #expect(own.monthlyHosting.map(\.allocatedGPUHours) == [0, 2 * 2 * 730])
    #expect(own.monthlyHosting[0].cost == 0)
    // An API plan has no GPU figures, even while the baseline's GPUs serve it.
    let api = try result.figures(1)
    #expect(api.monthlyCost[0] == 2920)
    #expect(api.monthlyHosting.isEmpty)
  }
}
