import Foundation
import Testing

@testable import FTCostKit

/// `sensitivity` and `simulate` as users run them.
@Suite struct UncertaintyCommandTests {
  static let example = "examples/support-assistant-uncertain.json"
  static let tuned = "LoRA Qwen3-8B on Fireworks H100s"

  /// A scenario where only the volume is uncertain: the tornado's low end is exactly what
  /// `compare --set workload.requests_per_month=LOW` says.
  @Test func theLowEndIsCompareWithTheLowVolume() throws {
    let folder = try temporaryFolder()
    let text = try String(contentsOfFile: Self.example, encoding: .utf8)
    var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    object["uncertainty"] = ["workload.requests_per_month": ["low": 750_000, "high": 3_000_000]]
    let file = folder.appendingPathComponent("volume.json").path
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))
    let tornado = ftcost(["sensitivity", "--scenario", file, "--candidate", Self.tuned, "--format", "json"])
    #expect(tornado.code == 0, "\(tornado.stderr)")
    let bars = try #require(try parseJSON(tornado.stdout)["inputs"]?.arrayValue)
    #expect(bars.count == 1)
    let compared = ftcost([
      "compare", "--scenario", file, "--set", "workload.requests_per_month=750000", "--format", "json",
    ])
    let candidates = try #require(try parseJSON(compared.stdout)["candidates"]?.arrayValue)
    let figures = try #require(candidates.first { $0["name"]?.stringValue == Self.tuned })
    #expect(bars[0]["at_low"]?.numberText == figures["net_benefit"]?.numberText)
  }

  /// Ranges of zero width: no swing, and P10 = P50 = P90 = the compare figure.
  @Test func zeroWidthRangesChangeNothing() throws {
    let varies = [
      "workload.requests_per_month=2000000..2000000", "workload.monthly_growth=0.02..0.02",
      "candidates[2].examples=2000..2000", "candidates[1].success_rate=0.95..0.95",
      "candidates[3].success_rate=0.96..0.96", "prices.h100-80gb-fireworks.gpu_per_hour=5.8..5.8",
    ].flatMap { ["--vary", $0] }
    let tornado = ftcost(["sensitivity", "--scenario", Self.example, "--format", "json"] + varies)
    #expect(tornado.code == 0, "\(tornado.stderr)")
    let bars = try #require(try parseJSON(tornado.stdout)["inputs"]?.arrayValue)
    #expect(bars.count == 6 && bars.allSatisfy { $0["swing"]?.numberText == "0" })
    let simulated = ftcost(
      ["simulate", "--scenario", Self.example, "--samples", "20", "--format", "json"] + varies)
    #expect(simulated.code == 0, "\(simulated.stderr)")
    let compared = ftcost(["compare", "--scenario", Self.example, "--format", "json"])
    let figures = try #require(try parseJSON(compared.stdout)["candidates"]?.arrayValue)
    let spreads = try #require(try parseJSON(simulated.stdout)["candidates"]?.arrayValue)
    for (spread, candidate) in zip(spreads, figures) {
      for key in ["net_benefit", "npv", "payback_months"] {
        let expected = candidate[key]?.numberText ?? "null"
        for percentile in ["p10", "p50", "p90"] {
          #expect((spread[key]?[percentile]?.numberText ?? "null") == expected, "\(key) \(percentile)")
        }
      }
    }
  }

  @Test func aSeedRepeatsByteForByteAndAnotherChangesIt() {
    let run = { (seed: String) in
      ftcost(["simulate", "--scenario", Self.example, "--samples", "30", "--seed", seed, "--format", "json"]).stdout
    }
    let first = run("5")
    #expect(first.contains("\"probability_staying_is_best\""))
    #expect(first == run("5"))
    #expect(first != run("6"))
  }

  @Test func csvIsNumbersAndTheChartIsWritten() throws {
    let folder = try temporaryFolder()
    let chart = folder.appendingPathComponent("tornado.svg").path
    let csv = ftcost(["sensitivity", "--scenario", Self.example, "--format", "csv", "--chart", chart])
    #expect(csv.code == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\r\n").map(String.init)
    #expect(lines.first?.hasPrefix("input,base,low,high,distribution,net_benefit_at_low_usd") == true)
    #expect(lines.count == 7)
    let svg = try String(contentsOfFile: chart, encoding: .utf8)
    #expect(svg.hasPrefix("<svg") && svg.contains("workload.requests_per_month"))
    let again = ftcost(["sensitivity", "--scenario", Self.example, "--chart", chart])
    #expect(again.code == 1 && again.stderr.contains("--force"), "\(again.stderr)")
    let markdown = ftcost(["simulate", "--scenario", Self.example, "--samples", "10", "--format", "markdown"])
    #expect(markdown.code == 0 && markdown.stdout.contains("| candidate |"), "\(markdown.stdout)")
  }

  /// The HTML report of a scenario with uncertain inputs carries its tornado and simulation.
  @Test func theHTMLReportHasTheUncertainty() throws {
    let folder = try temporaryFolder()
    let page = folder.appendingPathComponent("report.html").path
    let result = ftcost(["report", "--scenario", Self.example, "--out", page])
    #expect(result.code == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(html.contains("Uncertainty: Few-shot GPT-6-luna"))
    #expect(html.contains("net benefit 0 at") && html.contains("net P50"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    let plain = ftcost(["report", "--scenario", "examples/support-assistant.json", "--out", page, "--force"])
    #expect(plain.code == 0)
    #expect(!(try String(contentsOfFile: page, encoding: .utf8)).contains("Uncertainty:"))
  }

  @Test func badInputsAreOneLineErrors() {
    let path = ftcost(["sensitivity", "--scenario", Self.example, "--vary", "workload.request_per_month=1..2"])
    #expect(path.code == 1)
    #expect(
      path.stderr.hasPrefix(
        "Error: --vary 'workload.request_per_month=1..2': --set path 'workload.request_per_month' does not exist in the scenario. Did you mean"
      ), "\(path.stderr)")
    let none = ftcost(["simulate", "--scenario", "examples/support-assistant.json"])
    #expect(none.code == 1 && none.stderr.contains("has no uncertain inputs"), "\(none.stderr)")
    let metric = ftcost(["sensitivity", "--scenario", Self.example, "--metric", "roi"])
    #expect(metric.code == 64, "\(metric.stderr)")
    let samples = ftcost(["simulate", "--scenario", Self.example, "--samples", "0"])
    #expect(samples.code == 64, "\(samples.stderr)")
  }
}
