import FTCostKit
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

let example = repositoryRoot.appendingPathComponent("examples").path

@Suite struct CompareCommandTests {
  @Test func noArgumentsRunsModule20() throws {
    let result = ftcost(["compare"])
    #expect(result.code == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let baseline = try #require(lines.first { $0.hasPrefix("GPT-5 prompting (baseline)") })
    let candidate = try #require(lines.first { $0.hasPrefix("Distilled GPT-4o-mini") })
    #expect(baseline.contains("$125.00"))
    #expect(candidate.contains("$35.00"))
    #expect(candidate.contains("$30.00"))
    #expect(candidate.contains("0.37 months"))
    #expect(candidate.contains("3,157%"))
    #expect(
      result.stdout.contains(
        "Verdict: Distilled GPT-4o-mini pays back in 0.37 months and saves $1,105.00 net over 12 months (ROI 3,157%)."))
  }

  @Test func exampleFileGivesTheSameJSONAsTheBuiltIn() {
    let builtIn = ftcost(["compare", "--format", "json"])
    let file = ftcost(["compare", "--scenario", "\(example)/module-20-distillation.json", "--format", "json"])
    #expect(builtIn.code == 0 && file.code == 0)
    #expect(builtIn.stdout == file.stdout)
  }

  @Test func jsonFollowsTheContract() throws {
    let json = try parseJSON(
      ftcost(["compare", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--format", "json"]).stdout)
    #expect(json["horizon_months"]?.kind == .number("12"))
    #expect(json["currency"]?.stringValue == "USD")
    let baseline = try #require(json["baseline"])
    for key in ["name", "strategy", "model", "cost_per_request", "one_time_cost", "monthly_cost", "total_cost"] {
      #expect(baseline[key] != nil, "baseline.\(key)")
    }
    #expect(baseline["monthly_cost"]?.arrayValue?.count == 12)
    let candidate = try #require(json["candidates"]?.arrayValue?.first)
    for key in [
      "name", "strategy", "model", "cost_per_request", "cost_ratio", "one_time_cost", "training_cost", "monthly_cost",
      "total_cost", "net_benefit", "roi", "benefit_cost_ratio", "payback_months", "break_even_requests_per_month",
      "npv", "warnings", "status", "reason", "events", "effective_cost_per_request", "monthly_components",
    ] {
      #expect(candidate[key] != nil, "candidates[0].\(key)")
    }
    // The hosting fee means it never pays back at 20,000 requests a month: null, never NaN or negative.
    #expect(candidate["payback_months"]?.isNull == true)
    #expect(json["warnings"]?.arrayValue?.first?.stringValue?.hasPrefix("unconfirmed values used") == true)
    #expect(json["overrides"]?.members?.isEmpty == true)
    // Its fine-tuned model retires with the base on 2027-04-14 and the successor cannot be trained then.
    #expect(candidate["status"]?.stringValue == "falls_back")
    let kinds = candidate["events"]?.arrayValue?.compactMap { $0["kind"]?.stringValue }
    #expect(kinds == ["retirement", "fallback"])
  }

  @Test func azureHostingPaysBackOnlyAtHighVolume() throws {
    let low = try parseJSON(
      ftcost(["compare", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--format", "json"]).stdout)
    let high = try parseJSON(
      ftcost([
        "compare", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--set",
        "workload.requests_per_month=500000", "--format", "json",
      ]).stdout)
    #expect(low["candidates"]?.arrayValue?.first?["payback_months"]?.isNull == true)
    #expect(high["candidates"]?.arrayValue?.first?["payback_months"]?.isNull == false)
    #expect(high["overrides"]?["workload.requests_per_month"]?.stringValue == "500000")
  }

  @Test func overridesAreShown() {
    let result = ftcost(["compare", "--set", "workload.requests_per_month=50000", "--horizon", "24"])
    #expect(result.code == 0)
    #expect(result.stdout.contains("overridden: workload.requests_per_month=50000, horizon_months=24"))
    #expect(result.stdout.contains("total 24 mo"))
  }

  @Test func everyExampleRuns() throws {
    for name in try FileManager.default.contentsOfDirectory(atPath: example) where name.hasSuffix(".json") {
      let result = ftcost(["compare", "--scenario", "\(example)/\(name)"])
      #expect(result.code == 0, "\(name): \(result.stderr)")
      #expect(result.stdout.contains("Verdict: "))
    }
  }

  @Test(
    arguments: [
      (["compare", "--scenario", "/nonexistent.json"], 1, "Error: scenario file '/nonexistent.json' does not exist"),
      (
        ["compare", "--set", "workload.request_per_month=5"], 64,
        "Error: --set path 'workload.request_per_month' does not exist in the scenario. Did you mean 'requests_per_month'?"
      ),
      (
        ["compare", "--set", "nonsense"], 64,
        "Error: The value 'nonsense' is invalid for '--set <path=value>': expected path=value, e.g. workload.requests_per_month=50000"
      ),
      (["compare", "--horizon", "0"], 64, "Error: The value '0' is invalid for '--horizon <months>'"),
      (["compare", "--horizon", "601"], 64, "Error: The value '601' is invalid for '--horizon <months>'"),
      (
        ["compare", "--set", "candidates[0].strategy=distilation"], 1,
        "Error: built-in:module-20-distillation.json:20:19: field 'candidates[0].strategy': unknown strategy \"distilation\". Did you mean 'distillation'?"
      ),
      (["compare", "--set", "workload.monthly_growth=-2"], 1, "Error: built-in:module-20-distillation.json"),
      (
        ["compare", "--set", "candidates[0].model=gpt-5"], 1,
        "Error: built-in:module-20-distillation.json: candidates[0] (Distilled GPT-4o-mini): model 'gpt-5' cannot be fine-tuned"
      ),
      (
        ["compare", "--set", "candidates[0].teacher_batch=true", "--set", "candidates[0].teacher=fireworks-small"], 1,
        "Error: built-in:module-20-distillation.json: candidates[0] (Distilled GPT-4o-mini): model 'fireworks-sft-up-to-16b' has no inference prices"
      ),
      (
        ["roi", "--scenario", "\(example)/support-assistant.json", "--candidate", "RAG GPT4.1"], 64,
        "Error: The value 'RAG GPT4.1' is invalid for '--candidate <name>'. Did you mean 'RAG GPT-4.1'?"
      ),
    ] as [([String], Int32, String)])
  func badInputIsOneClearLine(arguments: [String], code: Int32, prefix: String) {
    let result = ftcost(arguments)
    #expect(result.code == code)
    #expect(result.stdout.isEmpty)
    let errors = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning:") }
    #expect(errors.first.map { $0.hasPrefix(prefix) } == true, "\(result.stderr)")
  }

  @Test func malformedScenarioNamesLineAndColumn() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("bad.json").path
    try "{\n  \"name\": \"x\",\n  \"workload\": {\"requests_per_month\": 1e999}\n}\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let result = ftcost(["compare", "--scenario", file])
    #expect(result.code == 1)
    #expect(
      result.stderr.hasPrefix(
        "Error: \(file):3:38: field 'workload.requests_per_month': '1e999' is too large or too small"))
  }
}

@Suite struct ROICommandTests {
  @Test func financeView() {
    let result = ftcost(["roi", "--scenario", "\(example)/module-20-distillation.json"])
    #expect(result.code == 0)
    for expected in [
      "$35.00", "$125.00", "$30.00", "$95.00", "$1,140.00", "$1,105.00", "0.37 months", "3,157%", "32.57",
      "271.43%", "total cost of ownership over 12 months",
    ] {
      #expect(result.stdout.contains(expected), "\(expected)")
    }
  }

  @Test func paybackDateWithStartDate() {
    let result = ftcost([
      "roi", "--scenario", "\(example)/module-20-distillation.json", "--set", "start_date=2025-11-01",
    ])
    #expect(result.stdout.contains("0.37 months\n"))
    #expect(result.stdout.contains("payback date                                         2025-11-12\n"))
  }

  /// `--monthly --format csv` is the cash-flow table: RFC 4180, plain numbers, month 0 first.
  @Test func monthlyIsCSVReady() {
    let result = ftcost(["roi", "--scenario", "\(example)/module-20-distillation.json", "--monthly", "--format", "csv"])
    let rows = result.stdout.components(separatedBy: "\r\n")
    #expect(rows.count == 15)
    #expect(rows.last == "")
    #expect(
      rows[0]
        == "month,date,requests,baseline_cost_usd,teacher_answers_usd,training_usd,tokens_usd,candidate_cost_usd,savings_usd,cumulative_savings_usd,discount_factor,discounted_savings_usd"
    )
    #expect(rows[1] == "0,2025-10-01,0,0.00,30.00,5.00,0.00,35.00,-35.00,-35.00,1,-35.00")
    #expect(rows[2] == "1,2025-10-01,100000,125.00,0.00,0.00,30.00,30.00,95.00,60.00,1,95.00")
    #expect(rows[13] == "12,2026-09-01,100000,125.00,0.00,0.00,30.00,30.00,95.00,1105.00,1,95.00")
    #expect(
      ftcost([
        "roi", "--scenario", "\(example)/module-20-distillation.json", "--monthly", "--format", "csv",
        "--table", "cashflow",
      ]).stdout == result.stdout)
  }

  @Test func oneCandidateJSONHasTheSameShape() throws {
    let json = try parseJSON(
      ftcost([
        "roi", "--scenario", "\(example)/support-assistant.json", "--candidate", "Fine-tuned GPT-4.1-mini", "--format",
        "json",
      ]).stdout)
    #expect(json["candidates"]?.arrayValue?.count == 1)
    #expect(json["candidates"]?.arrayValue?.first?["name"]?.stringValue == "Fine-tuned GPT-4.1-mini")
  }

  @Test func chartIsAValidStandaloneSVG() throws {
    let folder = try temporaryFolder()
    let chart = folder.appendingPathComponent("roi.svg").path
    let result = ftcost(["roi", "--scenario", "\(example)/module-20-distillation-now.json", "--chart", chart])
    #expect(result.code == 0)
    let data = try Data(contentsOf: URL(fileURLWithPath: chart))
    let parser = XMLParser(data: data)
    #expect(parser.parse(), "the SVG must be well-formed XML")
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(text.contains("cumulative cost (USD)"))
    #expect(text.contains(">month starting</text>"))
    #expect(text.contains("pays back in 1.51 months"))
    #expect(text.contains(">$5,000</text>"))
    #expect(!text.contains(".00</text>"), "whole-dollar axis labels")
    let missing = ftcost([
      "roi", "--scenario", "\(example)/support-assistant.json", "--chart", "/nonexistent/dir/c.svg",
    ])
    #expect(missing.code == 1)
    #expect(missing.stdout.isEmpty)
    #expect(missing.stderr.contains("Error: cannot write '/nonexistent/dir/c.svg': its folder does not exist"))
  }

  /// `--chart` replaces a file only with --force, and never the run's own scenario or pricing.
  @Test func chartRefusesToOverwriteAndNeverTouchesItsInputs() throws {
    let folder = try temporaryFolder().path
    let scenario = folder + "/scenario.json"
    try FileManager.default.copyItem(atPath: "\(example)/support-assistant.json", toPath: scenario)
    let original = try Data(contentsOf: URL(fileURLWithPath: scenario))
    let chart = folder + "/chart.svg"
    try "mine\n".write(toFile: chart, atomically: false, encoding: .utf8)
    let refused = ftcost(["roi", "--scenario", scenario, "--chart", chart])
    #expect(refused.code == 1)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr == "Error: '\(chart)' already exists; pass --force to overwrite it\n")
    #expect(try String(contentsOfFile: chart, encoding: .utf8) == "mine\n")
    #expect(ftcost(["roi", "--scenario", scenario, "--chart", chart, "--force"]).code == 0)
    #expect(try String(contentsOfFile: chart, encoding: .utf8).hasPrefix("<svg"))

    let link = folder + "/link.svg"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scenario)
    let table = repositoryRoot.appendingPathComponent("pricing/openai.json").path
    for target in [scenario, link, table] {
      let result = ftcost(["roi", "--scenario", scenario, "--chart", target, "--force"])
      #expect(result.code == 1, "\(target)")
      #expect(result.stderr.hasPrefix("Error: '\(target)' is an input of this run"), "\(result.stderr)")
      #expect(result.stderr.hasSuffix("; ftcost never overwrites its input, even with --force; choose another path\n"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: scenario)) == original)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
        "chart.svg", "link.svg", "scenario.json",
      ])
  }
}

