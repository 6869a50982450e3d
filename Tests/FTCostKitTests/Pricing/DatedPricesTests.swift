import Foundation
import Testing

@testable import FTCostKit

@Suite struct PriceChangeTests {
  let model = #"""
    {"id": "m", "inference": {"input": 1, "cached_input": 0.5, "output": 2, "batch_input": 0.5, "batch_output": 1},
     "x-unconfirmed": ["inference.batch_input"],
     "price_changes": [
       {"effective_from": "2027-01-01", "inference": {"input": 1.5, "batch_input": 0.75}, "source": "a"},
       {"effective_from": "2027-06-01", "inference": {"output": 3}, "source": "b", "x-unconfirmed": true}
     ]}
    """#

  func parsed(_ text: String) throws -> ModelPricing {
    let result = PricingTable.parse(
      file: "t.json", bytes: Array(tableText(model: text).utf8), isBuiltIn: true, today: testToday)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.table?.models.first)
  }

  /// Each change replaces only the fields it lists, from its date on, on top of the earlier ones.
  @Test func changesApplyFromTheirDateLeafByLeaf() throws {
    let model = try parsed(model)
    let before = model.pricing(on: try #require(ISODate("2026-12-31")))
    #expect(before.inference?.input == 1)
    let january = model.pricing(on: try #require(ISODate("2027-01-01")))
    #expect(january.inference?.input == dec("1.5"))
    #expect(january.inference?.output == 2)
    #expect(january.inference?.cachedInput == dec("0.5"))
    let june = model.pricing(on: try #require(ISODate("2027-06-01")))
    #expect(june.inference?.input == dec("1.5"))
    #expect(june.inference?.output == 3)
    #expect(
      model.priceChanges.map(\.changedPaths) == [["inference.input", "inference.batch_input"], ["inference.output"]])
  }

  /// A change with a confirmed source confirms the field it sets; one marked unconfirmed marks it.
  @Test func unconfirmedMarksFollowTheChanges() throws {
    let model = try parsed(model)
    #expect(model.isUnconfirmed("inference.batch_input"))
    #expect(!model.pricing(on: try #require(ISODate("2027-01-01"))).isUnconfirmed("inference.batch_input"))
    #expect(model.pricing(on: try #require(ISODate("2027-06-01"))).isUnconfirmed("inference.output"))
    #expect(!model.pricing(on: try #require(ISODate("2027-06-01"))).isUnconfirmed("inference.input"))
  }

  @Test(
    arguments: [
      (
        #"[{"effective_from": "2027-02-01", "inference": {"input": 2}}, {"effective_from": "2027-01-01", "inference": {"input": 3}}]"#,
        "price changes must be in ascending order of effective_from (2027-01-01 follows 2027-02-01)"
      ),
      (#"[{"effective_from": "2027-13-01", "inference": {"input": 2}}]"#, "expected a date written YYYY-MM-DD"),
      (#"[{"inference": {"input": 2}}]"#, "missing required field \"effective_from\""),
      (#"[{"effective_from": "2027-01-01"}]"#, "a price change must set at least one of"),
      (#"[{"effective_from": "2027-01-01", "deprecation_date": "2027-02-01"}]"#, "unknown key \"deprecation_date\""),
      (
        #"[{"effective_from": "2027-01-01", "fine_tuning": {"deprecation_date": "2027-02-01"}}]"#,
        "unknown key \"deprecation_date\""
      ),
      (#"[{"effective_from": "2027-01-01", "inference": {"input": -1}}]"#, "must not be negative"),
      (#"[{"effective_from": "2027-01-01", "inference": {"input": 0.00000015}}]"#, "looks like a unit mistake"),
      (#"{"effective_from": "2027-01-01"}"#, "expected an array of price changes, found an object"),
    ])
  func badChangesAreClearErrors(changes: String, message: String) {
    let text = tableText(model: #"{"id": "m", "inference": {"input": 1, "output": 2}, "price_changes": \#(changes)}"#)
    let problems = pricingProblems(text)
    #expect(
      problems.contains { $0.message.contains(message) && $0.path.hasPrefix("models[0].price_changes") }, "\(problems)")
    #expect(problems.allSatisfy { $0.location != nil })
  }

  @Test func successorCannotBeTheModelItself() {
    let problems = pricingProblems(
      tableText(model: #"{"id": "m", "successor": "m", "inference": {"input": 1, "output": 2}}"#))
    #expect(problems.map(\.path) == ["models[0].successor"])
  }

  /// Gemini 3.8 Flash doubles its price on 2027-01-01 (the issue's example).
  @Test func shippedGeminiPriceChange() throws {
    let flash = try shippedCatalog().model(named: "gemini-3.8-flash")
    let after = flash.pricing(on: try #require(ISODate("2027-01-01")))
    #expect(after.inference?.input == dec("1.5"))
    #expect(after.inference?.cachedInput == dec("0.15"))
    #expect(after.inference?.output == dec("7.5"))
    #expect(flash.pricing(on: try #require(ISODate("2026-12-31"))).inference?.input == dec("0.75"))
  }

  /// Every successor the built-in tables name is a model they hold.
  @Test func shippedSuccessorsResolve() throws {
    let catalog = try shippedCatalog()
    for model in catalog.models {
      guard let successor = model.successor else { continue }
      #expect(throws: Never.self, "\(model.id) -> \(successor)") { try catalog.model(named: successor) }
    }
  }
}

@Suite struct OverlayMergeTests {
  func catalog(_ overlay: String) throws -> PricingCatalog {
    let folder = try temporaryFolder()
    try overlay.write(to: folder.appendingPathComponent("ours.json"), atomically: true, encoding: .utf8)
    return try PricingLoader.catalog(
      builtIn: repositoryRoot.appendingPathComponent("pricing").path, overlays: [folder.path], today: testToday)
  }

  /// An overlay that sets only gpt-4o-mini's input price keeps every other field of the built-in
  /// entry: its output price, its fine-tuning, its retirement dates, successor and source.
  @Test func anOverlayChangesOnlyTheFieldsItSets() throws {
    let catalog = try catalog(
      #"{"schema_version": 1, "provider": "openai", "currency": "USD", "as_of": "2026-11-20", "models": [{"id": "gpt-4o-mini", "inference": {"input": 0.12}}]}"#
    )
    let model = try catalog.model(named: "gpt-4o-mini")
    let builtIn = try shippedCatalog().model(named: "gpt-4o-mini")
    #expect(model.id == "gpt-4o-mini-2024-07-18")
    #expect(model.inference?.input == dec("0.12"))
    #expect(model.inference?.output == builtIn.inference?.output)
    #expect(model.inference?.cachedInput == builtIn.inference?.cachedInput)
    #expect(model.fineTuning == builtIn.fineTuning)
    #expect(model.deprecationDate == ISODate("2027-01-14"))
    #expect(model.successor == "gpt-6-luna")
    #expect(model.fineTuningNewJobsUntil == ISODate("2027-01-06"))
    #expect(model.source == builtIn.source)
    #expect(model.overlaidPaths == ["inference.input"])
    #expect(model.isOverlaid("inference.input"))
    #expect(!model.isOverlaid("inference.output"))
    #expect(model.origin.file.hasSuffix("ours.json"))
  }

  /// Lists replace whole: an overlay's `price_changes: []` drops the built-in changes.
  @Test func listsReplaceWhole() throws {
    let catalog = try catalog(
      #"{"schema_version": 1, "provider": "google-vertex", "currency": "USD", "as_of": "2026-11-20", "source": "deal", "models": [{"id": "gemini-3.8-flash", "price_changes": []}]}"#
    )
    let flash = try catalog.model(named: "gemini-3.8-flash")
    #expect(flash.priceChanges.isEmpty)
    #expect(flash.pricing(on: try #require(ISODate("2027-06-01"))).inference?.input == dec("0.75"))
  }

  /// A merged entry is validated as a whole, and a problem names the overlay file and its line.
  @Test func aBadOverlayValueNamesTheOverlayFile() throws {
    #expect {
      try catalog(
        #"{"schema_version": 1, "provider": "openai", "currency": "USD", "as_of": "2026-11-20", "models": [{"id": "gpt-4o-mini", "inference": {"input": "cheap"}}]}"#
      )
    } throws: { error in
      let text = String(describing: error)
      return text.contains("ours.json:1:") && text.contains("field 'models[0].inference.input'")
    }
  }
}
