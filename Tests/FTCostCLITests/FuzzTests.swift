import FTCostCLI
import FTCostKit
import Foundation
import Testing

/// Seeded fuzzing of the command line.
///
/// Thousands of argument vectors and mutated scenario files, run in memory. Any crash fails the run; every outcome must be a documented exit code, and an
/// error must be one `Error:` line with nothing on stdout.
@Suite struct FuzzTests {
  /// Values that break naive code: extremes, signs, non-numbers, control characters, dates.
  static let nasty = [
    "0", "-1", "1", "0.5", "1e-30", "1e300", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "NaN", "inf", "", " ", "auto", "x", "\u{1B}[31m", "=1+1", "2027-02-30", "2026-12-01", "0001-01-01", "1.0e2",
    "100000000000000000000000000000000000000000", "12abc", "%n", "../../etc/passwd",
  ]

  static let models = [
    "gpt-4o-mini", "gpt-5", "gemini-3.8-flash", "o4-mini", "gpt-4.1-nano", "azure-gpt-4o-mini", "nope",
  ]

  /// A random command line over the read-only commands, with real and nasty values.
  static func arguments(_ generator: inout SplitMix64) -> [String] {
    func pick(_ list: [String]) -> String { list[Int(generator.next() % UInt64(list.count))] }
    func value() -> String { generator.next() % 3 == 0 ? pick(models) : pick(nasty) }
    let scenarios = [
      "module-20-distillation", "module-20-distillation-now", "support-assistant", "azure-hosted-fine-tune",
      "growing-workload-quarterly-retraining",
    ].map { "\(example)/\($0).json" }
    let paths = [
      "workload.requests_per_month", "workload.monthly_growth", "workload.user_tokens", "horizon_months",
      "start_date", "discount_rate_annual", "candidates[0].epochs", "candidates[0].examples",
      "candidates[0].lead_time_months", "candidates[0].success_rate", "candidates[0].model", "baseline.model",
      "workload.failure_cost", "candidates[0].retrain_every_months", "candidates[0].setup_cost", "candidates[9].x",
    ]
    var arguments: [String]
    switch generator.next() % 8 {
    case 0: arguments = ["compare", "--scenario", pick(scenarios)]
    case 1: arguments = ["roi", "--scenario", pick(scenarios)] + (generator.next() % 2 == 0 ? ["--monthly"] : [])
    case 2: arguments = ["breakeven", "--scenario", pick(scenarios), "--steps", pick(["2", "3", "0", "x", "100001"])]
    case 3:
      arguments = [
        "cost", "--model", pick(models), "--input-tokens", value(), "--output-tokens", value(), "--requests", value(),
      ]
    case 4:
      arguments = ["train", "--model", pick(models), pick(["--examples", "--training-tokens", "--hours"]), value()]
      if generator.next() % 2 == 0 { arguments += ["--tokens-per-example", value()] }
      if generator.next() % 2 == 0 { arguments += ["--epochs", value()] }
    case 5: arguments = ["pricing", pick(["show", "list", "validate"])] + (generator.next() % 2 == 0 ? [value()] : [])
    case 6:
      arguments = ["advise", "--answer", "problem=\(pick(["cost", "format", "x"]))", "--answer", "examples=\(value())"]
    default: arguments = [pick(["compare", "roi", "help", "tokens", "pricing", "--epoch"]), value()]
    }
    for _ in 0..<Int(generator.next() % 3) where ["compare", "roi", "breakeven"].contains(arguments[0]) {
      arguments += ["--set", "\(pick(paths))=\(value())"]
    }
    if generator.next() % 4 == 0 { arguments += ["--format", pick(["json", "csv", "markdown", "table", "xml"])] }
    if generator.next() % 6 == 0 { arguments += ["--as-of", pick(nasty)] }
    return arguments
  }

