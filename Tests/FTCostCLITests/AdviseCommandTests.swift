import FTCostKit
import Foundation
import Testing

@Suite struct AdviseCommandTests {
  func advise(_ answers: [String], extra: [String] = []) -> RunResult {
    ftcost(["advise"] + answers.flatMap { ["--answer", $0] } + extra)
  }

  @Test func module20HeadlineCases() throws {
    let knowledge = try parseJSON(advise(["problem=knowledge"], extra: ["--format", "json"]).stdout)
    #expect(knowledge["recommendation"]?.stringValue == "rag")
    let format = try parseJSON(
      advise(
        [
          "problem=format", "few_shot_quality=70", "examples=500", "provider=openai", "cost_critical=no",
          "latency_critical=no",
        ], extra: ["--format", "json"]
      ).stdout)
    #expect(format["recommendation"]?.stringValue == "fine-tuning")
    let both = try parseJSON(
      advise(["problem=both", "examples=500", "provider=openai"], extra: ["--format", "json"]).stdout)
    #expect(both["recommendation"]?.stringValue == "rag+fine-tuning")
    let few = try parseJSON(
      advise(["problem=format", "few_shot_quality=70", "provider=openai", "examples=30"], extra: ["--format", "json"])
        .stdout)
    #expect(few["recommendation"]?.stringValue == "collect-data")
    #expect(
      few["next_steps"]?.arrayValue?.first?.stringValue
        == "collect 70 more rated examples (at least 100 in all, 500 recommended), then `ftcost dataset build logs.jsonl --min-rating 4 --out train.jsonl`"
    )
    let path = try #require(few["path"]?.arrayValue)
    #expect(path.count == 4)
    for key in ["question", "answer", "rule", "source"] { #expect(path[0][key]?.stringValue?.isEmpty == false) }
    #expect(few["costs"]?.isNull == true)
    #expect(few["conflicts"]?.arrayValue?.isEmpty == true)
  }

