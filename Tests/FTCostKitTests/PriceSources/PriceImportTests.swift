import Foundation
import Testing

@testable import FTCostKit

/// The hand-written price files in the shape of LiteLLM's and genai-prices' real ones.
func priceSourceFixture(_ name: String) throws -> [UInt8] {
  let url = repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/PriceSources/\(name)")
  return Array(try Data(contentsOf: url))
}

/// The shipped tables, as imports are laid over them.
func shippedTables() throws -> [PricingTable] {
  try shippedCatalog().tables
}

/// Imports a fixture and loads the result as an overlay, by model id.
func importedModels(
  _ name: String, format: PriceSourceFormat, providers: [String] = []
) throws -> (PriceImport, [String: ModelPricing]) {
  let builtIn = try shippedTables()
  let imported = try PriceImport.read(
    file: name, bytes: try priceSourceFixture(name), format: format, version: "9.9.9", providers: providers,
    today: testToday, builtIn: builtIn)
  let overlay = try imported.overlay(on: builtIn, today: testToday)
  var models: [String: ModelPricing] = [:]
  for model in overlay.flatMap(\.models) { models[model.id] = model }
  return (imported, models)
}

@Suite struct LiteLLMImportTests {
  @Test func perTokenPricesBecomeExactPricesPerMillion() throws {
    #expect(SourceNames.perMillion(dec("1.5e-07")) == dec("0.15"))
    #expect(SourceNames.perMillion(dec("7.5e-08")).description == "0.075")
    #expect(SourceNames.perMillion(dec("1.875e-06")).description == "1.875")
    #expect(SourceNames.perMillion(dec("0.0")) == 0)
  }

  @Test func gpt4oMiniTakesItsBuiltInIDAndEveryPriceTheFileGives() throws {
    let (imported, models) = try importedModels("litellm-sample.json", format: .litellm)
    let mini = try #require(models["gpt-4o-mini-2024-07-18"])
    #expect(mini.origin.overrides != nil)
    #expect(mini.inference?.input.description == "0.15")
    #expect(mini.inference?.cachedInput?.description == "0.075")
    #expect(mini.inference?.output.description == "0.6")
    #expect(mini.inference?.batchInput?.description == "0.075")
    #expect(mini.inference?.batchOutput?.description == "0.3")
    #expect(mini.contextWindow == 128_000)
    #expect(mini.deprecationDate?.description == "2027-01-14")
    #expect(mini.successor == "gpt-6-luna")
    // The fine-tuned prices join the base model; the built-in training price stays.
    #expect(mini.fineTuning?.inference?.input == dec("0.3"))
    #expect(mini.fineTuning?.inference?.batchOutput == dec("0.6"))
    #expect(mini.fineTuning?.training == dec("3.00"))
    #expect(mini.fineTuning?.deprecationDate?.description == "2027-01-14")
    #expect(mini.source.contains("\"gpt-4o-mini\", \"gpt-4o-mini-2024-07-18\", \"ft:gpt-4o-mini-2024-07-18\""))
    #expect(imported.sourceLabel == "LiteLLM 9.9.9 litellm-sample.json")
  }

  @Test func batchPricesLifecycleAndProviderPrefixes() throws {
    let (_, models) = try importedModels("litellm-sample.json", format: .litellm)
    let sonnet = try #require(models["claude-sonnet-4-5"])
    #expect(sonnet.inference?.batchInput == dec("1.5"))
    #expect(sonnet.inference?.batchOutput == dec("7.5"))
    let flash = try #require(models["gemini-2.0-flash"])
    #expect(flash.inference?.input == dec("0.15"))
    #expect(flash.inference?.output == dec("0.6"))
    #expect(flash.successor == "gemini-3.5-flash-lite")
    #expect(models["gpt-4.1-nano-2025-04-14"]?.deprecationDate?.description == "2026-10-23")
    #expect(models["gpt-5"]?.deprecationDate?.description == "2026-12-11")
    #expect(models["azure-gpt-4o-mini-2024-07-18"]?.inference?.batchInput == dec("0.075"))
    #expect(models["text-embedding-3-small"]?.embedding?.batchInput == dec("0.01"))
  }

