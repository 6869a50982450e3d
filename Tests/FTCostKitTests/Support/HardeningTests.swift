import Foundation
import Testing

@testable import FTCostKit

@Suite struct TerminalTextTests {
  @Test func controlCharactersBecomeVisibleEscapes() {
    #expect(TerminalText.escaped("plain name") == "plain name")
    #expect(TerminalText.escaped("\u{1B}]0;pwned\u{07}x") == "\\x1B]0;pwned\\x07x")
    #expect(TerminalText.escaped("a\rb") == "a\\x0Db")
    #expect(TerminalText.escaped("a,b\r\nc\r") == "a,b\r\nc\\x0D")
    #expect(TerminalText.escaped("del\u{7F} csi\u{9B}") == "del\\x7F csi\\x9B")
    #expect(TerminalText.escaped("line\n\ttab") == "line\n\ttab")
  }

  /// ftcost's own bold, reset and clear-line sequences, and a progress line's leading carriage
  /// return, pass unchanged.
  @Test func ownSequencesPass() {
    #expect(TerminalText.escaped("\u{1B}[1mVerdict\u{1B}[0m") == "\u{1B}[1mVerdict\u{1B}[0m")
    #expect(TerminalText.escaped("\r\u{1B}[K") == "\r\u{1B}[K")
  }

  @Test func jsonStringsEscapeEveryControlCharacter() {
    #expect(JSON.quoted("a\u{1B}b\u{7F}c\u{9B}") == "\"a\\u001bb\\u007fc\\u009b\"")
  }
}

@Suite struct CSVInjectionTests {
  @Test(
    arguments: [
      ("=cmd|calc", "'=cmd|calc"), ("+1+1", "'+1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2+3", "'-2+3"), ("\tx", "'\tx"),
      ("-$12.50", "-$12.50"), ("-1,234.5", "-1,234.5"), ("-15%", "-15%"), ("-", "-"), ("GPT-5", "GPT-5"),
      ("$1,105.00", "$1,105.00"),
    ])
  func formulaPrefixesAreNeutralised(cell: String, expected: String) {
    #expect(TextTable.neutralizingFormula(cell) == expected)
  }
}

@Suite struct NumericLimitTests {
  @Test(
    arguments: [
      (
        #"{"requests_per_month": 1000, "user_tokens": 9223372036854775807, "output_tokens": 1}"#,
        "workload.user_tokens", "must be at most 100,000,000"
      ),
      (
        #"{"requests_per_month": 1000, "monthly_growth": 11, "user_tokens": 1, "output_tokens": 1}"#,
        "workload.monthly_growth", "must be -1 to 10"
      ),
      (
        #"{"requests_per_month": 1e13, "user_tokens": 1, "output_tokens": 1}"#, "workload.requests_per_month",
        "at most 1,000,000,000,000"
      ),
    ])
  func workloadValuesAreRangeChecked(workload: String, path: String, message: String) {
    let text = scenarioText(
      workload: workload, candidates: #"{"name": "c", "strategy": "prompting", "model": "small"}"#)
    let problems = scenarioProblems(text)
    #expect(problems.contains { $0.path == path && $0.message.contains(message) }, "\(problems)")
  }

  @Test func epochsAreCappedAtFifty() throws {
    let text = scenarioText(
      candidates: #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 100, "epochs": 51}"#)
    #expect(scenarioProblems(text).contains { $0.path == "candidates[0].epochs" && $0.message.contains("1 to 50") })
    let model = try acmeCatalog().model(named: "small")
    #expect(throws: TrainingError.badEpochs(10_000_000_000_000_000)) {
      try TrainingPlan.resolve(
        model: model, examples: 100, tokensPerExample: 100, trainingTokens: nil, defaultExampleTokens: nil,
        epochs: 10_000_000_000_000_000, hours: nil)
    }
  }

  /// Example counts near Int64.max never trap: the limits refuse them with the value and the range.
  @Test func hugeTrainingSizesAreErrorsNotTraps() throws {
    let model = try acmeCatalog().model(named: "small")
    #expect(throws: TrainingError.self) {
      try TrainingPlan.resolve(
        model: model, examples: .max, tokensPerExample: 2, trainingTokens: nil, defaultExampleTokens: nil, epochs: nil,
        hours: nil)
    }
    #expect(try TrainingPlan.automaticEpochs(examples: .max) == 1)
    #expect(try TrainingPlan.automaticEpochs(examples: 33) == 3)
    #expect(try TrainingPlan.automaticEpochs(examples: 34) == 3)
    #expect(try TrainingPlan.automaticEpochs(examples: 32) == 3)
  }

  /// Figures that overflow exact decimals are an error, never NaN.
  @Test func overflowingFiguresAreAnError() throws {
    let text = scenarioText(
      workload:
        #"{"requests_per_month": 1000000000000, "monthly_growth": 10, "user_tokens": 100000000, "output_tokens": 0}"#,
      candidates: #"{"name": "c", "strategy": "prompting", "model": "small"}"#
    ).replacingOccurrences(of: "\"horizon_months\": 12", with: "\"horizon_months\": 600")
    #expect {
      try run(text)
    } throws: { error in
      String(describing: error).contains("use a lower monthly_growth or a shorter horizon")
    }
    #expect(JSON.number(Decimal.nan).rendered() == "null")
    #expect(MoneyFormat().total(.nan) == "n/a")
    #expect(ChartAxes.yScale(maximum: .nan).top == 1)
  }

  @Test func currencyIsAnISOCodeAndPrintedFromTheTable() {
    let problems = pricingProblems(
      tableText(model: #"{"id": "m", "inference": {"input": 1, "output": 2}}"#, currency: "XYZ"))
    #expect(problems.contains { $0.path == "currency" && $0.message.contains("is not an ISO 4217 code") })
    #expect(
      pricingProblems(tableText(model: #"{"id": "m", "inference": {"input": 1, "output": 2}}"#, currency: "EUR"))
        .isEmpty)
    #expect(MoneyFormat(currency: "EUR").total(dec("-12.5")) == "-EUR 12.50")
    #expect(MoneyFormat().total(dec("12.5")) == "$12.50")
  }
}
