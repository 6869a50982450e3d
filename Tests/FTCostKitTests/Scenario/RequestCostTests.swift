import Testing

@testable import FTCostKit

@Suite struct RequestCostTests {
  @Test func module20CostExample() throws {
    let model = try shippedCatalog().model(named: "gpt-4o-mini")
    let cost = try RequestPricer.cost(
      model: model, inputTokens: 1000, cachedInputTokens: 0, outputTokens: 200, fineTuned: false, batch: false)
    #expect(cost.total == dec("0.00027"))
    #expect(cost.total * 1000 == dec("0.27"))
  }

  @Test func cachedBatchAndFineTunedPrices() throws {
    let model = try shippedCatalog().model(named: "gpt-4o-mini")
    let cached = try RequestPricer.cost(
      model: model, inputTokens: 1000, cachedInputTokens: 400, outputTokens: 0, fineTuned: false, batch: false)
    #expect(cached.input == dec("0.00009"))
    #expect(cached.cachedInput == dec("0.00003"))
    let batch = try RequestPricer.cost(
      model: model, inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 1_000_000, fineTuned: false, batch: true
    )
    #expect(batch.total == dec("0.375"))
    let tuned = try RequestPricer.cost(
      model: model, inputTokens: 1_000_000, cachedInputTokens: 0, outputTokens: 1_000_000, fineTuned: true, batch: false
    )
    #expect(tuned.total == dec("1.50"))
  }

  /// gemini-2.5-pro: 1.25 / 10.00 up to 200,000 input tokens, 2.50 / 15.00 on all tokens above.
  @Test(arguments: [(199_999, "0.25999875"), (200_000, "0.26"), (200_001, "0.5150025")])
  func longContextTierIsACliff(input: Int64, expected: String) throws {
    let model = try shippedCatalog().model(named: "gemini-2.5-pro")
    let cost = try RequestPricer.cost(
      model: model, inputTokens: input, cachedInputTokens: 0, outputTokens: 1000, fineTuned: false, batch: false)
    #expect(cost.total == dec(expected))
    #expect((cost.tier != nil) == (input > 200_000))
  }

  @Test func refusesWhatTheTablesCannotPrice() throws {
    let catalog = try shippedCatalog()
    let pro = try catalog.model(named: "o1-pro")
    #expect(throws: CostError.noCachedPrice("o1-pro", fineTuned: false)) {
      try RequestPricer.cost(
        model: pro, inputTokens: 10, cachedInputTokens: 5, outputTokens: 0, fineTuned: false, batch: false)
    }
    let legacy = try catalog.model(named: "gpt-3.5-turbo")
    #expect(throws: CostError.noBatchPrices("gpt-3.5-turbo-0125", fineTuned: true)) {
      try RequestPricer.cost(
        model: legacy, inputTokens: 10, cachedInputTokens: 0, outputTokens: 0, fineTuned: true, batch: true)
    }
    let claude = try catalog.model(named: "claude-sonnet-4-5")
    #expect(throws: CostError.notFineTunable("claude-sonnet-4-5")) {
      try RequestPricer.cost(
        model: claude, inputTokens: 10, cachedInputTokens: 0, outputTokens: 0, fineTuned: true, batch: false)
    }
    #expect(throws: CostError.cachedExceedsInput(cached: 11, input: 10)) {
      try RequestPricer.cost(
        model: claude, inputTokens: 10, cachedInputTokens: 11, outputTokens: 0, fineTuned: false, batch: false)
    }
  }
}
