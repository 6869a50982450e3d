import Foundation
import Testing

@testable import FTCostKit

@Suite struct ShippedTablesTests {
  @Test func everyShippedTableLoadsWithoutProblems() throws {
    let folder = repositoryRoot.appendingPathComponent("pricing").path
    let files = try PricingLoader.tableFiles(at: folder).map { ($0 as NSString).lastPathComponent }
    #expect(
      files == [
        "anthropic.json", "azure-openai.json", "google-vertex.json", "gpus.json", "open-models.json", "openai.json",
      ])
    let loaded = try PricingLoader.load(path: folder, isBuiltIn: true, today: testToday)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    #expect(loaded.tables.count == 6)
  }

  @Test(arguments: [
    "gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano",
    "o3", "o1", "gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro", "claude-haiku-4-5",
    "claude-sonnet-4-5", "claude-opus-4-1", "claude-opus-4-5", "text-embedding-3-small", "text-embedding-3-large",
    "gpt-6-astra", "gpt-6-sol", "gpt-6.1-terra", "gpt-6-luna", "gpt-5.5", "claude-opus-5", "claude-sonnet-5-5",
    "claude-haiku-5-5", "gemini-3.8-flash", "gemini-3.1-pro-preview", "azure-gpt-4o-mini", "fireworks-sft-up-to-16b",
    "h100-80gb",
  ])
  func coversTheModelsTeamsUse(name: String) throws {
    let catalog = try shippedCatalog()
    _ = try catalog.model(named: name)
  }

  @Test func module20FineTuningRows() throws {
    let catalog = try shippedCatalog()
    let mini = try catalog.model(named: "gpt-4o-mini")
    #expect(mini.inference?.input == dec("0.15"))
    #expect(mini.inference?.output == dec("0.60"))
    #expect(mini.fineTuning?.training == dec("3.00"))
    #expect(mini.fineTuning?.inference?.input == dec("0.30"))
    #expect(mini.fineTuning?.inference?.output == dec("1.20"))
    let big = try catalog.model(named: "gpt-4o")
    #expect(big.fineTuning?.training == dec("25.00"))
    #expect(big.fineTuning?.inference?.input == dec("3.75"))
    #expect(big.fineTuning?.inference?.output == dec("15.00"))
  }

  @Test func everyOpenAIModelInTheIssueHasBatchAndCachedPrices() throws {
    let catalog = try shippedCatalog()
    for name in [
      "gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini", "gpt-5", "gpt-5-mini",
      "gpt-5-nano", "o3", "o1",
    ] {
      let model = try catalog.model(named: name)
      #expect(model.inference?.cachedInput != nil, "\(name) cached")
      #expect(model.inference?.batchInput != nil && model.inference?.batchOutput != nil, "\(name) batch")
    }
  }

  @Test func anthropicSaysItHasNoFineTuningAPI() throws {
    let catalog = try shippedCatalog()
    let table = try #require(catalog.table(forProvider: "anthropic"))
    #expect(table.fineTuning?.api == false)
    #expect(table.models.allSatisfy { $0.fineTuning == nil })
  }

  @Test func unconfirmedValuesAreMarked() throws {
    let catalog = try shippedCatalog()
    #expect(try catalog.model(named: "gemini-2.5-flash").isUnconfirmed("fine_tuning.training"))
    #expect(try catalog.model(named: "azure-gpt-4o-mini").isUnconfirmed("fine_tuning.hosting_per_hour"))
    #expect(try !catalog.model(named: "gpt-4o-mini").isUnconfirmed("fine_tuning.training"))
    // LiteLLM 1.110.2 and genai-prices 0.2.3 agree on GPT-4o-mini's fine-tuned batch prices; GPT-4o's
    // come from one older copy of LiteLLM only.
    #expect(try !catalog.model(named: "gpt-4o-mini").isUnconfirmed("fine_tuning.inference.batch_input"))
    #expect(try catalog.model(named: "gpt-4o").isUnconfirmed("fine_tuning.inference.batch_input"))
  }

  /// Issue 11: the current generation on every provider, each with its source and as_of.
  @Test(arguments: [
    "azure-gpt-5", "azure-gpt-5.2", "azure-gpt-5.4", "azure-gpt-5.5", "azure-gpt-5.6-sol", "azure-gpt-5.6-terra",
    "azure-gpt-5.6-luna", "azure-gpt-6-sol", "azure-gpt-6-luna", "azure-gpt-6-astra", "azure-gpt-6.1-sol",
    "azure-gpt-6.1-terra", "gemini-4-argon", "gemini-4-hydrogen", "gemma-4-26b-a4b-it", "gpt-5.6", "gpt-5-pro",
    "gpt-5.2-pro", "gpt-5.4-pro", "gpt-5.5-pro", "claude-opus-4-8", "claude-fable-5", "claude-fable-5-1",
    "claude-fable-5-2", "claude-mythos-5", "claude-mythos-5-1", "claude-mythos-5-2", "gemini-3.1-flash-lite",
    "gemini-3.5-flash", "gemini-3.5-flash-lite",
  ])
  func theCurrentGenerationIsListed(name: String) throws {
    let model = try shippedCatalog().model(named: name)
    #expect(model.asOf == ISODate("2026-11-25"))
    #expect(model.source.contains("1.110.2") || model.source.contains("0.2.3"), "\(model.source)")
    #expect(model.inference != nil)
  }

  @Test func batchPricesTheRefreshAdded() throws {
    let catalog = try shippedCatalog()
    for (name, input, output) in [
      ("claude-sonnet-4-5", "1.5", "7.5"), ("claude-opus-4-5", "2.5", "12.5"), ("claude-opus-4-6", "2.5", "12.5"),
      ("azure-gpt-4o-mini", "0.075", "0.3"), ("azure-gpt-4o", "1.25", "5"), ("azure-gpt-5.6-sol", "2", "10"),
    ] {
      let inference = try catalog.model(named: name).inference
      #expect(inference?.batchInput == dec(input), "\(name)")
      #expect(inference?.batchOutput == dec(output), "\(name)")
    }
  }

  @Test func vertexPricesAreVertexsAndItsTunableModelsSayHowToPlanTuning() throws {
    let catalog = try shippedCatalog()
    let flash = try catalog.model(named: "gemini-2.0-flash")
    #expect([flash.inference?.input, flash.inference?.output] == [dec("0.15"), dec("0.60")])
    #expect(flash.note?.contains("the Gemini API price") == true)
    for name in ["gemini-3.1-flash-lite", "gemini-3.5-flash", "gemini-3.5-flash-lite"] {
      let model = try catalog.model(named: name)
      // "Or later" dates are not retirements; no source gives a tuning price.
      #expect(model.deprecationDate == nil)
      #expect(model.fineTuning == nil)
      #expect(model.note?.contains("add fine_tuning.training") == true)
    }
  }

  @Test func lifecycleDatesAreThere() throws {
    let catalog = try shippedCatalog()
    #expect(try catalog.model(named: "gpt-5").deprecationDate == ISODate("2026-12-11"))
    #expect(try catalog.model(named: "gpt-4o-mini").fineTuningNewJobsUntil == ISODate("2027-01-06"))
    #expect(try catalog.model(named: "gpt-4.1-nano").status(on: testToday) == "retired 2026-10-23")
    #expect(try catalog.model(named: "gpt-4o-mini").successor == "gpt-6-luna")
    #expect(try catalog.model(named: "gpt-4o-mini").stopsServing(fineTuned: true) == ISODate("2027-01-14"))
    #expect(try catalog.model(named: "gemini-2.5-pro").inference?.tiers.first?.aboveInputTokens == 200_000)
  }
}

