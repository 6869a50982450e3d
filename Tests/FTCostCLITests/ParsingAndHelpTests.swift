import FTCostCLI
import FTCostKit
import Testing

/// Every command path in the tree: `[]` for the root, `["pricing", "show"]` for nested ones.
let allCommandPaths: [[String]] = {
  var paths: [[String]] = []
  func walk(_ command: CommandSpec, _ path: [String]) {
    paths.append(path)
    for sub in command.subcommands { walk(sub, path + [sub.name]) }
  }
  walk(CLI.root, [])
  return paths
}()

/// Whole help pages, recorded in Goldens/help/ (re-record with RECORD_GOLDENS=1).
@Suite struct HelpTests {
  @Test(arguments: allCommandPaths)
  func helpPage(path: [String]) throws {
    let name = "help/" + (["ftcost"] + path).joined(separator: "-") + ".txt"
    let flag = ftcost(path + ["--help"])
    #expect(flag.code == 0)
    #expect(flag.stderr.isEmpty)
    try expectGolden(flag.stdout, name)
    // `ftcost help <sub> [<sub>]` and `-h` print the same page.
    let helpForm = ftcost(["help"] + path)
    #expect(helpForm.code == 0)
    try expectGolden(helpForm.stdout, name)
    #expect(ftcost(path + ["-h"]).stdout == flag.stdout)
  }

  @Test func helpAndUsageWrapAtColumns() throws {
    let result = ftcost(["dataset", "build", "--help"], environment: ["COLUMNS": "60"])
    try expectGolden(result.stdout, "help/ftcost-dataset-build-columns-60.txt")
    for path in [[], ["dataset", "build"], ["advise"]] {
      let lines = ftcost(path + ["--help"], environment: ["COLUMNS": "40"]).stdout.split(separator: "\n")
      // The footer names a command to run, and a single word longer than the space is not broken.
      let wrapped = lines.filter { !$0.hasPrefix("  See") && $0.trimmingPrefix(while: { $0 == " " }).contains(" ") }
      #expect(wrapped.allSatisfy { $0.count <= 40 }, "\(wrapped.filter { $0.count > 40 })")
    }
  }

  @Test(arguments: [
    ["--version"], ["train", "--version"], ["pricing", "show", "--version"], ["dataset", "--version"],
  ])
  func versionWorksAtAnyDepthAndNamesThePricesDate(arguments: [String]) {
    let result = ftcost(arguments)
    #expect(result.code == 0)
    #expect(result.stdout == "ftcost \(CLI.version) (built-in prices as of 2026-11-26)\n")
  }
}

/// One usage error of each kind, whole (Error, Help, Usage and See lines), recorded in
/// Goldens/errors/; single lines are asserted exactly in `ParsingTests`.
@Suite struct UsageErrorTests {
  static let cases: [(String, [String])] = [
    ("unknown-option", ["train", "--model", "gpt-4o-mini", "--epoch", "3"]),
    ("unknown-option-short", ["cost", "-x"]),
    ("unknown-subcommand", ["pricing", "lst"]),
    ("unknown-subcommand-root", ["pricng", "list"]),
    ("unknown-subcommand-help", ["help", "dataset", "inspekt"]),
    ("missing-value", ["cost", "--input-tokens", "1", "--model"]),
    ("unexpected-value", ["cost", "--batch=yes"]),
    ("invalid-value-choice", ["pricing", "list", "--format", "jsn"]),
    ("invalid-value-choice-many", ["pricing", "list", "--provider", "opena"]),
    ("invalid-value-argument", ["completions", "zhs"]),
    (
      "invalid-value-not-a-number",
      ["cost", "--model", "gpt-4o-mini", "--input-tokens", "3.14abc", "--output-tokens", "1"]
    ),
    ("invalid-value-not-whole", ["cost", "--model", "gpt-4o-mini", "--input-tokens", "1.5", "--output-tokens", "1"]),
    ("invalid-value-range", ["compare", "--horizon", "601"]),
    ("invalid-value-range-or-word", ["train", "--model", "gpt-4o-mini", "--examples", "10", "--epochs", "0"]),
    ("invalid-value-range-open", ["dataset", "build", "logs.jsonl", "--out", "t.jsonl", "--validation-split", "1"]),
    (
      "invalid-value-malformed",
      ["cost", "--model", "gpt-5", "--input-tokens", "1", "--output-tokens", "1", "--as-of", "2027-1-1"]
    ),
    ("invalid-value-requires-option", ["advise", "--format", "mermaid"]),
    (
      "invalid-value-described",
      ["breakeven", "--scenario", "\(example)/azure-hosted-fine-tune.json", "--sweep", "requests_per_month=9..2"]
    ),
    ("missing-argument-option", ["cost", "--model", "gpt-4o-mini", "--input-tokens", "1"]),
    ("missing-argument-positional", ["pricing", "show"]),
    ("missing-one-of", ["train", "--model", "gpt-4o-mini"]),
    ("missing-dependency", ["dataset", "build", "logs.jsonl", "--out", "t.jsonl", "--validation-out", "v.jsonl"]),
    ("unexpected-arguments", ["pricing", "show", "gpt-4o", "gpt-5", "o3"]),
    ("conflicting-options", ["tokens", "--encoding", "o200k_base", "--model", "gpt-4o"]),
    ("answer-unknown-key", ["advise", "--answer", "problme=format"]),
    ("answer-invalid", ["advise", "--answer", "problem=formt"]),
    ("answer-missing", ["advise", "--answer", "problem=format"]),
    ("invalid-override", ["compare", "--set", "workload.request_per_month=5"]),
  ]

