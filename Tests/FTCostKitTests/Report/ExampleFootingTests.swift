import Foundation
import Testing

@testable import FTCostKit

/// The footing rule on every example scenario: in the tables `compare` and `roi` print, the parts
/// shown add up to the totals shown, to the cent, under either rounding rule.
@Suite struct ExampleFootingTests {
  static let cases: [(String, RoundingRule)] = exampleFiles.flatMap { name in
    RoundingRule.allCases.map { (name, $0) }
  }

  @Test(arguments: cases)
  func comparisonRowsFoot(example: String, rule: RoundingRule) throws {
    let format = MoneyFormat(rounding: rule)
    let result = try exampleResult(example)
    let table = ScenarioReport(result: result, money: format).comparisonTable
    let unit = "_usd"
    var checked = 0
    for row in table.rows {
      guard let total = table.money(row, "total\(unit)", format) else { continue }
      let oneTime = try #require(table.money(row, "one_time\(unit)", format))
      let running = try #require(table.money(row, "running\(unit)", format))
      #expect(oneTime + running == total, "\(example) \(row[0])")
      checked += 1
    }
    #expect(checked >= 2)
  }

  @Test(arguments: cases)
  func statementsFoot(example: String, rule: RoundingRule) throws {
    let format = MoneyFormat(rounding: rule)
    let result = try exampleResult(example)
    let report = ScenarioReport(result: result, money: format)
    let table = report.summaryTable(result.candidates)
    let investmentParts = table.columns.map(\.key).filter { $0.hasPrefix("investment_") && $0 != "investment_usd" }
    let runningParts = table.columns.map(\.key).filter { $0.hasPrefix("running_") && $0 != "running_cost_usd" }
    for row in table.rows {
      guard let investment = table.money(row, "investment_usd", format) else { continue }
      func shown(_ key: String) throws -> Decimal { try #require(table.money(row, key, format), "\(key)") }
      let candidateOneTime = try investmentParts.map(shown).reduce(0, +)
      let baselineOneTime = table.column("baseline_one_time_usd") == nil ? 0 : try shown("baseline_one_time_usd")
      #expect(candidateOneTime + baselineOneTime == investment, "\(example) investment")
      let running = try shown("running_cost_usd")
      #expect(try runningParts.map(shown).reduce(0, +) == running, "\(example) running")
      let savings = try shown("savings_usd")
      let baselineTCO = try shown("baseline_tco_usd")
      #expect(baselineTCO + baselineOneTime - running == savings, "\(example) savings")
      #expect(savings - investment == (try shown("net_benefit_usd")), "\(example) net")
      let tco = try shown("tco_usd")
      #expect(candidateOneTime + running == tco, "\(example) tco")
      #expect(baselineTCO - tco == (try shown("net_benefit_usd")), "\(example) tco against the baseline")
      #expect(
        (try shown("baseline_cost_month_1_usd")) - (try shown("candidate_cost_month_1_usd"))
          == (try shown("savings_month_1_usd")))
    }
  }

  @Test(arguments: cases)
  func cashFlowsFootBothWays(example: String, rule: RoundingRule) throws {
    let format = MoneyFormat(rounding: rule)
    let result = try exampleResult(example)
    let report = ScenarioReport(result: result, money: format)
    let summary = report.summaryTable(result.candidates)
    for (index, candidate) in result.candidates.enumerated() {
      guard let table = report.cashFlowTable(candidate) else { continue }
      let statement = summary.rows[index]
      let fixed: Set<String> = [
        "month", "date", "requests", "baseline_cost_usd", "candidate_cost_usd", "savings_usd",
        "cumulative_savings_usd", "discount_factor", "discounted_savings_usd",
      ]
      let parts = table.columns.map(\.key).filter { !fixed.contains($0) }
      #expect(!parts.isEmpty)
      func shown(_ row: [ReportCell], _ key: String) throws -> Decimal {
        try #require(table.money(row, key, format), "\(example) \(candidate.name) \(key)")
      }
      var cumulative: Decimal = 0
      for row in table.rows {
        let cost = try shown(row, "candidate_cost_usd")
        #expect(try parts.map { try shown(row, $0) }.reduce(0, +) == cost, "\(example) month \(row[0])")
        let savings = try shown(row, "savings_usd")
        #expect(try shown(row, "baseline_cost_usd") - cost == savings)
        cumulative += savings
        #expect(try shown(row, "cumulative_savings_usd") == cumulative)
      }
      let totals = try #require(table.totals)
      for key in parts + ["baseline_cost_usd", "candidate_cost_usd", "savings_usd", "discounted_savings_usd"] {
        let sum = try table.rows.map { try shown($0, key) }.reduce(0, +)
        #expect(sum == (try shown(totals, key)), "\(example) \(candidate.name) column \(key)")
      }
      #expect(try shown(totals, "candidate_cost_usd") == summary.money(statement, "tco_usd", format))
      #expect(try shown(totals, "savings_usd") == summary.money(statement, "net_benefit_usd", format))
      #expect(try shown(totals, "discounted_savings_usd") == summary.money(statement, "npv_usd", format))
      #expect(try shown(table.rows[0], "savings_usd") == -(summary.money(statement, "investment_usd", format) ?? 0))
    }
  }
}
