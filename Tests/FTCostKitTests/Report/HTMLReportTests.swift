import Foundation
import Testing

@testable import FTCostKit

/// `ftcost report`'s page from the library side: self-contained, and holding what finance needs.
@Suite struct HTMLReportTests {
  func page(_ example: String) throws -> (ScenarioResult, String) {
    let result = try exampleResult(example)
    let report = ScenarioReport(result: result).fullReport(
      result.candidates, command: "ftcost report --scenario \(example) --out r.html", generatedOn: testToday)
    return (result, try report.rendered(as: .html))
  }

  @Test(arguments: exampleFiles)
  func loadsNothingFromTheNetwork(example: String) throws {
    let (_, html) = try page(example)
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    let lower = html.lowercased()
    for banned in ["<script", "<link", "@import", "url(", "<iframe", "<img", "<object", "<embed"] {
      #expect(!lower.contains(banned), "\(example) has \(banned)")
    }
    #expect(lower.firstMatch(of: #/\b(src|href|xlink:href|srcset|action)\s*=/#) == nil, "\(example)")
    #expect(lower.contains("<meta name=\"viewport\""))
    #expect(lower.contains("@media print"))
    #expect(lower.contains("@media (max-width: 640px)"))
  }

  @Test(arguments: exampleFiles)
  func holdsTheVerdictTablesChartsAndSources(example: String) throws {
    let (result, html) = try page(example)
    let report = ScenarioReport(result: result)
    #expect(html.contains("<p class=\"verdict\">\(HTMLRenderer.escape(report.verdict))</p>"))
    #expect(html.contains("<h3>Cash flow: ") || result.candidates.allSatisfy { $0.figures == nil })
    #expect(html.components(separatedBy: "<svg").count == 3, "both charts inline")
    #expect(html.contains("ftcost report --scenario \(example) --out r.html"))
    #expect(!result.priceAssumptions.isEmpty)
    for price in result.priceAssumptions {
      #expect(html.contains(HTMLRenderer.escape(price.source)), "\(price.model) \(price.field)")
      #expect(html.contains(price.asOf.description))
    }
    for warning in result.warnings { #expect(html.contains(HTMLRenderer.escape(warning))) }
    for event in report.events { #expect(html.contains(HTMLRenderer.escape(event.event.detail))) }
  }

  @Test func markupInNamesIsEscaped() throws {
    let text = scenarioText(candidates: #"{"name": "<b>x</b> & \"y\"", "strategy": "prompting", "model": "small"}"#)
    let result = try run(text)
    let html = try ScenarioReport(result: result).fullReport(result.candidates, command: "c", generatedOn: testToday)
      .rendered(as: .html)
    #expect(!html.contains("<b>x</b>"))
    #expect(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"))
  }
}