@Suite struct PricingValidationTests {
  let good = #"{"id": "m1", "inference": {"input": 0.1, "output": 0.4}}"#

  @Test func aValidTableHasNoProblems() {
    #expect(pricingProblems(tableText(model: good)).isEmpty)
  }

  @Test func tenthIsReadExactly() throws {
    let table = try #require(
      PricingTable.parse(file: "t", bytes: Array(tableText(model: good).utf8), isBuiltIn: false, today: testToday).table
    )
    #expect(table.models[0].inference?.input == Decimal(string: "0.1"))
  }

  @Test func malformedJSONNamesLineAndColumn() {
    let problems = pricingProblems("{\n  \"provider\": \"x\",\n  \"models\": [,]\n}")
    #expect(problems.count == 1)
    #expect(problems[0].description.hasPrefix("t.json:3:14: malformed JSON"))
  }

  @Test func unknownKeySuggestsTheRightOne() {
    let problems = pricingProblems(tableText(model: #"{"id": "m1", "inference": {"input": 0.1, "ouput": 0.4}}"#))
    #expect(
      problems.contains {
        $0.description.contains("field 'models[0].inference.ouput': unknown key \"ouput\". Did you mean 'output'?")
      })
    #expect(problems.contains { $0.message.contains("missing required field \"output\"") })
  }

  @Test func userNotesUnderXKeysAreKept() {
    #expect(
      pricingProblems(
        tableText(model: #"{"id": "m1", "x-negotiated": "2026 deal", "inference": {"input": 0.1, "output": 0.4}}"#)
      ).isEmpty)
  }

  @Test(arguments: [
    (#"{"id": "m1", "inference": {"input": -0.1, "output": 0.4}}"#, "must not be negative"),
    (#"{"id": "m1", "inference": {"input": "0.1", "output": 0.4}}"#, "write it without quotes"),
    (#"{"id": "m1", "inference": {"input": 1e999, "output": 0.4}}"#, "too large or too small"),
    (#"{"id": "m1", "inference": {"input": 0.00000015, "output": 0.4}}"#, "looks like a unit mistake"),
    (#"{"id": "m1", "inference": {"input": 1500, "output": 0.4}}"#, "looks like a unit mistake"),
    (#"{"id": "m1", "tokenizer": "o200k", "inference": {"input": 0.1, "output": 0.4}}"#, "Did you mean 'o200k_base'?"),
    (#"{"id": "m1"}"#, "needs at least one of"),
    (
      #"{"id": "m1", "inference": {"input": 0.1, "output": 0.4, "tiers": [{"above_input_tokens": 5, "input": 1, "output": 1}, {"above_input_tokens": 4, "input": 1, "output": 1}]}}"#,
      "ascending order"
    ),
  ])
  func badPricesAreRefused(model: String, message: String) {
    let problems = pricingProblems(tableText(model: model))
    #expect(problems.contains { $0.message.contains(message) }, "\(problems)")
    #expect(problems.allSatisfy { $0.location != nil })
  }

  @Test func notANumberInAPriceIsAJSONError() {
    let problems = pricingProblems(tableText(model: #"{"id": "m1", "inference": {"input": NaN, "output": 0.4}}"#))
    #expect(problems.first?.message.contains("no NaN or infinity") == true)
  }

  @Test func unusualPricesPassWhenTheEntrySaysSo() {
    let model = #"{"id": "m1", "x-allow-unusual-price": true, "inference": {"input": 1500, "output": 0.4}}"#
    #expect(pricingProblems(tableText(model: model)).isEmpty)
  }

  @Test func currencyAndAsOfAreRequiredAndChecked() {
    let missing = pricingProblems(#"{"schema_version": 1, "provider": "p", "source": "s", "models": []}"#)
    #expect(missing.contains { $0.message == "missing required field \"currency\"" })
    #expect(missing.contains { $0.message == "missing required field \"as_of\"" })
    let badCurrency = pricingProblems(tableText(model: good, currency: "usd"))
    #expect(badCurrency.contains { $0.message.contains("not an ISO 4217 code") })
    let future = pricingProblems(tableText(model: good, asOf: "2026-11-27"))
    #expect(future.contains { $0.message.contains("is in the future") && $0.path == "as_of" })
  }

  @Test func unknownSchemaVersionIsRefused() {
    let text = tableText(model: good).replacingOccurrences(of: "\"schema_version\": 1", with: "\"schema_version\": 2")
    #expect(pricingProblems(text).contains { $0.message.contains("unknown schema version 2") })
  }

  @Test func duplicateIdsInOneFileNameBothLocations() {
    let text = """
      {"schema_version": 1, "provider": "p", "currency": "USD", "as_of": "2026-01-01", "source": "s",
       "models": [
         {"id": "m1", "inference": {"input": 0.1, "output": 0.4}},
         {"id": "m1", "inference": {"input": 0.2, "output": 0.4}}
       ]}
      """
    let problems = pricingProblems(text)
    #expect(problems.count == 1)
    #expect(
      problems[0].description
        == "t.json:4:11: field 'models[1].id': duplicate model id or alias \"m1\": also at t.json:3:11; ids and aliases must be unique"
    )
  }

  @Test func duplicateKeysAreCaughtOnTheRawText() {
    let problems = pricingProblems(
      tableText(model: #"{"id": "m1", "inference": {"input": 0.1, "input": 0.2, "output": 0.4}}"#))
    #expect(problems.contains { $0.message.hasPrefix("duplicate key \"input\"") })
  }

  @Test func duplicateIdsAcrossFilesOfOneFolder() throws {
    let folder = try temporaryFolder()
    for name in ["a.json", "b.json"] {
      try tableText(model: good).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let loaded = try PricingLoader.load(path: folder.path, isBuiltIn: false, today: testToday)
    #expect(throws: PricingError.self) {
      try PricingCatalog(builtIn: [], overlays: loaded.tables, today: testToday)
    }
    let problems = PricingCatalog.duplicateIDs(in: loaded.tables)
    #expect(problems.count == 1)
    #expect(problems[0].description.contains("b.json:4:12"))
    #expect(problems[0].description.contains("also defined at \(folder.path)/a.json:4:12"))
  }

  @Test func overlaysReplaceBuiltInIdsAndSayWhere() throws {
    let folder = try temporaryFolder()
    let overlay = tableText(model: #"{"id": "gpt-4o-mini", "inference": {"input": 0.1, "output": 0.5}}"#)
    try overlay.write(to: folder.appendingPathComponent("mine.json"), atomically: true, encoding: .utf8)
    let catalog = try PricingLoader.catalog(
      builtIn: repositoryRoot.appendingPathComponent("pricing").path, overlays: [folder.path], today: testToday)
    let model = try catalog.model(named: "gpt-4o-mini")
    #expect(model.inference?.input == dec("0.1"))
    #expect(model.origin.file.hasSuffix("mine.json"))
    #expect(model.origin.overrides?.hasSuffix("pricing/openai.json") == true)
    #expect(try catalog.model(named: "gpt-4o-mini-2024-07-18").inference?.input == dec("0.1"))
  }

  @Test func staleTablesWarn() throws {
    let table = try #require(
      PricingTable.parse(
        file: "old.json", bytes: Array(tableText(model: good, asOf: "2026-01-01").utf8), isBuiltIn: true,
        today: testToday
      ).table)
    let catalog = try PricingCatalog(builtIn: [table], overlays: [], today: testToday)
    #expect(
      catalog.warnings == [
        "warning: old.json: prices are as of 2026-01-01 (329 days old); prices change often, check the provider's page"
      ])
  }

  @Test func unknownModelsGetSuggestions() throws {
    let catalog = try shippedCatalog()
    #expect(throws: PricingError.unknownModel("gpt-4o-mni", suggestions: ["gpt-4o-mini"])) {
      try catalog.model(named: "gpt-4o-mni")
    }
  }

  @Test func missingOrEmptyFolders() throws {
    #expect(throws: PricingError.folderNotFound("/nonexistent/ftcost")) {
      try PricingLoader.tableFiles(at: "/nonexistent/ftcost")
    }
    let empty = try temporaryFolder()
    #expect(throws: PricingError.noTables(empty.path)) { try PricingLoader.tableFiles(at: empty.path) }
  }
}