@Suite struct BreakevenAndTrainTests {
  @Test func breakevenSweep() throws {
    let result = ftcost([
      "breakeven", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--sweep",
      "requests_per_month=1000..10000000", "--steps", "5",
    ])
    #expect(result.code == 0)
    #expect(result.stdout.contains("break-even at 256,223 requests/month (month 1) over 12 months"))
    #expect(result.stdout.contains("Fine-tuned GPT-4o-mini on Azure falls back to the baseline on 2027-04-14"))
    let lines = result.stdout.split(separator: "\n")
    let rows = lines.drop { !$0.hasPrefix("---") }.dropFirst()
    #expect(rows.count == 5)
    #expect(rows.first?.contains("never") == true)
    let json = try parseJSON(
      ftcost([
        "breakeven", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--steps", "3", "--sweep",
        "requests_per_month=1000..1000000", "--format", "json",
      ]).stdout)
    let volumes = json["sweep"]?.arrayValue?.compactMap { $0["requests_per_month"]?.kind }
    #expect(volumes == [.number("1000"), .number("31623"), .number("1000000")])
    #expect(json["sweep"]?.arrayValue?.first?["payback_months"]?.isNull == true)
  }

  @Test func badSweepIsAUsageError() {
    let result = ftcost([
      "breakeven", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--sweep", "requests=1..2",
    ])
    #expect(result.code == 64)
  }

