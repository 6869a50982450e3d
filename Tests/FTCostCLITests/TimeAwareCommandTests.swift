import FTCostKit
import Foundation
import Testing

/// What users see from the time-aware engine, under golden files, and the issue's acceptance checks
/// run end to end.
@Suite struct GoldenOutputTests {
  static let examples = [
    "module-20-distillation", "module-20-distillation-now", "support-assistant", "azure-hosted-fine-tune",
    "growing-workload-quarterly-retraining", "self-hosted-qwen-vs-api",
  ]

  @Test(arguments: examples)
  func compareInEveryFormat(example name: String) throws {
    for format in ["table", "markdown", "csv", "json"] {
      let result = ftcost(["compare", "--scenario", "\(example)/\(name).json", "--format", format])
      #expect(result.code == 0, "\(result.stderr)")
      try expectGolden(
        result.stdout, "compare-\(name).\(format == "table" ? "txt" : format == "markdown" ? "md" : format)")
    }
  }

  @Test func roiViews() throws {
    let file = "\(example)/module-20-distillation-now.json"
    try expectGolden(ftcost(["roi", "--scenario", file]).stdout, "roi-module-20-distillation-now.txt")
    try expectGolden(
      ftcost(["roi", "--scenario", file, "--monthly", "--format", "csv"]).stdout,
      "roi-monthly-module-20-distillation-now.csv")
  }

  @Test func pricingShowListsDatedChanges() throws {
    let result = ftcost(["pricing", "show", "gemini-3.8-flash"])
    #expect(result.code == 0)
    try expectGolden(result.stdout, "pricing-show-gemini-3.8-flash.txt")
  }
}

