import Foundation
import Testing

@testable import FTCostKit

/// The keys cost model v2 adds: each one read, and each bad value a clear error at its path.
@Suite struct VersionTwoKeyTests {
  @Test func keysAreRead() throws {
    let text = scenarioText(
      workload: #"{"requests_per_month": 1000, "user_tokens": 100, "output_tokens": 10, "failure_cost": 2.5}"#,
      baseline:
        #"{"name": "base", "strategy": "prompting", "model": "big", "success_rate": 0.9, "ops_monthly": 10, "successor_model": "small", "migration_cost": 5}"#,
      candidates:
        #"{"name": "f", "strategy": "fine-tuning", "model": "small", "examples": 10, "retrain_examples": 4, "lead_time_months": 1.5}"#
    )
    let value = try scenario(text)
    #expect(value.workload.failureCost == dec("2.5"))
    #expect(value.baseline.successRate == dec("0.9"))
    #expect(value.baseline.opsMonthly == 10)
    #expect(value.baseline.successorModel == "small")
    #expect(value.baseline.migrationCost == 5)
    #expect(value.candidates[0].leadTimeMonths == dec("1.5"))
    #expect(value.candidates[0].terms.training?.retrainExamples == 4)
  }

  @Test(
    arguments: [
      (
        #""workload": {"requests_per_month": 1, "user_tokens": 1, "output_tokens": 1, "failure_cost": -1}"#,
        "workload.failure_cost", "must not be negative"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "success_rate": 1.5}]"#,
        "candidates[0].success_rate", "a share from 0 to 1"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "success_rate": -0.1}]"#,
        "candidates[0].success_rate", "must not be negative"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "ops_monthly": "lots"}]"#,
        "candidates[0].ops_monthly", "expected a number"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "migration_cost": -3}]"#,
        "candidates[0].migration_cost", "must not be negative"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "successor_model": 4}]"#,
        "candidates[0].successor_model", "expected a string"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "lead_time_months": -1}]"#,
        "candidates[0].lead_time_months", "must not be negative"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "lead_time_months": 601}]"#,
        "candidates[0].lead_time_months", "at most 600"
      ),
      (
        #""candidates": [{"name": "c", "strategy": "prompting", "model": "small", "retrain_examples": 5}]"#,
        "candidates[0].retrain_examples", "is not used by strategy \"prompting\""
      ),
      (
        #""candidates": [{"name": "c", "strategy": "fine-tuning", "model": "small", "examples": 5, "retrain_examples": 1.5}]"#,
        "candidates[0].retrain_examples", "expected a whole number"
      ),
      (
        #""baseline": {"name": "b", "strategy": "prompting", "model": "big", "lead_time_months": 2}"#,
        "baseline.lead_time_months", "belongs on a candidate"
      ),
    ])
  func badValuesAreClearErrors(member: String, path: String, message: String) {
    var parts = [
      "\"workload\"": #""workload": {"requests_per_month": 1, "user_tokens": 1, "output_tokens": 1}"#,
      "\"baseline\"": #""baseline": {"name": "b", "strategy": "prompting", "model": "big"}"#,
      "\"candidates\"": #""candidates": [{"name": "c", "strategy": "prompting", "model": "small"}]"#,
    ]
    for key in parts.keys where member.hasPrefix(key) { parts[key] = member }
    let text =
      "{" + ["\"workload\"", "\"baseline\"", "\"candidates\""].compactMap { parts[$0] }.joined(separator: ", ") + "}"
    let problems = scenarioProblems(text)
    #expect(problems.contains { $0.path == path && $0.message.contains(message) }, "\(problems)")
    #expect(problems.allSatisfy { $0.location != nil || $0.path.hasSuffix(".name") })
  }

  /// An unknown successor_model is a runtime error with a suggestion, not a silent fallback.
  @Test func unknownSuccessorModelIsAnError() throws {
    let text = scenarioText(
      candidates: #"{"name": "c", "strategy": "prompting", "model": "small", "successor_model": "smal"}"#)
    #expect {
      try run(text)
    } throws: { error in
      String(describing: error).contains("unknown model 'smal'. Did you mean 'small'?")
    }
  }

  /// Unnamed plans are named after their strategy, then their model, so they stay distinct.
  @Test func unnamedPlansGetDistinctNames() throws {
    let text = """
      {"workload": {"requests_per_month": 1, "user_tokens": 1, "output_tokens": 1},
       "baseline": {"strategy": "prompting", "model": "big"},
       "candidates": [{"strategy": "prompting", "model": "small"}, {"strategy": "prompting", "model": "judge"}]}
      """
    let value = try scenario(text)
    #expect(
      [value.baseline.name] + value.candidates.map(\.name) == ["prompting", "prompting (small)", "prompting (judge)"])
    let clash = scenarioProblems(
      text.replacingOccurrences(
        of: #"{"strategy": "prompting", "model": "small"}"#,
        with: #"{"name": "x", "strategy": "prompting", "model": "small"}"#
      )
      .replacingOccurrences(
        of: #"{"strategy": "prompting", "model": "judge"}"#,
        with: #"{"name": "x", "strategy": "prompting", "model": "judge"}"#))
    #expect(clash.map(\.message) == ["two strategies are named \"x\"; give each a distinct name"])
  }
}

/// successor_model wins over the table's successor when the serving model retires.
@Suite struct SuccessorModelTests {
  @Test func theScenariosSuccessorWins() throws {
    let text = timelyScenario(
      baseline:
        #"{"name": "base", "strategy": "prompting", "model": "old", "successor_model": "changing", "migration_cost": 7}"#,
      candidates: #"{"name": "c", "strategy": "prompting", "model": "new"}"#)
    let result = try runTimely(text)
    // 14 days on old (0.01), then 17 on changing, whose price is 0.002 from the same day: 140 + 34 + 7.
    #expect(result.baseline.monthlyCost[0] == 181)
    // On one day price changes come first, then the retirement and its migration.
    #expect(result.baseline.events.map(\.kind) == [.priceChange, .retirement, .migration])
    #expect(result.baseline.events.last?.detail.contains("served on changing") == true)
  }
}
