import FTCostKit
import Foundation
import Testing

/// Flag values out of range and inputs that used to trap or mislead, each with one clear error.
@Suite struct DatasetLimitsTests {
  /// Out-of-range epochs are a usage error (exit 64) naming the value and the allowed range.
  @Test(arguments: ["10000000000000000", "99999999999999999999999", "51", "0", "-1", "2.5", "x"])
  func epochsOutsideOneToFiftyAreUsageErrors(_ epochs: String) throws {
    let path = try file([chatLine])
    let inspect = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--epochs", epochs])
    #expect(inspect.code == 64)
    #expect(
      inspect.stderr.hasPrefix(
        "Error: The value '\(epochs)' is invalid for '--epochs <n|auto>': must be 1 to 50, or 'auto'\n"
      ), "\(inspect.stderr)")
    let train = ftcost([
      "train", "--model", "gpt-4o-mini", "--examples", "100", "--tokens-per-example", "100", "--epochs", epochs,
    ])
    #expect(train.code == 64)
    #expect(train.stderr.contains("must be 1 to 50, or 'auto'"))
  }

  /// Training sizes beyond the priced limits are an error naming the value and the limit, never a
  /// trap (the checked products behind them are tested in the library).
  @Test func trainingTotalsBeyondTheLimitsAreErrors() {
    let huge = ftcost([
      "train", "--model", "gpt-4o-mini", "--examples", "9223372036854775807", "--tokens-per-example", "2",
    ])
    #expect(huge.code == 1)
    #expect(huge.stderr == "Error: examples must be at most 1,000,000,000 (found 9,223,372,036,854,775,807)\n")
    let perEpoch = ftcost([
      "train", "--model", "gpt-4o-mini", "--training-tokens", "9000000000000000000", "--epochs", "2",
    ])
    #expect(perEpoch.code == 1)
    #expect(
      perEpoch.stderr
        == "Error: training tokens per epoch must be at most 1,000,000,000,000,000 (found 9,000,000,000,000,000,000)\n")
  }

  @Test func fiftyEpochsIsTheMost() throws {
    let path = try file([chatLine])
    let result = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--epochs", "50", "--format", "json"])
    let json = try parseJSON(result.stdout)
    #expect(json["epochs"]?.kind == .number("50"))
    guard case .number(let text)? = json["billed_tokens_per_epoch"]?.kind, let perEpoch = Int64(text) else {
      Issue.record("no billed_tokens_per_epoch in \(result.stdout)")
      return
    }
    #expect(json["estimates"]?.arrayValue?.first?["training_tokens"]?.kind == .number("\(perEpoch * 50)"))
  }

  @Test(arguments: [
    (["--max-errors", "0"], "'--max-errors <n>': must be 1 to 1,000,000,000"),
    (
      ["--max-errors", "9223372036854775808"],
      "'--max-errors <n>': must be 1 to 1,000,000,000"
    ),
  ])
  func inspectCountsAreRangeChecked(_ flags: [String], _ message: String) throws {
    let path = try file([chatLine])
    let result = ftcost(["dataset", "inspect", path] + flags)
    #expect(result.code == 64)
    #expect(result.stderr.contains("is invalid for \(message)"), "\(result.stderr)")
  }

  @Test func buildCountsAreRangeChecked() throws {
    let logs = try file([chatLine])
    let out = (logs as NSString).deletingLastPathComponent + "/train.jsonl"
    for (flag, value) in [("--min-messages", "1e30"), ("--seed", "-3"), ("--seed", "18446744073709551616")] {
      let result = ftcost(["dataset", "build", logs, "--out", out, flag, value])
      #expect(result.code == 64, "\(flag) \(value)")
      #expect(
        result.stderr.hasPrefix(
          "Error: The value '\(value)' is invalid for '\(flag) <n>': must be 0 to \(flag == "--seed" ? "1,000,000,000,000" : "10,000")"
        ), "\(result.stderr)")
    }
  }

  @Test func utf16FileIsOneErrorNotOnePerLine() throws {
    let path = try temporaryFolder().appendingPathComponent("data.jsonl").path
    let text = (1...50).map { chatLine.replacingOccurrences(of: "Hi", with: "Hi \($0)") }.joined(separator: "\n") + "\n"
    try Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(
      to: URL(fileURLWithPath: path))
    let result = ftcost(["dataset", "inspect", path])
    #expect(result.code == 1)
    #expect(
      result.stderr
        == "Error: \(path) is UTF-16 text (little-endian, with a byte order mark); ftcost reads UTF-8 JSONL with LF or CRLF line breaks. Convert it first: iconv -f UTF-16 -t UTF-8 \(path) > \(path.dropLast(6)).utf8.jsonl\n"
    )
  }

  @Test func crOnlyFileIsOneErrorNotOnePerLine() throws {
    let path = try temporaryFolder().appendingPathComponent("data.jsonl").path
    try ([chatLine, chatLine.replacingOccurrences(of: "Hi", with: "Hey")].joined(separator: "\r") + "\r").write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = ftcost(["dataset", "inspect", path])
    #expect(result.code == 1)
    #expect(
      result.stderr
        == "Error: \(path) is text whose lines end in a lone carriage return (CR, as on classic Mac OS); ftcost reads UTF-8 JSONL with LF or CRLF line breaks. Convert it first: tr '\\r' '\\n' < \(path) > \(path.dropLast(6)).utf8.jsonl\n"
    )
  }

  @Test func buildOfOnlyInvalidLinesCountsThem() throws {
    let logs = try file(["{oops", #"{"messages": [{"role": "user", "content": "q"}], "rating": 5}"#])
    let out = (logs as NSString).deletingLastPathComponent + "/train.jsonl"
    let result = ftcost(["dataset", "build", logs, "--out", out])
    #expect(result.code == 1)
    #expect(
      result.stderr
        == "Error: \(logs): no conversation kept from the 2 lines read; dropped 1 invalid_json (not a JSON object), 1 too_few_messages (fewer than --min-messages 2 messages); nothing was written\n"
    )
  }
}