  @Test func longContextTiersNeedAnInputAndAnOutputPrice() throws {
    let (imported, models) = try importedModels("litellm-sample.json", format: .litellm)
    let pro = try #require(models["gemini-2.5-pro"]?.inference?.tiers.first)
    #expect(pro.aboveInputTokens == 200_000)
    #expect(pro.input == dec("2.5"))
    #expect(pro.cachedInput == dec("0.25"))
    #expect(pro.output == dec("15"))
    #expect(
      imported.unmapped.contains {
        $0.key == "gemini-3.5-flash-lite" && $0.reason.contains("tier above 128000 tokens needs both")
      })
  }

  @Test func newModelsKeepTheirSnapshotNamesAsAliases() throws {
    let (_, models) = try importedModels("litellm-sample.json", format: .litellm)
    let research = try #require(models["o4-mini-deep-research"])
    #expect(research.origin.overrides == nil)
    #expect(research.aliases == ["o4-mini-deep-research-2025-06-26"])
    #expect(research.tokenizer == nil)
    #expect(research.fineTuning == nil)
  }

  @Test func whatCannotBeMappedIsListedWithTheReason() throws {
    let (imported, _) = try importedModels("litellm-sample.json", format: .litellm)
    let reasons = Dictionary(imported.unmapped.map { ($0.key, $0.reason) }, uniquingKeysWith: { $0 + "; " + $1 })
    #expect(reasons["gpt-image-1"]?.contains("its mode is image_generation") == true)
    #expect(
      reasons["gpt-4o-transcribe-half-priced"]?.contains("no input_cost_per_token and output_cost_per_token") == true)
    #expect(reasons["claude-sonnet-latest"]?.contains("an alias of claude-sonnet-4-5") == true)
    #expect(reasons["azure/eu/gpt-4o-mini"]?.contains("eu deployments have prices of their own") == true)
    #expect(reasons["vertex_ai/xai/grok-4.7"]?.contains("not a Gemini or Gemma model") == true)
    #expect(imported.otherProviders == ["bedrock_converse": 1])
  }

  @Test func onlyTheChosenProvidersAreWritten() throws {
    let (imported, models) = try importedModels("litellm-sample.json", format: .litellm, providers: ["anthropic"])
    #expect(imported.tables.map(\.fileName) == ["anthropic.json"])
    #expect(Set(models.keys) == ["claude-sonnet-4-5"])
  }

  @Test func notAPriceFileIsAClearError() throws {
    #expect(throws: PriceImportError.self) {
      try PriceImport.read(
        file: "x.json", bytes: Array("[1, 2]".utf8), format: .litellm, version: nil, today: testToday, builtIn: [])
    }
    do {
      _ = try PriceImport.read(
        file: "x.json", bytes: Array("{\"a\": }".utf8), format: .litellm, version: nil, today: testToday, builtIn: [])
      Issue.record("malformed JSON was accepted")
    } catch {
      #expect(error.description.hasPrefix("x.json:1:7: malformed JSON"))
    }
  }
}

@Suite struct GenAIPricesImportTests {
  @Test func tieredPricesAndBatchVariantsMap() throws {
    let (_, models) = try importedModels("genai-prices-sample.json", format: .genaiPrices)
    let sonnet = try #require(models["claude-sonnet-4-5"])
    #expect(sonnet.inference?.batchInput == dec("1.5"))
    #expect(sonnet.inference?.batchOutput == dec("7.5"))
    let tier = try #require(sonnet.inference?.tiers.first)
    #expect(tier.aboveInputTokens == 200_000)
    #expect([tier.input, tier.cachedInput, tier.output] == [dec("6"), dec("0.6"), dec("22.5")])
    #expect(models["claude-opus-4-8"]?.inference?.batchOutput == dec("12.5"))
  }

