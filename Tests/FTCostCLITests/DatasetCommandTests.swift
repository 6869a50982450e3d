import FTCostKit
import Foundation
import Testing

let chatLine =
  #"{"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}"#

func file(_ lines: [String], name: String = "data.jsonl") throws -> String {
  let path = try temporaryFolder().appendingPathComponent(name).path
  try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

let sharedGenerator = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/gen_corpus.py")
  .path

@Suite struct DatasetCommandTests {
  @Test func inspectJSONFollowsTheContract() throws {
    let path = try file((1...5).map { chatLine.replacingOccurrences(of: "Hi", with: "Hi \($0)") })
    let result = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--format", "json"])
    #expect(result.code == 0)
    let json = try parseJSON(result.stdout)
    for key in [
      "file", "format", "examples", "blank_lines", "errors", "error_lines", "warnings", "messages_per_example",
      "tokens_per_example", "assistant_tokens_per_example", "encoding", "content_tokens", "chat_tokens",
      "billed_tokens_per_epoch", "epochs", "estimates",
    ] {
      #expect(json[key] != nil, "\(key)")
    }
    for key in ["min", "p5", "median", "mean", "p95", "max"] { #expect(json["tokens_per_example"]?[key] != nil) }
    #expect(json["epochs"]?.kind == .number("20"))
    #expect(json["encoding"]?.stringValue == "o200k_base")
    let estimate = try #require(json["estimates"]?.arrayValue?.first)
    #expect(estimate["model"]?.stringValue == "gpt-4o-mini-2024-07-18")
    #expect(json["warnings"]?.arrayValue?.first?.stringValue == "5 examples is fewer than the provider's minimum of 10")
  }

  @Test func inspectReportsErrorsWithLineNumbersAndExits1() throws {
    let path = try file([
      chatLine, "{oops", #"{"messages": [{"role": "usr", "content": "q"}, {"role": "assistant", "content": "a"}]}"#,
    ])
    let result = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini"])
    #expect(result.code == 1)
    #expect(result.stderr.contains("\(path):2:2: invalid_json: "))
    #expect(result.stderr.contains("\(path):3: unrecognized_role: messages[0] has role \"usr\". Did you mean 'user'?"))
    #expect(result.stdout.contains("invalid_json: 1 (lines 2)"))
  }

  @Test func inspectTaskVerdict() throws {
    let path = try file((1...60).map { chatLine.replacingOccurrences(of: "Hi", with: "Hi \($0)") })
    let result = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--task", "classification"])
    #expect(
      result.stdout.contains(
        "task classification (Classification (5 categories)): 60 examples is minimum - minimum 50 (module 20.1's floor of 50), recommended 200, ideal 500+ (the advisor uses the same table)"
      ), "\(result.stdout)")
  }

  @Test func inspectWithoutModelPricesEveryFineTunableModelInItsEncoding() throws {
    let path = try file([chatLine])
    let json = try parseJSON(ftcost(["dataset", "inspect", path, "--format", "json"]).stdout)
    let estimates = json["estimates"]?.arrayValue ?? []
    #expect(
      estimates.contains {
        $0["model"]?.stringValue == "gpt-3.5-turbo-0125" && $0["encoding"]?.stringValue == "cl100k_base"
      })
    #expect(
      estimates.contains { $0["model"]?.stringValue == "gemini-2.5-flash" && $0["estimate"]?.kind == .bool(true) })
    #expect(!estimates.contains { $0["model"]?.stringValue?.hasPrefix("claude") == true })
  }

  @Test func badFilesAreClearErrors() throws {
    let missing = ftcost(["dataset", "inspect", "/nonexistent/data.jsonl"])
    #expect(missing.code == 1)
    #expect(missing.stderr == "Error: file '/nonexistent/data.jsonl' does not exist\n")
    let empty = try file([""])
    #expect(
      ftcost(["dataset", "inspect", empty]).stderr
        == "Error: \(empty): no examples (the file is empty or has only blank lines)\n")
    let array = try file(["[", chatLine + ",", "]"])
    let arrayResult = ftcost(["dataset", "inspect", array])
    #expect(arrayResult.code == 1)
    #expect(arrayResult.stderr.contains("\(array):1:1: json_array_file: the file is a JSON array, not JSONL"))
  }

  @Test func trainFromARealFile() throws {
    let path = try file((1...5).map { chatLine.replacingOccurrences(of: "Hi", with: "Hi \($0)") })
    let inspect = try parseJSON(
      ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--format", "json"]).stdout)
    let train = try parseJSON(
      ftcost(["train", "--dataset", path, "--model", "gpt-4o-mini", "--format", "json"]).stdout)
    #expect(train["training_tokens_per_epoch"]?.kind == inspect["billed_tokens_per_epoch"]?.kind)
    #expect(train["epochs"]?.kind == .number("20"))
  }

  @Test func tokensCountsExactlyAndLabelsEstimates() throws {
    let exact = ftcost(["tokens", "--encoding", "cl100k_base", "-"], stdin: "hello world")
    #expect(exact.stdout == "2 tokens (cl100k_base, 11 bytes)\n")
    let estimate = ftcost(["tokens", "--model", "claude-haiku-4-5"], stdin: "hello world")
    #expect(estimate.stdout.contains("(estimate)"))
    #expect(estimate.stderr.contains("tokenizer is not public"))
    #expect(ftcost(["tokens", "--encoding", "o200k"]).code == 64)
    #expect(ftcost(["tokens", "/"]).stderr == "Error: '/' is a folder; give a text file or - for standard input\n")
    #expect(ftcost(["tokens", "/nonexistent.txt"]).stderr == "Error: file '/nonexistent.txt' does not exist\n")
  }

  @Test func buildAndConvertEndToEnd() throws {
    let logs = try file([
      #"{"messages": [{"role": "user", "content": "q1"}, {"role": "assistant", "content": "a1"}], "rating": 5}"#,
      #"{"messages": [{"role": "user", "content": "q2"}, {"role": "assistant", "content": "a2"}], "rating": 2}"#,
    ])
    let folder = (logs as NSString).deletingLastPathComponent
    let result = ftcost(["dataset", "build", logs, "--out", folder + "/train.jsonl", "--format", "json"])
    #expect(result.code == 0)
    let json = try parseJSON(result.stdout)
    #expect(json["kept"]?.kind == .number("1"))
    #expect(json["dropped"]?["low_rating"]?.kind == .number("1"))
    let again = ftcost(["dataset", "build", logs, "--out", folder + "/train.jsonl"])
    #expect(again.code == 1)
    #expect(again.stderr == "Error: '\(folder)/train.jsonl' already exists; pass --force to overwrite it\n")
    let noFolder = ftcost(["dataset", "build", logs, "--out", "/nonexistent/dir/t.jsonl"])
    #expect(
      noFolder.stderr
        == "Error: cannot write '/nonexistent/dir/t.jsonl': its folder does not exist; create it first or choose another path\n"
    )
    #expect(ftcost(["dataset", "build", logs, "--out", folder + "/t2.jsonl", "--validation-split", "0.2"]).code == 64)
    let convert = ftcost([
      "dataset", "convert", folder + "/train.jsonl", "--to", "vertex", "--out", folder + "/v.jsonl",
    ])
    #expect(convert.stdout == "wrote 1 examples in vertex format to \(folder)/v.jsonl\n")
  }

  /// The built binary on generated production logs: exactly the rated examples are kept, and the
  /// same seed gives the same split.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedGenerator)))
  func buildOnGeneratedLogs() throws {
    let binary = try #require(builtBinary())
    let folder = try temporaryFolder().path
    let logs = folder + "/logs.jsonl"
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    generator.arguments = [
      "python3", sharedGenerator, "--examples", "2000", "--seed", "9", "--variant", "production", "-o", logs,
    ]
    generator.standardOutput = FileHandle.nullDevice
    try generator.run()
    generator.waitUntilExit()
    // The oracle: lines whose rating is 4 or more, with 2+ messages including an assistant reply.
    var rated = 0
    for line in try String(contentsOfFile: logs, encoding: .utf8).split(separator: "\n") {
      guard let node = try? JSONParser.parse(String(line)), case .number(let rating)? = node["rating"]?.kind,
        let value = Double(rating), value >= 4, let messages = node["messages"]?.arrayValue, messages.count >= 2,
        messages.contains(where: { $0["role"]?.stringValue == "assistant" })
      else { continue }
      rated += 1
    }
    func run(_ seed: String, _ suffix: String) throws -> (RunResult, String, String) {
      let out = folder + "/train\(suffix).jsonl"
      let validation = folder + "/val\(suffix).jsonl"
      let result = try runBinary(
        binary,
        [
          "dataset", "build", logs, "--out", out, "--validation-split", "0.1", "--validation-out", validation, "--seed",
          seed, "--format", "json",
        ])
      return (
        result, try String(contentsOfFile: out, encoding: .utf8),
        try String(contentsOfFile: validation, encoding: .utf8)
      )
    }
    let (first, train1, val1) = try run("7", "a")
    let (_, train2, val2) = try run("7", "b")
    #expect(first.code == 0, "\(first.stderr)")
    let summary = try parseJSON(first.stdout)
    #expect(summary["kept"]?.kind == .number(String(rated)))
    #expect(train1 == train2 && val1 == val2)
    let inspected = try runBinary(
      binary, ["dataset", "inspect", folder + "/traina.jsonl", "--model", "gpt-4o-mini", "--format", "json", "--quiet"])
    #expect(
      try parseJSON(inspected.stdout)["errors"]?.members?.filter { $0.key != "duplicate_example" }.isEmpty == true)
  }
}