@Suite struct TimeAwareAcceptanceTests {
  /// A scenario whose only candidate is a fine-tuned gpt-4.1-nano, run on 2026-11-26 by the binary.
  @Test func aRetiredFineTuneIsInfeasibleAndNeverTheVerdict() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("nano.json").path
    try """
    {"name": "nano", "workload": {"requests_per_month": 100000, "user_tokens": 1000, "output_tokens": 100},
     "baseline": {"name": "GPT-4.1 prompting", "strategy": "prompting", "model": "gpt-4.1"},
     "candidates": [{"name": "Fine-tuned nano", "strategy": "fine-tuning", "model": "gpt-4.1-nano", "examples": 1000, "tokens_per_example": 500}]}
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let binary = try releaseOrFreshBinary()
    let json = try runBinary(
      binary, ["compare", "--scenario", file, "--format", "json"], environment: ["FTCOST_TODAY": "2026-11-26"])
    #expect(json.code == 0, "\(json.stderr)")
    let candidate = try #require(try parseJSON(json.stdout)["candidates"]?.arrayValue?.first)
    #expect(candidate["status"]?.stringValue == "infeasible")
    #expect(candidate["reason"]?.stringValue?.contains("2026-10-23") == true)
    #expect(candidate["roi"]?.isNull == true)
    #expect(candidate["net_benefit"]?.isNull == true)
    let table = try runBinary(binary, ["compare", "--scenario", file], environment: ["FTCOST_TODAY": "2026-11-26"])
    #expect(table.stdout.contains("Verdict: stay with GPT-4.1 prompting"))
    #expect(
      table.stdout.contains("Fine-tuned nano cannot run: fine-tuned gpt-4.1-nano-2025-04-14 retired on 2026-10-23."))
  }

  /// Module 20.4 at its own time reproduces the module; started on 2026-12-01 it falls back.
  @Test func module20ThenAndNow() throws {
    let then = try parseJSON(ftcost(["compare", "--format", "json"]).stdout)
    let baseline = try #require(then["baseline"])
    #expect(baseline["monthly_cost"]?.arrayValue?.first?.kind == .number("125"))
    let candidate = try #require(then["candidates"]?.arrayValue?.first)
    #expect(candidate["monthly_cost"]?.arrayValue?.first?.kind == .number("30"))
    #expect(candidate["status"]?.stringValue == "feasible")
    let text = ftcost(["compare"]).stdout
    #expect(text.contains("$35.00") && text.contains("3,157%") && text.contains("0.37 months"))

    let now = try parseJSON(ftcost(["compare", "--set", "start_date=2026-12-01", "--format", "json"]).stdout)
    let distilled = try #require(now["candidates"]?.arrayValue?.first)
    #expect(distilled["status"]?.stringValue == "falls_back")
    let events = distilled["events"]?.arrayValue ?? []
    #expect(events.map { $0["kind"]?.stringValue } == ["retirement", "fallback"])
    #expect(events.allSatisfy { $0["date"]?.stringValue == "2027-01-14" })
    // From 2027-01-14 the candidate costs what the baseline costs: no savings after month 2.
    let savings = distilled["monthly_savings"]?.arrayValue?.compactMap { $0.kind } ?? []
    #expect(savings.count == 12)
    #expect(savings.dropFirst(2).allSatisfy { $0 == .number("0") })
  }

  /// The README's overlay recipe with only gpt-4o-mini's input price: the retirement dates, events
  /// and warnings stay, and the outputs name the overlay file.
  @Test func anOverlayKeepsLifecycleAndIsNamed() throws {
    let folder = try temporaryFolder()
    try """
    {"schema_version": 1, "provider": "openai", "currency": "USD", "as_of": "2026-11-20", "source": "our contract",
     "models": [{"id": "gpt-4o-mini", "fine_tuning": {"inference": {"input": 0.25}}}]}
    """.write(to: folder.appendingPathComponent("deal.json"), atomically: true, encoding: .utf8)
    let file = "\(example)/module-20-distillation-now.json"
    let plain = ftcost(["compare", "--scenario", file, "--format", "json"])
    let overlaid = ftcost(["compare", "--scenario", file, "--format", "json", "--pricing", folder.path])
    #expect(overlaid.code == 0, "\(overlaid.stderr)")
    let json = try parseJSON(overlaid.stdout)
    let distilled = try #require(json["candidates"]?.arrayValue?.first)
    #expect(distilled["status"]?.stringValue == "falls_back")
    #expect(distilled["cost_per_request"]?.kind == .number("0.00025"))
    let named = json["pricing_overlay_values"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(named.contains { $0.contains("fine_tuning.inference.input") && $0.contains("deal.json") })
    #expect(overlaid.stderr == plain.stderr)
    let table = ftcost(["compare", "--scenario", file, "--pricing", folder.path]).stdout
    #expect(table.contains("Prices from your pricing overlay: gpt-4o-mini-2024-07-18: fine_tuning.inference.input"))
    #expect(table.contains("2027-01-14 (month 2) Distilled GPT-4o-mini: fallback"))
    let prices = ftcost([
      "roi", "--scenario", file, "--candidate", "Distilled GPT-4o-mini", "--pricing", folder.path, "--format", "csv",
      "--table", "prices",
    ]).stdout
    #expect(prices.hasPrefix("plan,model,field,price,per,effective_from,as_of,source,unconfirmed,overlay\r\n"))
    #expect(prices.contains("Distilled GPT-4o-mini,gpt-4o-mini-2024-07-18,fine_tuning.inference.input,0.25,"))
    #expect(prices.contains("deal.json"))
    let roi = ftcost(["roi", "--scenario", file, "--candidate", "Distilled GPT-4o-mini", "--pricing", folder.path])
    #expect(
      roi.stdout.contains("Prices from your pricing overlay: gpt-4o-mini-2024-07-18: fine_tuning.inference.input"))
    let sweep = ftcost(["breakeven", "--scenario", file, "--steps", "2", "--pricing", folder.path])
    #expect(sweep.stdout.contains("deal.json"))
  }

  @Test func csvAndMarkdownCarryTheEvents() throws {
    let file = "\(example)/module-20-distillation-now.json"
    // CSV holds one table; the events are their own, picked with --table, and named on stderr.
    let compare = ftcost(["compare", "--scenario", file, "--format", "csv"])
    #expect(compare.stderr.contains("note: CSV holds one table (comparison); also available: events"))
    let csv = ftcost(["compare", "--scenario", file, "--format", "csv", "--table", "events"]).stdout
    #expect(csv.hasPrefix("date,month,plan,event,detail\r\n"))
    #expect(csv.contains("\r\n2027-01-01,2,Gemini 3.8 Flash prompting,price_change,"))
    let markdown = ftcost(["compare", "--scenario", file, "--format", "markdown"]).stdout
    #expect(markdown.contains("| 2027-01-14 | 2 | Distilled GPT-4o-mini | fallback |"))
  }

  @Test func costAndTrainTakeAnAsOfDate() throws {
    let before = try parseJSON(
      ftcost([
        "cost", "--model", "gemini-3.8-flash", "--input-tokens", "1000000", "--output-tokens", "0", "--format", "json",
      ]).stdout)
    #expect(before["total"]?.kind == .number("0.75"))
    let after = try parseJSON(
      ftcost([
        "cost", "--model", "gemini-3.8-flash", "--input-tokens", "1000000", "--output-tokens", "0", "--as-of",
        "2027-01-01", "--format", "json",
      ]).stdout)
    #expect(after["total"]?.kind == .number("1.5"))
    let bad = ftcost(["cost", "--model", "gpt-5", "--input-tokens", "1", "--output-tokens", "1", "--as-of", "2027-1-1"])
    #expect(bad.code == 64)
    #expect(bad.stderr.hasPrefix("Error: The value '2027-1-1' is invalid for '--as-of <date>'"))

    let closed = ftcost(["train", "--model", "gpt-4o-mini", "--training-tokens", "1000000", "--as-of", "2027-01-07"])
    #expect(closed.code == 1)
    #expect(closed.stdout.isEmpty)
    #expect(
      closed.stderr.hasPrefix(
        "Error: gpt-4o-mini-2024-07-18 cannot be fine-tuned on 2027-01-07: OpenAI fine-tuning of gpt-4o-mini-2024-07-18 took its last new jobs on 2027-01-06; no OpenAI model takes new fine-tuning jobs then"
      ))
    let retired = ftcost(["train", "--model", "gpt-4.1-nano", "--training-tokens", "1000000"])
    #expect(retired.code == 1)
    #expect(retired.stderr.contains("fine-tuned gpt-4.1-nano-2025-04-14 retired on 2026-10-23"))
    #expect(retired.stderr.contains("OpenAI models that still take fine-tuning jobs then: gpt-4o-mini-2024-07-18"))
    let tokensOnly = ftcost(["train", "--model", "gpt-4o-mini", "--training-tokens", "1000000", "--format", "json"])
    #expect(try parseJSON(tokensOnly.stdout)["epochs"]?.kind == .number("1"))
    #expect(tokensOnly.stderr.contains("no example count, so 1 epoch"))
  }

  @Test func aBaselineThatCannotRunIsExitOne() {
    let result = ftcost(["compare", "--set", "start_date=2027-03-01"])
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "Error: built-in:module-20-distillation.json: baseline (GPT-5 prompting): gpt-5 retired on 2026-12-11, before the scenario starts on 2027-03-01; the baseline cannot run: its successor is gpt-5.6-sol"
      ))
  }
}

/// The issue's crash and NaN reproducers: each ends with a clear message and a documented code.
@Suite struct HardeningReproducerTests {
  @Test(
    arguments: [
      ["compare", "--set", "workload.user_tokens=9223372036854775807"],
      ["compare", "--set", "workload.few_shot_tokens=9223372036854775807"],
      [
        "compare", "--scenario", "\(example)/support-assistant.json", "--set",
        "candidates[0].context_tokens=9223372036854775807",
      ],
      ["train", "--model", "gpt-4o-mini", "--examples", "9223372036854775807", "--tokens-per-example", "2"],
      ["train", "--model", "gpt-4o-mini", "--examples", "9223372036854775807", "--tokens-per-example", "1"],
      [
        "train", "--model", "gpt-4o-mini", "--examples", "100", "--tokens-per-example", "100", "--epochs",
        "10000000000000000",
      ],
      [
        "roi", "--scenario", "\(example)/module-20-distillation.json", "--set", "workload.monthly_growth=0.9", "--set",
        "horizon_months=600",
      ],
      ["compare", "--set", "discount_rate_annual=1e15"],
      ["compare", "--scenario", "\(example)/support-assistant.json", "--set", "candidates[0].vector_db_monthly=1e38"],
    ])
  func reproducerExitsCleanly(arguments: [String]) {
    let result = ftcost(arguments)
    #expect(result.code == 1 || result.code == 64, "\(result.code)")
    #expect(result.stdout.isEmpty)
    let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
    #expect(errors.count == 1, "\(result.stderr)")
    #expect(!result.stderr.contains("NaN"))
  }

  /// A chart of a scenario with huge but finite numbers is written, not a loop.
  @Test func aHugeChartIsWritten() throws {
    let chart = try temporaryFolder().appendingPathComponent("big.svg").path
    let result = ftcost([
      "roi", "--scenario", "\(example)/module-20-distillation.json", "--set", "workload.monthly_growth=0.5", "--set",
      "horizon_months=400", "--chart", chart,
    ])
    #expect(result.code == 0)
    #expect(!result.stdout.contains("NaN"))
    #expect(FileManager.default.fileExists(atPath: chart))
  }

  /// Control characters in a scenario's names are escaped; a CSV cell that would run as a formula
  /// is neutralised.
  @Test func untrustedTextIsEscaped() throws {
    let file = try temporaryFolder().appendingPathComponent("evil.json").path
    try #"""
    {"name": "\u001b]0;pwned\u0007Evil", "workload": {"requests_per_month": 1000, "user_tokens": 100, "output_tokens": 10},
     "baseline": {"name": "b\u001b[2J", "strategy": "prompting", "model": "gpt-6-luna"},
     "candidates": [{"name": "=cmd|calc", "strategy": "prompting", "model": "gpt-6-sol"}]}
    """#.write(toFile: file, atomically: true, encoding: .utf8)
    let table = ftcost(["compare", "--scenario", file])
    #expect(table.code == 0)
    #expect(!table.stdout.contains("\u{1B}]"))
    #expect(table.stdout.contains("\\x1B]0;pwned\\x07Evil"))
    let csv = ftcost(["compare", "--scenario", file, "--format", "csv"]).stdout
    #expect(csv.contains("\n'=cmd|calc,prompting"))
    let unknown = ftcost(["pricing", "show", "gpt\u{1B}[31m"])
    #expect(unknown.stderr.contains("gpt\\x1B[31m"))
  }
}

/// Self-hosting from the command line: GPU training next to the managed services, serving at two
/// utilisation caps, and the errors for what cannot be self-hosted.
@Suite struct SelfHostingCommandTests {
  @Test func trainOnGPUsPrintsHoursCostAndTheRatesSource() throws {
    let json = try parseJSON(
      ftcost([
        "train", "--model", "qwen3-8b", "--gpu", "h100-80gb", "--method", "lora", "--training-tokens", "100000000",
        "--format", "json",
      ]).stdout)
    let speed = try DecimalParser.parse(try #require(json["training_tokens_per_second"]?.numberText))
    let rate = try DecimalParser.parse(try #require(json["gpu_per_hour"]?.numberText))
    let hours = try DecimalParser.parse(try #require(json["gpu_hours"]?.numberText))
    // GPU-hours = 10^8 / (tokens/s · 3600) · 1 GPU; cost = GPU-hours · rate.
    #expect(hours == dec("100000000") / (speed * 3600))
    #expect(try DecimalParser.parse(try #require(json["cost"]?.numberText)) == hours * rate)
    #expect(json["gpu_price_source"]?.stringValue?.isEmpty == false)
    #expect((json["managed"]?.arrayValue?.count ?? 0) >= 1)
    let text = ftcost(["train", "--model", "qwen3-8b", "--gpu", "h100-80gb", "--training-tokens", "100000000"]).stdout
    #expect(text.contains("GPU price: "))
  }

  /// At a volume needing many replicas, a 0.1 cap costs about 6 times a 0.6 cap per request; below
  /// one replica's capacity the idle share shows.
  @Test func utilisationCapsScaleTheCost() throws {
    func perRequest(_ cap: String) throws -> Decimal {
      let json = try parseJSON(
        ftcost([
          "cost", "--model", "qwen3-8b", "--self-hosted", "--input-tokens", "1000", "--output-tokens", "200",
          "--requests", "2000000000", "--max-utilization", cap, "--format", "json",
        ]).stdout)
      return try DecimalParser.parse(try #require(json["cost_per_request"]?.numberText))
    }
    let ratio = try perRequest("0.1") / perRequest("0.6")
    #expect(ratio > dec("5.9") && ratio < dec("6.1"), "\(ratio)")
    let small = ftcost([
      "cost", "--model", "qwen3-8b", "--self-hosted", "--input-tokens", "1000", "--output-tokens", "200", "--requests",
      "100000",
    ])
    #expect(small.stdout.contains("idle share"))
    #expect(small.stdout.contains("replicas kept running                  1\n"))
  }

  @Test func selfHostingAnAPIModelIsAClearError() {
    let result = ftcost([
      "cost", "--model", "gpt-4o-mini", "--self-hosted", "--input-tokens", "1", "--output-tokens", "1",
    ])
    #expect(result.code == 1)
    #expect(result.stderr.hasPrefix("Error: model 'gpt-4o-mini-2024-07-18' cannot be self-hosted"))
  }

  @Test func validateNamesAMissingSelfHostingField() throws {
    let folder = try temporaryFolder()
    try """
    {"schema_version": 1, "provider": "mine", "currency": "USD", "as_of": "2026-11-20", "source": "test",
     "models": [{"id": "my-open", "self_hosting": {"gpu": "h100-80gb", "input_tokens_per_second": 1000}}]}
    """.write(to: folder.appendingPathComponent("mine.json"), atomically: true, encoding: .utf8)
    let result = ftcost(["pricing", "validate", folder.path])
    #expect(result.code == 1)
    #expect(result.stdout.contains("field 'models[0].self_hosting.output_tokens_per_second'"))
  }
}
