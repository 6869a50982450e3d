import FTCostKit
import Foundation
import Testing

@Suite struct TerminalBehaviourTests {
  @Test func verdictIsBoldOnlyOnAColourTerminal() {
    #expect(ftcost(["compare"], terminal: true).stdout.contains("\u{1B}[1mVerdict: "))
    #expect(!ftcost(["compare"], environment: ["NO_COLOR": "1"], terminal: true).stdout.contains("\u{1B}["))
    #expect(!ftcost(["compare"]).stdout.contains("\u{1B}["))
  }

  @Test func progressShowsOnlyOnATerminalAndNotWithQuiet() throws {
    let path = try file((1...20).map { chatLine.replacingOccurrences(of: "Hi", with: "Hi \($0)") })
    let shown = ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini"], terminal: true)
    #expect(shown.stderr.contains("100% ("))
    #expect(
      !ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini", "--quiet"], terminal: true).stderr.contains("%"))
    #expect(!ftcost(["dataset", "inspect", path, "--model", "gpt-4o-mini"]).stderr.contains("%"))
  }

  @Test func validateAndTokensSpeakJSONAndCSV() throws {
    let validate = try parseJSON(ftcost(["pricing", "validate", "--format", "json"]).stdout)
    #expect(validate["files"]?.kind == .number("6"))
    #expect(validate["problems"]?.arrayValue?.isEmpty == true)
    let tokens = ftcost(["tokens", "--format", "csv"], stdin: "hello world")
    #expect(tokens.stdout == "file,encoding,estimate,tokens,bytes\r\n-,o200k_base,no,2,11\r\n")
  }
}
