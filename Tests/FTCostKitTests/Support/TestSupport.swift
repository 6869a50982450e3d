import Foundation
import Testing

@testable import FTCostKit

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixed "today" so date rules never depend on when the tests run.
let testToday = ISODate(daysSinceEpoch: 20_783)  // 2026-11-26

/// An exact decimal from its text, for expectations.
func dec(_ text: String) -> Decimal {
  guard let value = try? DecimalParser.parse(text) else {
    Issue.record("bad decimal literal in a test: \(text)")
    return 0
  }
  return value
}

/// The shipped pricing tables as one catalog.
func shippedCatalog() throws -> PricingCatalog {
  try PricingLoader.catalog(
    builtIn: repositoryRoot.appendingPathComponent("pricing").path, overlays: [], today: testToday)
}

/// Parses a pricing table from text, returning its problems.
func pricingProblems(_ text: String, file: String = "t.json", today: ISODate = testToday) -> [Diagnostic] {
  PricingTable.parse(file: file, bytes: Array(text.utf8), isBuiltIn: false, today: today).diagnostics
}

/// A minimal valid table with one model whose JSON is `model`.
func tableText(model: String, currency: String = "USD", asOf: String = "2026-01-01") -> String {
  """
  {
    "schema_version": 1, "provider": "acme", "currency": "\(currency)", "as_of": "\(asOf)", "source": "test",
    "models": [
      \(model)
    ]
  }
  """
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("ftcost-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
