import Foundation
import Testing

@testable import FTCostKit

/// A provider whose models retire, close to training and change price on round dates, so every
/// expectation of the calendar tests can be worked out by hand.
///
/// Requests are 1,000 input tokens and no output, so a model's cost per request is its input price
/// divided by 1,000: `old` 0.01, `new` 0.02, fine-tuned `tunable` 0.002.
let timelyTable = """
  {"schema_version": 1, "provider": "timely", "display_name": "Timely", "currency": "USD", "as_of": "2026-11-01",
   "source": "test", "fine_tuning": {"api": true, "new_jobs_until": "2027-02-10"},
   "models": [
    {"id": "old", "deprecation_date": "2027-01-15", "successor": "new", "inference": {"input": 10, "output": 10}},
    {"id": "new", "inference": {"input": 20, "output": 20}},
    {"id": "lone", "deprecation_date": "2027-03-01", "inference": {"input": 10, "output": 10}},
    {"id": "changing", "inference": {"input": 1, "output": 1},
     "price_changes": [{"effective_from": "2027-01-15", "inference": {"input": 2}, "source": "test"}]},
    {"id": "tunable", "successor": "new", "inference": {"input": 4, "output": 4},
     "fine_tuning": {"training": 10, "inference": {"input": 2, "output": 2}, "deprecation_date": "2027-01-15",
                     "storage_per_month": 3}},
    {"id": "steady", "inference": {"input": 4, "output": 4},
     "fine_tuning": {"training": 10, "inference": {"input": 2, "output": 2}}},
    {"id": "moving", "successor": "steady", "inference": {"input": 4, "output": 4},
     "fine_tuning": {"training": 10, "inference": {"input": 3, "output": 3}, "deprecation_date": "2027-01-15"}},
    {"id": "open-late", "inference": {"input": 4, "output": 4},
     "fine_tuning": {"training": 10, "inference": {"input": 2, "output": 2}, "new_jobs_until": "2027-12-31"}}
   ]}
  """

func timelyCatalog() throws -> PricingCatalog {
  let parsed = PricingTable.parse(
    file: "timely.json", bytes: Array(timelyTable.utf8), isBuiltIn: true, today: testToday)
  #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
  return try PricingCatalog(builtIn: [try #require(parsed.table)], overlays: [], today: testToday)
}

/// A scenario from 2027-01-01 (31-day January) of 31,000 requests a month of 1,000 input tokens.
func timelyScenario(
  baseline: String = #"{"name": "base", "strategy": "prompting", "model": "old"}"#, candidates: String,
  start: String = "2027-01-01", horizon: Int = 12, workload extra: String = ""
) -> String {
  """
  {"name": "timely", "horizon_months": \(horizon), "start_date": "\(start)",
   "workload": {"requests_per_month": 31000, "user_tokens": 1000, "output_tokens": 0\(extra)},
   "baseline": \(baseline),
   "candidates": [\(candidates)]}
  """
}

func runTimely(_ text: String) throws -> ScenarioResult {
  try ScenarioEngine.run(scenario(text), catalog: timelyCatalog(), today: testToday)
}
