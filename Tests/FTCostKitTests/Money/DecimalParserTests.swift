import Foundation
import Testing

@testable import FTCostKit

@Suite struct DecimalParserTests {
  @Test(arguments: [
    ("1000", "1000"), ("1_000_000", "1000000"), ("0.15", "0.15"), ("1e6", "1000000"),
    ("2.5e-7", "0.00000025"), ("-3", "-3"), ("0.1", "0.1"), (".5", "0.5"), ("1E+2", "100"), ("0", "0"),
  ])
  func acceptsExactDecimals(text: String, expected: String) throws {
    let value = try DecimalParser.parse(text)
    #expect(value.description == expected)
  }

  @Test(arguments: [
    "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "3.14abc", "0x10", "", "1__0", "_1", "1_", "1e", ".", "--1",
    "1.2.3", " 1",
  ])
  func rejectsNonNumbers(text: String) {
    #expect(throws: NumberError.self) { try DecimalParser.parse(text) }
  }

  @Test func messagesNameTheProblem() {
    #expect(NumberError.notFinite("nan").description == "'nan' is not a finite number")
    #expect(NumberError.empty.description == "an empty value is not a number")
    #expect(throws: NumberError.outOfRange("1e999")) { try DecimalParser.parse("1e999") }
    #expect(throws: NumberError.notANumber("0x10")) { try DecimalParser.parse("0x10") }
  }

  @Test func tenthIsExactInSums() throws {
    let tenth = try DecimalParser.parse("0.1")
    #expect(tenth + tenth + tenth == dec("0.3"))
  }

  @Test func countsMustBeWhole() throws {
    #expect(try DecimalParser.parseCount("1_666_667") == 1_666_667)
    #expect(throws: NumberError.self) { try DecimalParser.parseCount("1.5") }
    #expect(throws: NumberError.self) { try DecimalParser.parseCount("-1") }
  }
}

@Suite struct MoneyFormatTests {
  let money = MoneyFormat()

  @Test func totalsRoundToCentsHalfAwayFromZero() {
    #expect(money.total(dec("1234.565")) == "$1,234.57")
    #expect(money.total(dec("-1234.565")) == "-$1,234.57")
    #expect(money.total(dec("0.005")) == "$0.01")
    #expect(money.total(dec("1140")) == "$1,140.00")
    #expect(money.total(dec("1234567.891")) == "$1,234,567.89")
  }

  @Test func bankersRoundingOnRequest() {
    let bankers = MoneyFormat(rounding: .halfEven)
    #expect(bankers.total(dec("0.125")) == "$0.12")
    #expect(bankers.total(dec("0.135")) == "$0.14")
    #expect(money.total(dec("0.125")) == "$0.13")
  }

  @Test func unitFiguresKeepSixSignificantDigits() {
    #expect(money.unit(dec("0.000036")) == "$0.000036")
    #expect(money.unit(dec("0.00027")) == "$0.00027")
    #expect(money.unit(dec("0.0012345678")) == "$0.00123457")
    #expect(money.unit(dec("1.25")) == "$1.25")
    #expect(money.unit(dec("1234.5678")) == "$1,234.57")
    #expect(money.unit(0) == "$0.00")
  }

  @Test func ratiosAndPercentages() {
    #expect(money.ratio(dec("31.571428")) == "31.57")
    #expect(money.percent(dec("31.571428")) == "3,157%")
    #expect(MoneyFormat.count(dec("1666667")) == "1,666,667")
  }

  @Test func twelfthRootIsExactEnoughForMonthlyRates() {
    let monthly = dec("1.1").root(12)
    let back = monthly.power(12)
    #expect((back - dec("1.1")).magnitude < dec("1e-30"))
  }
}
