import FTCostKit
import Foundation
import Testing

/// The advisor with numbers: the scenario it builds, its formats, conflicts both ways, and the
/// thresholds it shares with `dataset inspect`.
@Suite struct AdviseMoneyTests {
  static let priced = [
    "problem=format", "few_shot_quality=unknown", "examples=2000", "provider=openai", "cost_critical=yes",
    "teacher_meets_quality=unknown", "requests_per_month=100000", "current_model=gpt-4.1", "prompt_tokens=1500",
    "output_tokens=300",
  ]

  func answers(_ list: [String]) -> [String] { list.flatMap { ["--answer", $0] } }

  /// End to end on the built binary: the emitted scenario gives `compare` the advice's numbers.
  @Test func emittedScenarioGivesCompareTheSameNumbers() throws {
    let binary = try #require(builtBinary())
    let file = try temporaryFolder().appendingPathComponent("advice.json").path
    let advice = try runBinary(binary, ["advise"] + answers(Self.priced) + ["--emit-scenario", file])
    #expect(advice.code == 0, "\(advice.stderr)")
    #expect(advice.stdout.hasPrefix("Recommendation: switch-model\n"))
    #expect(
      advice.stdout.contains(
        "Switch to gpt-6-luna against Stay on gpt-4.1-2025-04-14: one-time $0.00, $30.00 in month 1 (staying: $540.00), payback 0.00 months, break-even 0 requests a month"
      ), "\(advice.stdout)")
    #expect(advice.stdout.contains("Fine-tuned gpt-4o-mini-2024-07-18"))
    let json = try parseJSON(
      runBinary(binary, ["advise"] + answers(Self.priced) + ["--format", "json"]).stdout)
    let compare = try runBinary(binary, ["compare", "--scenario", file, "--format", "json"])
    #expect(compare.code == 0, "\(compare.stderr)")
    let compared = try parseJSON(compare.stdout)
    let mine = try #require(json["costs"]?["candidates"]?.arrayValue)
    let theirs = try #require(compared["candidates"]?.arrayValue)
    #expect(mine.count == theirs.count)
    for (a, b) in zip(mine, theirs) {
      for key in ["payback_months", "break_even_requests_per_month", "net_benefit", "one_time_cost"] {
        #expect(a[key]?.kind == b[key]?.kind, "\(key)")
      }
    }
    // The JSON carries the scenario used, as the file holds it.
    let written = try parseJSON(String(contentsOfFile: file, encoding: .utf8))
    #expect(json["scenario"]?["baseline"]?["model"]?.stringValue == written["baseline"]?["model"]?.stringValue)
    #expect(json["numbers"]?["recommended"]?.arrayValue?.first?["payback_months"]?.kind == .number("0"))
    // No overwrite without --force.
    let again = try runBinary(binary, ["advise"] + answers(Self.priced) + ["--emit-scenario", file])
    #expect(again.code == 1)
  }

  /// Interactive mode asks the money questions after the tree; return skips one.
  @Test func interactiveAsksTheMoneyQuestions() {
    let result = ftcost(["advise"], stdin: "1\n20000\ngpt-4.1\n\n\n\n\n\n")
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("[requests_per_month, return to skip] > "))
    #expect(result.stdout.contains("Recommendation: rag"))
    #expect(result.stdout.contains("The numbers (ftcost advise: rag against staying on gpt-4.1-2025-04-14"))
  }

  @Test func markdownIsADocumentWithATable() {
    let result = ftcost(["advise"] + answers(Self.priced) + ["--format", "markdown"])
    #expect(result.code == 0)
    #expect(result.stdout.hasPrefix("Recommendation: switch-model\n"))
    for heading in ["## Why", "## The numbers", "## Next steps"] { #expect(result.stdout.contains("\n\(heading)")) }
    #expect(result.stdout.contains("| strategy "))
    #expect(result.stdout.contains("| payback "))
    // Distinct from the terminal layout: sections and pipe tables, not indented text.
    #expect(result.stdout != ftcost(["advise"] + answers(Self.priced)).stdout)
  }

  /// After OpenAI's fine-tuning closes the advice is to stay with prompting; when the numbers'
  /// verdict is a cheaper model, the advice says so rather than parting from it silently.
  @Test func aSwitchTheNumbersFavourIsNamed() {
    let result = ftcost(
      ["advise"]
        + answers([
          "problem=format", "few_shot_quality=50", "examples=3000", "provider=openai", "cost_critical=no",
          "latency_critical=no", "requests_per_month=2000000", "current_model=gpt-5.4", "prompt_tokens=3000",
          "output_tokens=400", "start_date=2027-02-01",
        ]))
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Recommendation: prompting\n"))
    #expect(
      result.stdout.contains(
        "the advice says prompting, but Switch to gpt-6-luna saves $312,000.00 over 12 months with no investment"))
  }

  @Test func unknownCurrentModelSuggestsTheClosest() {
    let result = ftcost(["advise", "--answer", "problem=knowledge", "--answer", "current_model=gpt-4.1-mni"])
    #expect(result.code == 64)
    #expect(
      result.stderr.contains("not a model in the pricing tables. Did you mean 'gpt-4.1-mini'?"), "\(result.stderr)")
  }

  @Test func conflictsBothWays() throws {
    // The tree says prompting; a plan in the scenario pays back.
    let prompting = ftcost(
      ["advise"] + answers(["problem=format", "few_shot_quality=95"])
        + ["--scenario", "\(example)/module-20-distillation.json"])
    #expect(
      prompting.stdout.contains(
        "the advice says prompting, but Distilled GPT-4o-mini (distillation) pays back in 0.37 months"),
      "\(prompting.stdout)")
    // The tree says train; the numbers say stay.
    let training = ftcost(
      ["advise"]
        + answers([
          "problem=format", "few_shot_quality=70", "examples=500", "provider=azure-openai", "cost_critical=no",
          "latency_critical=no",
        ]) + ["--scenario", "\(example)/azure-hosted-fine-tune.json"])
    #expect(training.stdout.contains("it never pays back in 12 months"), "\(training.stdout)")
    #expect(training.stdout.contains("the numbers say stay"))
  }

  @Test func nextStepsCiteTheGivenScenario() throws {
    let file = try temporaryFolder().appendingPathComponent("my-plan.json").path
    try FileManager.default.copyItem(atPath: "\(example)/module-20-distillation.json", toPath: file)
    let result = ftcost(
      ["advise"]
        + answers([
          "problem=cost", "teacher_meets_quality=yes", "data_changes=rarely", "examples=10000", "provider=openai",
          "prompt_tokens=3000", "few_shot_tokens=2500", "output_tokens=100",
        ]) + ["--scenario", file])
    #expect(result.stdout.hasPrefix("Recommendation: distillation\n"))
    #expect(result.stdout.contains("`ftcost roi --scenario \(file)`"))
    #expect(!result.stdout.contains("examples/module-20-distillation.json"))
  }

  /// `advise` and `dataset inspect` read one table: the same minimum for every provider and task.
  @Test func adviseAndInspectAgreeOnTheMinimum() throws {
    let catalog = try #require(
      try? PricingLoader.catalog(
        builtIn: repositoryRoot.appendingPathComponent("pricing").path, overlays: [],
        today: ISODate(daysSinceEpoch: 20_783)))
    let advisor = Advisor(catalog: catalog, today: ISODate(daysSinceEpoch: 20_783))
    let file = try temporaryFolder().appendingPathComponent("one.jsonl").path
    try #"{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}"#
      .write(toFile: file, atomically: true, encoding: .utf8)
    var compared = 0
    for table in catalog.tables where table.fineTuning?.api == true {
      guard let model = catalog.models.first(where: { $0.provider == table.provider && $0.fineTuning?.training != nil })
      else { continue }
      for task in TrainingTask.allCases {
        let inspect = try parseJSON(
          ftcost(["dataset", "inspect", file, "--model", model.id, "--task", task.rawValue, "--format", "json"]).stdout)
        let minimum = advisor.thresholds(["provider": table.provider, "task": task.rawValue]).minimum
        #expect(inspect["task"]?["minimum"]?.kind == .number(String(minimum)), "\(table.provider) \(task)")
        // The advisor collects data below that minimum and trains from it.
        let below = [
          "problem": "format", "few_shot_quality": "70", "provider": table.provider, "task": task.rawValue,
          "cost_critical": "no", "latency_critical": "no",
        ]
        guard case .done(let few) = advisor.walk(below.merging(["examples": String(minimum - 1)]) { a, _ in a }),
          case .done(let enough) = advisor.walk(below.merging(["examples": String(minimum)]) { a, _ in a })
        else { continue }
        #expect(few.recommendation == .collectData)
        #expect(enough.recommendation == .fineTuning)
        compared += 1
      }
    }
    #expect(compared == 16)
  }
}
