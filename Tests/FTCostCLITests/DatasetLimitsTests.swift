import FTCostKit
import Foundation
import Testing

/// Flag values out of range, each a usage error naming the value and the allowed range.
@Suite struct DatasetLimitsTests {
  /// Out-of-range epochs are a usage error (exit 64) naming the value and the allowed range.
  @Test(arguments: ["10000000000000000", "99999999999999999999999", "51", "0", "-1", "2.5", "x"])
  func epochsOutsideOneToFiftyAreUsageErrors(_ epochs: String) throws {
    let path = try file([chatLine])
    let inspect = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--epochs", epochs])
    #expect(inspect.code == 64)
    #expect(
      inspect.stderr.hasPrefix(
        "Error: The value '\(epochs)' is invalid for '--epochs <n|auto>': expected a whole number from 1 to 50, or auto\n"
      ), "\(inspect.stderr)")
    let train = ftcost([
      "train", "--model", "gpt-4o-mini", "--examples", "100", "--tokens-per-example", "100", "--epochs", epochs,
    ])
    #expect(train.code == 64)
    #expect(train.stderr.contains("expected a whole number from 1 to 50, or auto"))
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
    (["--max-errors", "0"], "'--max-errors <n>': expected a whole number from 1 to 9,223,372,036,854,775,807"),
    (
      ["--max-errors", "9223372036854775808"],
      "'--max-errors <n>': expected a whole number from 1 to 9,223,372,036,854,775,807"
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
          "Error: The value '\(value)' is invalid for '\(flag) <n>': expected a whole number from 0 to 9,223,372,036,854,775,807"
        ), "\(result.stderr)")
    }
  }
}