  @Test func trainWithAutoEpochs() throws {
    let json = try parseJSON(
      ftcost(["train", "--model", "gpt-4o-mini", "--examples", "5", "--tokens-per-example", "1000", "--format", "json"])
        .stdout)
    #expect(json["epochs"]?.kind == .number("20"))
    #expect(json["billed_tokens"]?.kind == .number("100000"))
    #expect(json["cost"]?.kind == .number("0.3"))
    let capped = try parseJSON(
      ftcost([
        "train", "--model", "gpt-4o-mini", "--examples", "100", "--tokens-per-example", "70000", "--epochs", "1",
        "--format", "json",
      ]).stdout)
    #expect(capped["truncated_examples"]?.kind == .number("100"))
    #expect(capped["billed_tokens"]?.kind == .number("6553600"))
    let rft = try parseJSON(
      ftcost(["train", "--model", "o4-mini", "--hours", "2.5", "--as-of", "2026-09-01", "--format", "json"]).stdout)
    #expect(rft["cost"]?.kind == .number("250"))
  }

  @Test func trainRefusesWhatItCannotPrice() {
    #expect(ftcost(["train", "--model", "gpt-4o-mini"]).code == 64)
    #expect(
      ftcost(["train", "--model", "gpt-4o-mini", "--examples", "10"]).stderr.hasPrefix(
        "Error: Missing expected argument '--tokens-per-example <n>'"))
    #expect(
      ftcost(["train", "--model", "gpt-4o-mini", "--examples", "10", "--tokens-per-example", "5", "--epochs", "0"]).code
        == 64)
    let empty = ftcost(["train", "--model", "gpt-4o-mini", "--examples", "0", "--tokens-per-example", "5"])
    #expect(empty.code == 1)
    #expect(empty.stderr.hasPrefix("Error: the dataset has no examples"))
    let claude = ftcost(["train", "--model", "claude-sonnet-4-5", "--training-tokens", "1000", "--epochs", "1"])
    #expect(claude.code == 1)
    #expect(claude.stderr.contains("cannot be fine-tuned"))
  }
}
