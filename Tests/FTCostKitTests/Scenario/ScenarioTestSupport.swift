import Foundation
import Testing

@testable import FTCostKit

/// A small table with round prices so every expectation can be computed by hand.
let acmeTable = """
  {"schema_version": 1, "provider": "acme", "currency": "USD", "as_of": "2026-11-01", "source": "test",
   "models": [
    {"id": "big", "inference": {"input": 10, "cached_input": 1, "output": 30, "batch_input": 5, "batch_output": 15}},
    {"id": "small", "inference": {"input": 1, "cached_input": 0.5, "output": 2},
     "fine_tuning": {"training": 8, "inference": {"input": 2, "cached_input": 1, "output": 4}, "max_tokens_per_example": 1000}},
    {"id": "hosted", "inference": {"input": 1, "output": 2},
     "fine_tuning": {"training": 8, "inference": {"input": 2, "output": 4}, "hosting_per_hour": 2}},
    {"id": "hourly", "inference": {"input": 1, "output": 2},
     "fine_tuning": {"training_per_hour": 100, "inference": {"input": 2, "output": 4}}},
    {"id": "emb", "embedding": {"input": 0.1}},
    {"id": "tiered", "inference": {"input": 1, "output": 2, "tiers": [{"above_input_tokens": 1000, "input": 2, "output": 4}]}},
    {"id": "judge", "inference": {"input": 5, "output": 10}},
    {"id": "nocache", "inference": {"input": 1, "output": 1}}
   ]}
  """

func acmeCatalog(extra: [String] = []) throws -> PricingCatalog {
  var tables: [PricingTable] = []
  for (offset, text) in ([acmeTable] + extra).enumerated() {
    let parsed = PricingTable.parse(
      file: "acme\(offset).json", bytes: Array(text.utf8), isBuiltIn: true, today: testToday)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    tables.append(try #require(parsed.table))
  }
  return try PricingCatalog(builtIn: tables, overlays: [], today: testToday)
}

/// Decodes a scenario from text, failing the test on problems.
func scenario(_ text: String) throws -> Scenario {
  let (scenario, problems) = Scenario.parse(file: "s.json", bytes: Array(text.utf8))
  #expect(problems.isEmpty, "\(problems)")
  return try #require(scenario)
}

/// The problems a scenario text has.
func scenarioProblems(_ text: String) -> [Diagnostic] {
  Scenario.parse(file: "s.json", bytes: Array(text.utf8)).diagnostics
}

/// A scenario text with a workload and baseline, and `candidates` spliced in.
func scenarioText(
  workload: String =
    #"{"requests_per_month": 1000, "system_tokens": 100, "few_shot_tokens": 200, "user_tokens": 300, "output_tokens": 50, "cached_prefix_share": 0.5}"#,
  baseline: String = #"{"name": "base", "strategy": "prompting", "model": "big"}"#,
  candidates: String, extra: String = ""
) -> String {
  """
  {"name": "t", "horizon_months": 12, \(extra)
   "workload": \(workload),
   "baseline": \(baseline),
   "candidates": [\(candidates)]}
  """
}

func run(_ text: String, catalog: PricingCatalog? = nil) throws -> ScenarioResult {
  try ScenarioEngine.run(scenario(text), catalog: catalog ?? acmeCatalog(), today: testToday)
}

extension ScenarioResult {
  /// The figures of candidate `index`, failing the test when it cannot run.
  func figures(_ index: Int) throws -> CandidateFigures {
    try #require(candidates[index].figures, "\(candidates[index].name) is \(candidates[index].status.name)")
  }
}