  @Test func module20ScenarioRecommendsDistillationWithPayback() throws {
    // A long few-shot prefix the student drops makes the distilled model cheaper per request than
    // any current untuned one, so distillation stands.
    let answers = [
      "problem=cost", "teacher_meets_quality=yes", "data_changes=rarely", "examples=10000", "provider=openai",
      "prompt_tokens=3000", "few_shot_tokens=2500", "output_tokens=100",
    ]
    let result = advise(answers, extra: ["--scenario", "\(example)/module-20-distillation.json"])
    #expect(result.code == 0)
    #expect(result.stdout.hasPrefix("Recommendation: distillation\n"))
    #expect(
      result.stdout.contains(
        "Distilled GPT-4o-mini against GPT-5 prompting: one-time $35.00, $30.00 in month 1 (staying: $125.00), payback 0.37 months, break-even 3,071 requests a month, net benefit $1,105.00 over 12 months"
      ), "\(result.stdout)")
    #expect(result.stdout.contains("`ftcost roi --scenario \(example)/module-20-distillation.json`"))
    let json = try parseJSON(
      advise(answers, extra: ["--scenario", "\(example)/module-20-distillation.json", "--format", "json"]).stdout)
    #expect(
      json["costs"]?["candidates"]?.arrayValue?.first?["payback_months"]?.kind
        == .number("0.36842106315789473684210526315789473684"))
  }

  @Test func conflictsAreFlaggedInPlainWords() throws {
    let answers = [
      "problem=format", "few_shot_quality=70", "examples=500", "provider=azure-openai", "cost_critical=no",
      "latency_critical=yes",
    ]
    let result = advise(
      answers + ["requests_per_month=2000"], extra: ["--scenario", "\(example)/azure-hosted-fine-tune.json"])
    #expect(
      result.stdout.contains(
        "fine-tuning fits the problem, but at 2,000 requests a month it never pays back in 12 months"))
  }

  @Test(
    arguments: [
      (["--answer", "problme=format"], "Error: Unknown answer key 'problme'. Did you mean 'problem'?"),
      (
        ["--answer", "problem=formt"],
        "Error: The answer 'formt' is invalid for 'problem': expected one of knowledge, format, both, cost, latency. Did you mean 'format'?"
      ),
      (
        ["--answer", "problem=format", "--answer", "few_shot_quality=150"],
        "Error: The answer '150' is invalid for 'few_shot_quality': a percentage must be from 0 to 100"
      ),
      (
        ["--answer", "problem=format", "--answer", "few_shot_quality=50", "--answer", "provider=openai"],
        "Error: Missing answer for 'examples' (a whole number of examples): add --answer examples=…"
      ),
      (
        ["--answer", "problem=both", "--answer", "examples=100"],
        "Error: Missing answer for 'provider' (anthropic|azure-openai|google-vertex|gpus|open-models|openai): add --answer provider=…"
      ),
      (
        ["--answer", "problem=both", "--answer", "examples=100", "--answer", "provider=opnai"],
        "Error: The answer 'opnai' is invalid for 'provider'"
      ),
    ] as [([String], String)])
  func badScriptedAnswersAreUsageErrors(arguments: [String], prefix: String) {
    let result = ftcost(["advise"] + arguments)
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    // The whole text, with its Help and Usage lines, is in Goldens/errors/answer-*.txt.
    #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
  }

  @Test func answersFile() throws {
    let path = try temporaryFolder().appendingPathComponent("answers.json").path
    try #"{"problem": "format", "few_shot_quality": 95}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let json = try parseJSON(ftcost(["advise", "--answers", path, "--format", "json"]).stdout)
    #expect(json["recommendation"]?.stringValue == "prompting")
  }

  /// Drives the interactive mode through piped stdin: '?', an invalid answer, 'b', defaults.
  @Test func interactiveThroughPipedInput() throws {
    let input = ["2", "?", "150", "70", "b", "60", "6", "abc", "30"].joined(separator: "\n") + "\n"
    let result = ftcost(["advise"], stdin: input)
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  Why: If few-shot prompting already reaches 90% or more"))
    #expect(
      result.stdout.contains(
        "  Not a valid answer: the answer '150' is invalid for 'few_shot_quality': a percentage must be from 0 to 100"))
    #expect(result.stdout.contains("  Not a valid answer: the answer 'abc' is invalid for 'examples'"))
    #expect(result.stdout.contains("Recommendation: collect-data"))
    #expect(
      result.stdout.contains(
        "2. How close does a good few-shot prompt get to your quality target (percent, or 'unknown')? -> 60"))
    #expect(result.stdout.contains("4. How many good (rated, reviewed) examples do you have? -> 30"))
  }

  @Test func interactiveDefaultsAndNumberedChoices() {
    // Return takes the default (format, unknown), then provider 6 (openai), 600 examples, no, no;
    // the optional money questions end with the input.
    let result = ftcost(["advise"], stdin: "\n\n6\n600\n2\n\n")
    #expect(result.stdout.contains("Recommendation: fine-tuning"), "\(result.stdout)")
  }

  @Test func endOfInputExitsCleanly() {
    let result = ftcost(["advise"], stdin: "format\n")
    #expect(result.code == 1)
    #expect(
      result.stderr
        == "Error: input ended before 'few_shot_quality' was answered; no advice yet (answer all questions, or use --answer few_shot_quality=…)\n"
    )
  }

  @Test func treeFormats() throws {
    let mermaid = ftcost(["advise", "--tree", "--format", "mermaid"])
    #expect(mermaid.stdout.hasPrefix("flowchart TD\n"))
    let text = ftcost(["advise", "--tree", "--format", "text"])
    #expect(text.stdout.hasPrefix("? What is the main problem with the model today? [problem]\n"))
    let json = try parseJSON(ftcost(["advise", "--tree", "--format", "json"]).stdout)
    #expect(json["questions"]?.arrayValue?.count == 8)
    #expect(ftcost(["advise", "--format", "mermaid", "--answer", "problem=knowledge"]).code == 64)
  }

  @Test func builtBinaryInteractiveThroughAPipe() throws {
    let binary = try #require(builtBinary())
    let result = try runBinary(binary, ["advise"], stdin: "1\n")
    #expect(result.code == 0)
    #expect(result.stdout.contains("Recommendation: rag"))
  }
}