  @Test func thePriceInForceTodayIsTheBaseAndLaterOnesAreDatedChanges() throws {
    let (_, models) = try importedModels("genai-prices-sample.json", format: .genaiPrices)
    // o3's 2025-06-10 price is in force: the older one is history, not a change.
    #expect(models["o3"]?.inference?.input == dec("2"))
    #expect(models["o3"]?.inference?.batchInput == dec("1"))
    let flash = try #require(models["gemini-3.8-flash"])
    #expect(flash.inference?.input == dec("0.75"))
    #expect(flash.inference?.batchInput == dec("0.375"))
    let change = try #require(flash.priceChanges.first)
    #expect(change.effectiveFrom.description == "2027-01-01")
    #expect(flash.pricing(on: change.effectiveFrom).inference?.input == dec("1.5"))
    #expect(flash.pricing(on: change.effectiveFrom).inference?.batchInput == dec("0.75"))
    let sol = try #require(models["gpt-5.6-sol"])
    #expect(sol.inference?.input == dec("4"))
    #expect(sol.inference?.tiers.first?.output == dec("30"))
  }

  @Test func namesFromMatchClausesFindTheBuiltInModel() throws {
    let (_, models) = try importedModels("genai-prices-sample.json", format: .genaiPrices)
    #expect(models["gpt-4o-mini-2024-07-18"]?.fineTuning?.inference?.batchInput == dec("0.15"))
    #expect(models["azure-o4-mini-2025-04-16"]?.inference?.input == dec("1.1"))
    #expect(models["text-embedding-3-small"]?.embedding?.input == dec("0.02"))
    let preview = try #require(models["gpt-5.7-preview"])
    #expect(preview.aliases == ["gpt-5.7-preview-2026-11-20"])
  }

  @Test func whatCannotBeMappedIsListedWithTheReason() throws {
    let (imported, models) = try importedModels("genai-prices-sample.json", format: .genaiPrices)
    let reasons = Dictionary(imported.unmapped.map { ($0.key, $0.reason) }, uniquingKeysWith: { $0 + "; " + $1 })
    #expect(reasons["google/claude-haiku-4-5"]?.contains("not a Gemini or Gemma model") == true)
    #expect(reasons["google/gemini-2.0-flash"]?.contains("marked deprecated, with no date") == true)
    #expect(reasons["openai/whisper-1"]?.contains("no input_mtok and output_mtok") == true)
    #expect(reasons["azure/mai-ds-r1:free"] != nil)
    #expect(imported.otherProviders == ["deepseek": 1, "groq": 1])
    // The deprecated flag is not a date: the built-in retirement stays.
    #expect(models["gemini-2.0-flash"]?.deprecationDate?.description == "2026-06-01")
  }

  @Test func timeOfDayPricesAreNotExpressed() throws {
    var problems: [String] = []
    let node = try JSONParser.parse(
      """
      [{"prices": {"input_mtok": 0.27, "output_mtok": 1.1}},
       {"constraint": {"start_time": "16:30:00Z", "end_time": "00:30:00Z"}, "prices": {"input_mtok": 0.135, "output_mtok": 0.55}}]
      """)
    let prices = PriceSchedule(prices: node, variants: []).inference(on: testToday, problems: &problems)
    #expect(prices?.input == dec("0.27"))
    #expect(problems == ["time-of-day prices (peak and off-peak hours) not imported; the all-day price is used"])
  }

  @Test func idsThatArePatternsAreNotModels() {
    #expect(GenAIPricesReader.isModelID("gpt-4o:extended"))
    #expect(!GenAIPricesReader.isModelID("gpt-4o-mini-2024-07-18.ft-"))
    #expect(!GenAIPricesReader.isModelID("gpt-3.5-turbo-"))
  }
}

@Suite struct SourceNameTests {
  @Test(arguments: [
    ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"), ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
    ("gpt-3.5-turbo-0125", nil), ("gemini-2.5-pro", nil), ("o3-2025-04-16", "o3"),
  ])
  func snapshotDates(name: String, undated: String?) {
    #expect(SourceNames.undated(name) == undated)
  }

  @Test func azureAndVertexNames() throws {
    #expect(try LiteLLMReader.name("azure/gpt-5.1", provider: "azure-openai").get() == "azure-gpt-5.1")
    #expect(try LiteLLMReader.name("vertex_ai/gemini-2.0-flash", provider: "google-vertex").get() == "gemini-2.0-flash")
    #expect((try? LiteLLMReader.name("azure/us/gpt-5.1", provider: "azure-openai").get()) == nil)
  }
}
