import Foundation
import Testing

@testable import FTCostKit

/// The SVG charts: legends inside the drawing, round axes, dates, payback and events.
@Suite struct ChartTests {
  /// One `<text>` element: where it starts, how it is anchored, its size and its words.
  struct Label {
    var x: Double
    var anchor: String
    var size: Double
    var bold: Bool
    var text: String
  }

  static func labels(_ svg: String) -> [Label] {
    svg.matches(of: #/<text ([^>]*)>([^<]*)</text>/#).compactMap { match in
      let attributes = " " + String(match.output.1)
      func attribute(_ name: String) -> String? {
        attributes.components(separatedBy: " \(name)=\"").dropFirst().first?.components(separatedBy: "\"").first
      }
      guard let x = attribute("x").flatMap(Double.init) else { return nil }
      let text = String(match.output.2).replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
      return Label(
        x: x, anchor: attribute("text-anchor") ?? "start", size: attribute("font-size").flatMap(Double.init) ?? 12,
        bold: attribute("font-weight") == "bold", text: text)
    }
  }

  static func width(_ svg: String) throws -> Double {
    let match = try #require(svg.firstMatch(of: #/<svg [^>]*width="([0-9.]+)"/#))
    return try #require(Double(String(match.output.1)))
  }

  static let longName = "Fine-tuned small model with a long name 40"  // 42 characters

  func longNameResult() throws -> ScenarioResult {
    #expect(Self.longName.count >= 40)
    let text = scenarioText(
      candidates: #"""
        {"name": "\#(Self.longName)", "strategy": "fine-tuning", "model": "small", "examples": 1000, "tokens_per_example": 500},
        {"name": "Prompting the same small model, cheaper!!", "strategy": "prompting", "model": "small"},
        {"name": "Prompting the big model with a long name", "strategy": "prompting", "model": "big", "setup_cost": 1000}
        """#, extra: #""start_date": "2027-01-01","#)
    return try run(text)
  }

  /// Every left-anchored label (legend, title) ends inside the drawing, measured as the layout
  /// measures text; the legend carries the whole 40-character name.
  @Test func legendTextStaysInsideTheViewport() throws {
    let result = try longNameResult()
    for svg in [CumulativeCostChart(result: result).svg(), ComponentCostChart(result: result).svg()] {
      let width = try Self.width(svg)
      let labels = Self.labels(svg)
      let legend = labels.filter { $0.anchor == "start" }
      #expect(legend.contains { $0.text.contains(Self.longName) })
      for label in legend {
        let right = label.x + ChartText.width(label.text, size: label.size, bold: label.bold)
        #expect(label.x >= 0 && right <= width, "'\(label.text)' ends at \(right) of \(width)")
      }
      for label in labels where label.anchor == "middle" {
        let half = ChartText.width(label.text, size: label.size) / 2
        #expect(label.x - half >= 0 && label.x + half <= width, "'\(label.text)'")
      }
    }
  }

  @Test func aNarrowChartWrapsItsLegend() throws {
    var chart = CumulativeCostChart(result: try longNameResult())
    chart.width = 320
    let svg = chart.svg()
    for label in Self.labels(svg) where label.anchor == "start" {
      #expect(label.x + ChartText.width(label.text, size: label.size, bold: label.bold) <= 320, "\(label.text)")
    }
  }

  @Test(arguments: [
    (dec("20578.44"), dec("25000"), dec("5000")),
    (dec("19.5"), dec("20"), dec("5")),
    (dec("1234"), dec("1500"), dec("500")),
    (dec("100"), dec("100"), dec("20")),
    (dec("0.37"), dec("0.4"), dec("0.1")),
    (dec("0"), dec("1"), dec("0.2")),
  ])
  func theYAxisStepsInOnesTwosAndFives(maximum: Decimal, top: Decimal, step: Decimal) {
    let scale = ChartAxes.yScale(maximum: maximum)
    #expect(scale.top == top)
    #expect(scale.step == step)
  }

  @Test func axisLabelsAreWholeDollarsAndDates() throws {
    let result = try longNameResult()
    let svg = CumulativeCostChart(result: result).svg()
    let yLabels = Self.labels(svg).filter { $0.anchor == "end" }.map(\.text)
    #expect(!yLabels.isEmpty)
    #expect(yLabels.allSatisfy { $0.hasPrefix("$") && !$0.contains(".") }, "\(yLabels)")
    let xLabels = Self.labels(svg).filter { $0.anchor == "middle" }.map(\.text)
    #expect(xLabels.contains("2027-01"))
    #expect(xLabels.contains("month starting"))
  }

  @Test func neverPayingBackIsSaidAndEventsAreMarked() throws {
    let result = try exampleResult("support-assistant.json")
    let svg = CumulativeCostChart(result: result).svg()
    let text = Self.labels(svg).map(\.text).joined(separator: "\n")
    #expect(text.contains("never pays back"))
    #expect(text.contains("fallback"))
    #expect(svg.contains("stroke-dasharray=\"4 3\""), "a dashed event line")
    // Payback is a legend line and a point, never a label drawn over the lines.
    let pays = try longNameResult()
    let paysText = Self.labels(CumulativeCostChart(result: pays).svg()).filter { $0.text.contains("pays back in") }
    #expect(!paysText.isEmpty)
    #expect(paysText.allSatisfy { $0.x < 100 }, "payback is told in the legend")
  }
}
