import Foundation
import Testing

@testable import FTCostKit

/// Round figures for self-hosting: one replica of `open` is 2 GPUs at $2 an hour, reads 1,000
/// input tokens a second and writes 100 output tokens a second; LoRA trains 10,000 tokens a second.
let selfHostTable = """
  {"schema_version": 1, "provider": "selfhost", "currency": "USD", "as_of": "2026-11-01", "source": "test",
   "models": [
    {"id": "gpu-x", "gpu_per_hour": 2,
     "price_changes": [{"effective_from": "2027-03-01", "gpu_per_hour": 3, "source": "test"}]},
    {"id": "open", "parameters_b": 8, "self_hosting": {"gpu": "gpu-x", "gpus_per_replica": 2,
      "input_tokens_per_second": 1000, "output_tokens_per_second": 100,
      "training_tokens_per_second": {"lora": 10000, "full": 5000}}},
    {"id": "api", "inference": {"input": 10, "output": 10}}
   ]}
  """

func selfHostCatalog() throws -> PricingCatalog {
  let parsed = PricingTable.parse(file: "s.json", bytes: Array(selfHostTable.utf8), isBuiltIn: true, today: testToday)
  #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
  return try PricingCatalog(builtIn: [try #require(parsed.table)], overlays: [], today: testToday)
}

/// A request of 1,000 input and 100 output tokens takes 1 s + 1 s = 2 s of a replica.
func selfHostScenario(
  requests: String, hosting: String = "{}", extra: String = "", plan: String = #""strategy": "prompting""#
)
  -> String
{
  """
  {"name": "h", "horizon_months": 4, "start_date": "2027-01-01",
   "workload": {"requests_per_month": \(requests), "user_tokens": 1000, "output_tokens": 100},
   "baseline": {"name": "api", "strategy": "prompting", "model": "api"},
   "candidates": [{"name": "own", \(plan), "model": "open", "hosting": \(hosting)\(extra)}]}
  """
}

func runSelfHosted(_ text: String) throws -> ScenarioResult {
  try ScenarioEngine.run(scenario(text), catalog: selfHostCatalog(), today: testToday)
}

@Suite struct SelfHostingTests {
  /// GPU-hours = D · e / (tokens per second · 3600) · GPUs per replica; cost = GPU-hours · rate.
  @Test func trainingOnGPUsByHand() throws {
    let catalog = try selfHostCatalog()
    let quote = try GPUTrainingQuote.make(
      model: catalog.model(named: "open"), gpu: nil, method: .lora, catalog: catalog,
      on: try #require(ISODate("2027-01-01")), examples: nil, tokensPerExample: nil, trainingTokens: 100_000_000,
      epochs: 1, hours: nil)
    // 10^8 / (10,000 · 3600) = 2.777… hours of a replica, × 2 GPUs = 5.555… GPU-hours, × $2.
    #expect(close(try #require(quote.plan.gpuHours), dec("100000000") / dec("36000000") * 2))
    #expect(close(quote.plan.cost, dec("100000000") / dec("36000000") * 4))
    let full = try GPUTrainingQuote.make(
      model: catalog.model(named: "open"), gpu: nil, method: .full, catalog: catalog,
      on: try #require(ISODate("2027-01-01")), examples: nil, tokensPerExample: nil, trainingTokens: 100_000_000,
      epochs: 1, hours: nil)
    #expect(close(full.plan.cost, quote.plan.cost * 2))
  }

  /// Low volume: 1,000 requests need 2,000 replica-seconds, far below one replica, so the floor of
  /// one replica applies: 1 · 2 GPUs · 730 h · $2 = $2,920 a month.
  @Test func theMinimumReplicaFloorAtLowVolume() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "1000"))
    let figures = try result.figures(0)
    #expect(figures.monthlyCost[0] == 2920)
    #expect(figures.monthlyHosting[0].replicas == 1)
    #expect(figures.monthlyComponents[0][.gpuServing] == 2920)
    #expect(figures.monthlyComponents[0][.tokens] == 0)
    // cost_per_request is month-1 GPU cost / R_1.
    #expect(figures.cost.costPerRequest == dec("2.92"))
    let floor = try runSelfHosted(selfHostScenario(requests: "1000", hosting: #"{"min_replicas": 3}"#))
    #expect(try floor.figures(0).monthlyCost[0] == Decimal(3 * 2920))
  }

  /// High volume: 10,000,000 requests · 2 s / 3600 / 0.6 = 9,259.26 replica-hours, over 730 a
  /// replica: ⌈12.68⌉ = 13 replicas; at max_utilization 0.1 it is ⌈76.1⌉ = 77.
  @Test func theCeilingRuleAndTheUtilisationCapAtHighVolume() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "10000000"))
    let figures = try result.figures(0)
    #expect(figures.monthlyHosting[0].replicas == 13)
    #expect(figures.monthlyCost[0] == Decimal(13 * 2920))
    let capped = try runSelfHosted(selfHostScenario(requests: "10000000", hosting: #"{"max_utilization": 0.1}"#))
    #expect(try capped.figures(0).monthlyHosting[0].replicas == 77)
    // Used GPU-hours: 10^7 · 2 s / 3600 · 2 GPUs; the rest of the 13 · 2 · 730 allocated is idle.
    let used = dec("20000000") / 3600 * 2
    #expect(close(figures.monthlyHosting[0].usedGPUHours, used))
    #expect(close(try #require(figures.monthlyHosting[0].idleShare), 1 - used / (13 * 2 * 730)))
  }

  /// The GPU's price change on 2027-03-01 reprices month 3 and is an event of the hosted plan.
  @Test func aGPUPriceChangeIsAnEvent() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "1000"))
    let figures = try result.figures(0)
    #expect(figures.monthlyCost[2] == Decimal(1 * 2 * 730 * 3))
    #expect(result.candidates[0].events.map(\.kind) == [.priceChange])
  }

  /// A lead time of half a month ends round_half_up(0.5 · 31) = 16 days in: January's hosted part
  /// carries the other 15/31 of the month's hours.
  @Test func aPartMonthIsProrated() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "1000", extra: #", "lead_time_months": 0.5"#))
    let figures = try result.figures(0)
    // 16 lead days at the API's 1000 · 0.011 = $11 a month, then 15 days of one replica.
    #expect(close(figures.monthlyCost[0], dec("11") * 16 / 31 + dec("2920") * 15 / 31))
  }

  /// A trained hosted plan trains on its hosting GPUs: the fine-tuning prices of a service do not apply.
  @Test func aHostedFineTuneTrainsOnItsGPUs() throws {
    let result = try runSelfHosted(
      selfHostScenario(
        requests: "1000",
        plan: #""strategy": "fine-tuning", "training_tokens": 36000000, "epochs": 1, "training_method": "lora""#))
    // 3.6·10^7 / (10,000 · 3600) = 1 hour of a replica, × 2 GPUs × $2.
    #expect(try result.figures(0).cost.training?.cost == 4)
  }

  /// Replica counts are steps, so break-even is found numerically.
  ///
  /// Over four months the API costs
  /// $0.011 a request and one replica $2,920 a month, $4,380 from March (the GPU's price change):
  /// 0.044 · R = 2 · 2,920 + 2 · 4,380, so R* = 14,600 / 0.044, within one replica's capacity.
  @Test func breakEvenWithReplicaStepsIsBisected() throws {
    let result = try runSelfHosted(selfHostScenario(requests: "1000"))
    let volume = try #require(try result.figures(0).breakEvenRequestsPerMonth)
    let exact = dec("14600") / dec("0.044")
    #expect((volume - exact).magnitude <= dec("1e-9") * exact)
  }

  @Test func selfHostingAnAPIOnlyModelIsAnError() {
    let text = selfHostScenario(requests: "1000").replacingOccurrences(
      of: #""model": "open""#, with: #""model": "api""#)
    #expect {
      try runSelfHosted(text)
    } throws: { error in
      String(describing: error).contains("model 'api' cannot be self-hosted")
    }
  }

  @Test(
    arguments: [
      (
        #""self_hosting": {"gpus_per_replica": 1, "input_tokens_per_second": 1, "output_tokens_per_second": 1}"#,
        "models[0].self_hosting.gpu"
      ),
      (
        #""self_hosting": {"gpu": "g", "output_tokens_per_second": 1}"#,
        "models[0].self_hosting.input_tokens_per_second"
      ),
      (
        #""self_hosting": {"gpu": "g", "input_tokens_per_second": 1, "output_tokens_per_second": 0}"#,
        "models[0].self_hosting.output_tokens_per_second"
      ),
      (
        #""self_hosting": {"gpu": "g", "input_tokens_per_second": 1, "output_tokens_per_second": 1, "training_tokens_per_second": {"qlora": 5}}"#,
        "models[0].self_hosting.training_tokens_per_second.qlora"
      ),
    ])
  func selfHostingEntriesNeedTheirFigures(field: String, path: String) {
    let problems = pricingProblems(tableText(model: #"{"id": "m", \#(field)}"#))
    #expect(problems.contains { $0.path == path }, "\(problems)")
  }

  @Test(
    arguments: [
      (#"{"max_utilization": 0}"#, "candidates[0].hosting.max_utilization"),
      (#"{"max_utilization": 1.5}"#, "candidates[0].hosting.max_utilization"),
      (#"{"gpus_per_replica": 0}"#, "candidates[0].hosting.gpus_per_replica"),
      (#"{"min_replicas": 20000}"#, "candidates[0].hosting.min_replicas"),
      (#"{"gpu_type": "x"}"#, "candidates[0].hosting.gpu_type"),
    ])
  func badHostingValuesAreClearErrors(hosting: String, path: String) {
    let problems = scenarioProblems(selfHostScenario(requests: "1", hosting: hosting))
    #expect(problems.contains { $0.path == path }, "\(problems)")
  }

  @Test func trainingMethodNeedsHosting() {
    let text = scenarioText(
      candidates:
        #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 10, "training_method": "lora"}"#
    )
    #expect(scenarioProblems(text).contains { $0.path == "candidates[0].training_method" })
  }
}
