import FTCostKit
import Foundation
import Testing

/// An executable on PATH, or `nil`.
func executable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs `python3 -c script arguments…`, returning its exit code and output.
func python(_ script: String, _ arguments: [String]) throws -> RunResult {
  try runBinary(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
}

@Suite struct ReportCommandTests {
  let example = repositoryRoot.appendingPathComponent("examples").path

  @Test func writesOneSelfContainedPage() throws {
    let folder = try temporaryFolder().path
    let out = folder + "/report.html"
    let scenario = "\(example)/support-assistant.json"
    let result = ftcost(["report", "--scenario", scenario, "--out", out])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("wrote \(out): 12 months of Support assistant"))
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("<p class=\"verdict\">Verdict: "))
    #expect(html.contains("<h3>Cash flow: RAG GPT-4.1</h3>"))
    #expect(html.contains("<svg "))
    #expect(html.contains("<pre><code>ftcost report --scenario \(scenario) --out \(out)</code></pre>"))
    #expect(html.lowercased().firstMatch(of: #/\b(src|href)\s*=|url\(|@import|<link|<script/#) == nil)
    // Nothing but the page is left in the folder (written atomically, no temporaries).
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
    let again = ftcost(["report", "--scenario", scenario, "--out", out])
    #expect(again.code == 1)
    #expect(again.stderr == "Error: '\(out)' already exists; pass --force to overwrite it\n")
    #expect(ftcost(["report", "--scenario", scenario, "--out", out, "--force"]).code == 0)
  }

  @Test func neverOverwritesTheScenarioAndWantsAnHTMLName() throws {
    let folder = try temporaryFolder().path
    let scenario = folder + "/scenario.json"
    try FileManager.default.copyItem(atPath: "\(example)/module-20-distillation.json", toPath: scenario)
    let original = try Data(contentsOf: URL(fileURLWithPath: scenario))
    let refused = ftcost(["report", "--scenario", scenario, "--out", scenario, "--force"])
    #expect(refused.code == 1)
    #expect(refused.stderr.hasPrefix("Error: '\(scenario)' is an input of this run"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == original)
    let pdf = ftcost(["report", "--scenario", scenario, "--out", folder + "/r.pdf"])
    #expect(pdf.code == 1)
    #expect(
      pdf.stderr
        == "Error: '\(folder)/r.pdf' does not end in .html; ftcost writes an HTML page only, so give a file name ending in .html\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["scenario.json"])
  }

  /// `--chart x.png` would have written SVG into a .png file; it is one line and exit 1 instead.
  @Test func chartRefusesAnotherExtension() throws {
    let folder = try temporaryFolder().path
    for option in ["--chart", "--component-chart"] {
      let png = folder + "/chart.png"
      let result = ftcost(["roi", "--scenario", "\(example)/module-20-distillation.json", option, png])
      #expect(result.code == 1)
      #expect(result.stdout.isEmpty)
      #expect(
        result.stderr
          == "Error: '\(png)' does not end in .svg; ftcost writes SVG charts only, so give a file name ending in .svg\n"
      )
      #expect(!FileManager.default.fileExists(atPath: png))
    }
  }

  /// One cash-flow table per candidate: CSV asks which, and names them.
  @Test func cashFlowCSVOfSeveralCandidatesAsksForOne() {
    let result = ftcost([
      "roi", "--scenario", "\(example)/module-20-distillation-now.json", "--format", "csv", "--table", "cashflow",
    ])
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.contains(
        "\nError: The report has a 'cashflow' table for each of 'Distilled GPT-4o-mini', 'Gemini 3.8 Flash prompting' and 'GPT-6 Luna prompting', and this output holds one; pick one with '--candidate <name>'\n"
      ))
  }

  /// The built binary's cash-flow CSV read by Python's csv module: numbers only but for the header
  /// and the date, a month-0 row, and columns that add up to the JSON totals to the cent.
  @Test(.enabled(if: executable("python3") != nil, "python3 is not on PATH"))
  func cashFlowCSVParsesInPython() throws {
    let binary = try #require(builtBinary())
    let script = #"""
      import csv, io, json, re, sys
      from decimal import Decimal
      text, data, name = open(sys.argv[1], newline="").read(), json.load(open(sys.argv[2]), parse_float=Decimal), sys.argv[3]
      assert "\r\n" in text and "\n" not in text.replace("\r\n", ""), "RFC 4180 line ends"
      rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
      header, body = rows[0], rows[1:]
      assert all(re.fullmatch(r"[a-z0-9_]+", key) for key in header), header
      assert body[0][0] == "0" and body[0][header.index("requests")] == "0", body[0]
      assert [int(row[0]) for row in body] == list(range(data["horizon_months"] + 1))
      number = re.compile(r"-?[0-9]+(\.[0-9]+)?")
      for row in body:
          for key, cell in zip(header, row):
              if key == "date":
                  assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell), cell
              else:
                  assert number.fullmatch(cell), (key, cell)
      column = lambda key: [Decimal(row[header.index(key)]) for row in body]
      cents = lambda value: Decimal(value).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
      candidate = next(c for c in data["candidates"] if c["name"] == name)
      assert sum(column("candidate_cost_usd")) == cents(candidate["total_cost"]), "candidate total"
      assert sum(column("baseline_cost_usd")) == cents(data["baseline"]["total_cost"]), "baseline total"
      assert sum(column("discounted_savings_usd")) == cents(candidate["npv"]), "npv"
      assert abs(sum(column("savings_usd")) - Decimal(candidate["net_benefit"])) <= Decimal("0.01"), "net benefit"
      totals = {}
      for key, value in candidate["one_time_components"].items():
          totals[key] = totals.get(key, 0) + Decimal(value)
      for key, values in candidate["monthly_components"].items():
          totals[key] = totals.get(key, 0) + sum(Decimal(v) for v in values)
      parts = [key for key in header if key.endswith("_usd") and key[:-4] in totals]
      assert parts, header
      for key in parts:
          assert abs(sum(column(key)) - totals[key[:-4]]) < Decimal("0.01"), key
      assert data["discount_rate_annual"] is not None and "irr_monthly" in candidate["finance"]
      print("ok", len(body), "rows,", len(parts), "components")
      """#
    let folder = try temporaryFolder().path
    for (file, candidate) in [
      ("module-20-distillation.json", "Distilled GPT-4o-mini"), ("support-assistant.json", "RAG GPT-4.1"),
      ("self-hosted-qwen-vs-api.json", "LoRA Qwen3-8B on own H100s"),
      ("growing-workload-quarterly-retraining.json", nil),
    ] {
      let scenario = "\(example)/\(file)"
      var arguments = ["roi", "--scenario", scenario]
      if let candidate { arguments += ["--candidate", candidate] }
      let csv = try runBinary(binary, arguments + ["--format", "csv", "--table", "cashflow"])
      #expect(csv.code == 0, "\(file): \(csv.stderr)")
      let json = try runBinary(binary, arguments + ["--format", "json"])
      let name = try #require(try parseJSON(json.stdout)["candidates"]?.arrayValue?.first?["name"]?.stringValue)
      try csv.stdout.write(toFile: folder + "/c.csv", atomically: true, encoding: .utf8)
      try json.stdout.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
      let checked = try python(script, [folder + "/c.csv", folder + "/c.json", name])
      #expect(checked.code == 0, "\(file): \(checked.stderr)")
      #expect(checked.stdout.hasPrefix("ok "), "\(file)")
    }
  }

  /// The report and both charts render in headless Chromium to screenshots that are not blank.
  ///
  /// Runs `Tests/browser/render-check.py`; skipped, with the reason, when Chromium or python3 is
  /// missing.
  @Test(
    .enabled(if: executable("python3") != nil, "python3 is not on PATH"),
    .enabled(
      if: ["chromium", "chromium-browser", "google-chrome"].contains { executable($0) != nil },
      "Chromium is not installed (chromium, chromium-browser or google-chrome on PATH)"))
  func rendersInHeadlessChromium() throws {
    let binary = try #require(builtBinary())
    let script = repositoryRoot.appendingPathComponent("Tests/browser/render-check.py").path
    let result = try runBinary(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, binary.path])
    #expect(result.code == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("every screenshot has content"), "\(result.stdout)")
  }
}