  @Test(arguments: UsageErrorTests.cases)
  func usageError(name: String, arguments: [String]) throws {
    let result = ftcost(arguments)
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    try expectGolden(result.stderr, "errors/\(name).txt")
  }

  @Test func usageWrapsAtColumnsAfterAnError() throws {
    let result = ftcost(["cost", "--modle", "gpt-4o"], environment: ["COLUMNS": "50"])
    try expectGolden(result.stderr, "errors/unknown-option-columns-50.txt")
  }
}

@Suite struct ParsingTests {
  func firstLine(_ arguments: [String]) -> String {
    String(ftcost(arguments).stderr.split(separator: "\n").first ?? "")
  }

  @Test func unknownOptionsAreCheckedBeforeMissingOnesSoTheHintShows() {
    let result = ftcost("cost --modle gpt-4o --input-tokens 1")
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: Unknown option '--modle'. Did you mean '--model'?\nUsage: ftcost cost "))
    #expect(firstLine(["cost", "--bach"]) == "Error: Unknown option '--bach'. Did you mean '--batch'?")
    #expect(firstLine(["cost", "--zzzzzz"]) == "Error: Unknown option '--zzzzzz'")
    #expect(firstLine(["cost", "--versoin"]) == "Error: Unknown option '--versoin'. Did you mean '--version'?")
  }

  @Test func unknownSubcommandsGetHintsAndTheGroupsUsage() {
    #expect(firstLine(["pricng", "list"]) == "Error: Unknown subcommand 'pricng'. Did you mean 'pricing'?")
    let nested = ftcost("pricing lst")
    #expect(nested.code == 64)
    #expect(
      nested.stderr.hasPrefix(
        "Error: Unknown subcommand 'lst'. Did you mean 'list'?\nUsage: ftcost pricing <subcommand>\n"))
    #expect(ftcost("help pricng").code == 64)
  }

  @Test func missingArgumentsAreNamed() {
    #expect(
      firstLine(["cost", "--model", "gpt-4o-mini", "--input-tokens", "1"])
        == "Error: Missing expected argument '--output-tokens <n>'")
    #expect(firstLine(["pricing", "show"]) == "Error: Missing expected argument '<model>'")
    #expect(firstLine(["cost", "-m"]) == "Error: Missing value for '-m <model>'")
  }

  @Test(
    arguments: [
      ("nan", "must be a finite number"),
      ("inf", "must be a finite number"),
      ("1e999", "too large or too small to compute with exactly"),
      ("3.14abc", "must be a number written with digits, like 1000, 1_000_000, 0.15 or 2.5e-7"),
      ("0x10", "must be a number written with digits, like 1000, 1_000_000, 0.15 or 2.5e-7"),
      ("", "must be a number"),
      ("-5", "must be 0 or more"),
      ("2.5", "must be a whole number"),
    ] as [(String, String)])
  func badNumbersAreUsageErrors(value: String, reason: String) {
    let result = ftcost(["cost", "--model", "gpt-4o-mini", "--input-tokens", value, "--output-tokens", "1"])
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.split(separator: "\n").first
        == "Error: The value '\(value)' is invalid for '--input-tokens <n>': \(reason)"
    )
    #expect(
      result.stderr.split(separator: "\n").dropFirst().first
        == "Help:  --input-tokens <n>  Input tokens per request (cached ones included).")
  }

  @Test func enumeratedValuesAreChecked() {
    #expect(
      firstLine(["pricing", "list", "--format", "jsn"])
        == "Error: The value 'jsn' is invalid for '--format <format>'. Did you mean 'json'? Please provide one of 'table', 'json', 'csv', 'markdown' or 'html'."
    )
    #expect(
      firstLine(["completions", "fsh"])
        == "Error: The value 'fsh' is invalid for '<shell>'. Did you mean 'fish'? Please provide one of 'bash', 'zsh' or 'fish'."
    )
  }

  @Test func rangesAreNamedInTheReason() {
    #expect(
      firstLine(["compare", "--horizon", "0"])
        == "Error: The value '0' is invalid for '--horizon <months>': must be 1 to 600")
    #expect(
      firstLine(["breakeven", "--scenario", "x.json", "--steps", "1"])
        == "Error: The value '1' is invalid for '--steps <n>': must be 2 to 100,000")
    #expect(
      firstLine(["train", "--model", "gpt-4o-mini", "--examples", "1", "--epochs", "x"])
        == "Error: The value 'x' is invalid for '--epochs <n|auto>': must be 1 to 50, or 'auto'")
  }

  @Test func optionValuesMayUseEquals() {
    let result = ftcost([
      "cost", "--model=gpt-4o-mini", "--input-tokens=1_000", "--output-tokens=200", "--requests=1000", "--format=json",
    ])
    #expect(result.code == 0)
  }
}
