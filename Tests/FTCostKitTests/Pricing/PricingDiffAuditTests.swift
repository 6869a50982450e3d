import Foundation
import Testing

@testable import FTCostKit

/// An overlay table parsed onto the shipped tables.
func overlayTable(_ models: String, provider: String = "openai") throws -> (
  builtIn: [PricingTable], overlay: PricingTable
) {
  let builtIn = try shippedTables()
  let text = """
    {"schema_version": 1, "provider": "\(provider)", "currency": "USD", "as_of": "2026-11-20", "models": [\(models)]}
    """
  let (table, problems) = PricingTable.parse(
    file: "overlay.json", bytes: Array(text.utf8), isBuiltIn: false, today: testToday, base: builtIn)
  #expect(problems.isEmpty, "\(problems)")
  return (builtIn, try #require(table))
}

@Suite struct PricingDiffTests {
  @Test func aChangedPriceNamesTheModelAndBothValues() throws {
    let (builtIn, overlay) = try overlayTable(#"{"id": "gpt-4o-mini", "inference": {"input": 0.12}}"#)
    let diff = PricingDiff.comparing(builtIn: builtIn, overlays: [overlay], label: "o", today: testToday)
    #expect(
      diff.entries == [
        PricingDiff.Entry(
          model: "gpt-4o-mini-2024-07-18", provider: "openai", kind: .price, field: "inference.input",
          builtIn: .price(dec("0.15")), other: .price(dec("0.12")))
      ])
    #expect(diff.hasDifferences)
  }

  @Test func anOverlayThatSetsTheSameValuesIsEqual() throws {
    let (builtIn, overlay) = try overlayTable(#"{"id": "gpt-5", "inference": {"input": 1.25, "output": 10}}"#)
    let diff = PricingDiff.comparing(builtIn: builtIn, overlays: [overlay], label: "o", today: testToday)
    #expect(diff.entries.isEmpty)
    #expect(!diff.hasDifferences)
  }

  @Test func aRetirementOnOrBeforeTodayIsItsOwnKind() throws {
    let (builtIn, overlay) = try overlayTable(
      #"{"id": "gpt-6-luna", "deprecation_date": "2026-11-01"}, {"id": "gpt-5.2", "deprecation_date": "2027-06-01"}"#)
    let diff = PricingDiff.comparing(builtIn: builtIn, overlays: [overlay], label: "o", today: testToday)
    #expect(diff.entries.map(\.kind) == [.retired, .lifecycle])
    #expect(diff.entries.first?.other == ISODate("2026-11-01").map(PricingDiff.Value.date))
    #expect(
      try diff.report(otherHeading: "overlay").rendered(as: .table).contains("retired: one side retires the model"))
  }

  @Test func addedModelsAndModelsAPriceFileLacks() throws {
    let (builtIn, overlay) = try overlayTable(
      #"{"id": "gpt-9", "inference": {"input": 1, "output": 2}}, {"id": "gpt-5", "inference": {"input": 1.25}}"#)
    let diff = PricingDiff.comparing(
      builtIn: builtIn, overlays: [overlay], label: "f", today: testToday, listMissing: true)
    #expect(diff.entries.first?.kind == .added)
    #expect(diff.entries.first?.other == .text("input 1, output 2; current"))
    let missing = diff.entries.filter { $0.kind == .notInSource }
    #expect(missing.contains { $0.model == "gpt-4o-mini-2024-07-18" })
    #expect(!missing.contains { $0.model == "gpt-5" || $0.provider != "openai" })
    let json = try JSONParser.parse(diff.json.rendered())
    #expect(json["equal"]?.kind == .bool(false))
    #expect(json["not_in_other"]?.arrayValue?.count == missing.count)
  }
}

@Suite struct PricingAuditTests {
  @Test func theShippedTablesPassOnTheirNewestAsOf() throws {
    let catalog = try shippedCatalog()
    let day = try #require(catalog.tables.map(\.asOf).max())
    let audit = PricingAudit.audit(catalog, today: day)
    #expect(!audit.hasErrors, "\(audit.findings.filter { $0.severity == .error })")
    #expect(audit.findings.contains { $0.check == .retiresSoon && $0.subject == "gpt-5" })
  }

  @Test func anOverlayShowingARetiredModelAsCurrentFails() throws {
    let (builtIn, overlay) = try overlayTable(#"{"id": "gpt-4.1-nano", "deprecation_date": null}"#)
    let catalog = try PricingCatalog(builtIn: builtIn, overlays: [overlay], today: testToday)
    let audit = PricingAudit.audit(catalog, reference: builtIn.flatMap(\.models), today: testToday)
    #expect(audit.hasErrors)
    let finding = try #require(audit.findings.first)
    #expect(finding.check == .retiredListedCurrent)
    #expect(finding.subject == "gpt-4.1-nano-2025-04-14")
    #expect(finding.message.hasPrefix("retired on 2026-10-23 per "))
    #expect(finding.message.hasSuffix("but overlay.json lists it as current"))
  }

  @Test func aServingModelWithARetiredSuccessorFails() throws {
    let (builtIn, overlay) = try overlayTable(#"{"id": "gpt-5.2", "successor": "gpt-4.1-nano"}"#)
    let catalog = try PricingCatalog(builtIn: builtIn, overlays: [overlay], today: testToday)
    let audit = PricingAudit.audit(catalog, today: testToday)
    #expect(
      audit.findings.contains {
        $0.check == .retiredSuccessor && $0.subject == "gpt-5.2"
          && $0.message == "names gpt-4.1-nano-2025-04-14 as its successor, which retired on 2026-10-23"
      })
  }

  @Test func aPriceChangeAfterTheRetirementFails() throws {
    let (builtIn, overlay) = try overlayTable(
      #"{"id": "gpt-5", "price_changes": [{"effective_from": "2027-01-01", "inference": {"input": 2}, "source": "s"}]}"#
    )
    let catalog = try PricingCatalog(builtIn: builtIn, overlays: [overlay], today: testToday)
    let audit = PricingAudit.audit(catalog, today: testToday)
    #expect(
      audit.findings.contains {
        $0.check == .priceChangeAfterRetirement && $0.subject == "gpt-5"
          && $0.message == "has a price change on 2027-01-01, on or after it retires on 2026-12-11"
      })
  }

  @Test func warningsAndNotesDoNotFail() throws {
    let catalog = try shippedCatalog()
    let later = PricingAudit.audit(catalog, today: ISODate(year: 2027, month: 1, day: 10) ?? testToday)
    #expect(later.findings.contains { $0.check == .fineTuningClosed && $0.subject == "gpt-4o-mini-2024-07-18" })
    #expect(later.findings.contains { $0.check == .stale })
    #expect(later.findings.contains { $0.check == .unconfirmed })
    let text = try later.report.rendered(as: .table)
    #expect(text.hasSuffix("models on 2027-01-10\n"))
  }
}