  @Test func randomCommandLinesNeverCrash() {
    var generator = SplitMix64(seed: 20_261_126)
    var outcomes: [Int32: Int] = [:]
    for _ in 0..<1_500 {
      let arguments = Self.arguments(&generator)
      let result = ftcost(arguments, stdin: "")
      outcomes[result.code, default: 0] += 1
      #expect([0, 1, 64].contains(result.code), "\(arguments): exit \(result.code)")
      #expect(!Self.showsNaN(result.stdout), "\(arguments)")
      // `pricing validate` lists the problems it finds on stdout by design.
      if result.code != 0 && arguments.prefix(2) != ["pricing", "validate"] {
        #expect(result.stdout.isEmpty, "\(arguments) wrote to stdout and failed")
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(arguments): \(result.stderr)")
      }
      if arguments.contains("json"), result.code == 0 {
        #expect((try? parseJSON(result.stdout)) != nil, "\(arguments): invalid JSON")
      }
    }
    // The generator reaches every outcome: successes, runtime errors and usage errors.
    #expect(outcomes[0, default: 0] > 100 && outcomes[1, default: 0] > 100 && outcomes[64, default: 0] > 100)
  }

  /// Scenario files with random leaves replaced by nasty values go through the whole pipeline.
  @Test func mutatedScenarioFilesNeverCrash() throws {
    var generator = SplitMix64(seed: 7)
    let folder = try temporaryFolder()
    let sources = try FileManager.default.contentsOfDirectory(atPath: example).filter { $0.hasSuffix(".json") }.sorted()
    var ran = 0
    for index in 0..<400 {
      let source = sources[index % sources.count]
      let text = try String(contentsOfFile: "\(example)/\(source)", encoding: .utf8)
      var root = try parseJSON(text)
      for _ in 0..<(1 + Int(generator.next() % 3)) {
        root = Self.replacingRandomLeaf(root, &generator)
      }
      let file = folder.appendingPathComponent("fuzz.json").path
      try Self.text(of: root).write(toFile: file, atomically: true, encoding: .utf8)
      for format in ["table", "json"] {
        let result = ftcost(["compare", "--scenario", file, "--format", format])
        #expect([0, 1, 64].contains(result.code), "\(Self.text(of: root))")
        if result.code == 0 { ran += 1 } else { #expect(result.stdout.isEmpty) }
        #expect(!Self.showsNaN(result.stdout))
      }
    }
    #expect(ran > 100)
  }

  /// True when output shows a figure as NaN (a name may be "NaN"; an amount or a JSON number may not).
  static func showsNaN(_ text: String) -> Bool {
    ["$NaN", "$-NaN", "NaN%", ": NaN", "[NaN", ", NaN", "NaN.00"].contains { text.contains($0) }
  }

  static func replacingRandomLeaf(_ node: JSONNode, _ generator: inout SplitMix64) -> JSONNode {
    var node = node
    switch node.kind {
    case .object(var members) where !members.isEmpty:
      let index = Int(generator.next() % UInt64(members.count))
      members[index].value = replacingRandomLeaf(members[index].value, &generator)
      node.kind = .object(members)
    case .array(var items) where !items.isEmpty:
      let index = Int(generator.next() % UInt64(items.count))
      items[index] = replacingRandomLeaf(items[index], &generator)
      node.kind = .array(items)
    default:
      let value = nasty[Int(generator.next() % UInt64(nasty.count))]
      if let number = try? DecimalParser.parse(value), generator.next() % 3 != 0 {
        node.kind = .number(number.description)
      } else if generator.next() % 5 == 0 {
        node.kind = [.null, .bool(true), .array([]), .object([])][Int(generator.next() % 4)]
      } else {
        node.kind = .string(value)
      }
    }
    return node
  }

  /// JSON text for a parsed tree (numbers keep their literal text).
  static func text(of node: JSONNode) -> String {
    switch node.kind {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let literal): return literal
    case .string(let value): return JSON.quoted(value)
    case .array(let items): return "[" + items.map(text(of:)).joined(separator: ",") + "]"
    case .object(let members):
      return "{" + members.map { JSON.quoted($0.key) + ":" + text(of: $0.value) }.joined(separator: ",") + "}"
    }
  }
}
