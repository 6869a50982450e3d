import Foundation
import Testing

@testable import FTCostKit

@Suite struct ScenarioInputTests {
  let ft = #"{"name": "f", "strategy": "fine-tuning", "model": "small", "examples": 10, "tokens_per_example": 100}"#

  @Test func malformedJSONHasLineAndColumn() {
    let problems = scenarioProblems("{\n  \"name\": \"x\"\n  \"horizon_months\": 12}")
    #expect(problems.first?.description == "s.json:3:3: malformed JSON: expected ',' or '}' after a member, found '\"'")
  }

  @Test func unknownStrategyAndKeysGetHints() {
    let strategy = scenarioProblems(
      scenarioText(candidates: #"{"name": "x", "strategy": "fine-tunning", "model": "small"}"#))
    #expect(
      strategy.contains { $0.message.hasPrefix("unknown strategy \"fine-tunning\". Did you mean 'fine-tuning'?") })
    let key = scenarioProblems(
      scenarioText(candidates: #"{"name": "x", "strategy": "fine-tuning", "model": "small", "example": 10}"#))
    #expect(
      key.contains {
        $0.message == "unknown key \"example\". Did you mean 'examples'?" && $0.path == "candidates[0].example"
      })
    let workload = scenarioProblems(
      scenarioText(workload: #"{"requests_per_month": 1, "user_token": 1, "output_tokens": 1}"#, candidates: ft))
    #expect(workload.contains { $0.message == "unknown key \"user_token\". Did you mean 'user_tokens'?" })
    #expect(workload.contains { $0.message == "missing required field \"user_tokens\"" })
  }

  @Test func keysOfAnotherStrategyAreRefused() {
    let problems = scenarioProblems(
      scenarioText(
        candidates: #"{"name": "x", "strategy": "fine-tuning", "model": "small", "examples": 10, "teacher": "big"}"#))
    #expect(
      problems.contains {
        $0.message.hasPrefix("\"teacher\" is not used by strategy \"fine-tuning\" (it belongs to distillation)")
      })
  }

  @Test func baselineIsRequired() {
    let text = #"{"workload": {"requests_per_month": 1, "user_tokens": 1, "output_tokens": 1}, "candidates": []}"#
    #expect(
      scenarioProblems(text).contains {
        $0.path == "baseline" && $0.message.hasPrefix("missing required field \"baseline\"")
      })
  }

  @Test(arguments: [
    (#""horizon_months": 0,"#, "horizon must be 1 to 600 months (found 0)"),
    (#""horizon_months": 601,"#, "horizon must be 1 to 600 months (found 601)"),
  ])
  func horizonLimits(extra: String, message: String) {
    let text = scenarioText(candidates: ft).replacingOccurrences(of: "\"horizon_months\": 12, ", with: extra)
    #expect(scenarioProblems(text).contains { $0.message == message })
  }

  @Test func growthBelowMinus100PercentIsRefused() {
    let problems = scenarioProblems(
      scenarioText(
        workload: #"{"requests_per_month": 1, "monthly_growth": -1.5, "user_tokens": 1, "output_tokens": 1}"#,
        candidates: ft))
    #expect(problems.contains { $0.message.hasPrefix("monthly_growth below -1 (-100 %)") })
  }

  @Test(arguments: [
    (#"{"requests_per_month": -5, "user_tokens": 1, "output_tokens": 1}"#, "must not be negative (found -5)"),
    (
      #"{"requests_per_month": "lots", "user_tokens": 1, "output_tokens": 1}"#,
      "expected a number, found the string \"lots\"; write it without quotes"
    ),
    (#"{"requests_per_month": 1, "user_tokens": 1.5, "output_tokens": 1}"#, "expected a whole number, found 1.5"),
  ])
  func badNumbers(workload: String, message: String) {
    #expect(scenarioProblems(scenarioText(workload: workload, candidates: ft)).contains { $0.message == message })
  }

  @Test func modelThatCannotBeFineTuned() throws {
    let text = scenarioText(
      candidates: #"{"name": "f", "strategy": "fine-tuning", "model": "big", "examples": 10, "tokens_per_example": 10}"#
    )
    #expect(
      throws: ScenarioError.plan(
        file: "scenario", path: "candidates[0]", name: "f", message: TrainingError.notFineTunable("big").description)
    ) {
      try run(text)
    }
  }

  @Test func teacherWithoutBatchPrices() throws {
    let text = scenarioText(
      candidates:
        #"{"name": "d", "strategy": "distillation", "model": "small", "teacher": "tiered", "teacher_batch": true, "examples": 10}"#
    )
    #expect(
      throws: ScenarioError.plan(
        file: "scenario", path: "candidates[0]", name: "d",
        message: CostError.noBatchPrices("tiered", fineTuned: false).description)
    ) {
      try run(text)
    }
  }

  @Test func cachedShareNeedsACachedPrice() throws {
    let text = scenarioText(candidates: #"{"name": "p", "strategy": "prompting", "model": "nocache"}"#)
    #expect(throws: ScenarioError.self) { try run(text) }
  }

  @Test func mixedCurrenciesAreRefused() throws {
    let euro =
      #"{"schema_version": 1, "provider": "euro", "currency": "EUR", "as_of": "2026-11-01", "source": "t", "models": [{"id": "eur-model", "inference": {"input": 1, "cached_input": 0.5, "output": 1}}]}"#
    let text = scenarioText(candidates: #"{"name": "e", "strategy": "prompting", "model": "eur-model"}"#)
    #expect(throws: CostError.mixedCurrencies(["EUR", "USD"])) {
      try ScenarioEngine.run(scenario(text), catalog: acmeCatalog(extra: [euro]), today: testToday)
    }
  }

  @Test func overridesApplyAndRefuseUnknownPaths() throws {
    let root = try JSONParser.parse(scenarioText(candidates: ft))
    let changed = try ScenarioOverride(parsing: "workload.requests_per_month=50000").apply(to: root)
    #expect(Scenario.decode(changed, file: "s").scenario?.workload.requestsPerMonth == 50000)
    let added = try ScenarioOverride(parsing: "candidates[0].epochs=4").apply(to: root)
    #expect(Scenario.decode(added, file: "s").scenario?.candidates[0].terms.training?.epochs == 4)
    #expect(
      throws: ScenarioError.badOverride(
        "--set path 'workload.request_per_month' does not exist in the scenario. Did you mean 'requests_per_month'?")
    ) {
      try ScenarioOverride(parsing: "workload.request_per_month=5").apply(to: root)
    }
    #expect(throws: ScenarioError.self) { try ScenarioOverride(parsing: "candidates[3].epochs=4").apply(to: root) }
    #expect(throws: ScenarioError.self) { try ScenarioOverride(parsing: "no-equals-sign") }
  }
}
