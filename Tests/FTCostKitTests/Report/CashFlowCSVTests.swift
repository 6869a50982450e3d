import Foundation
import Testing

@testable import FTCostKit

/// `roi --format csv --table cashflow` from the Swift side: RFC 4180, numbers only but for the header
/// and the date column, a month-0 row, and columns that add up to the JSON totals to the cent.
@Suite struct CashFlowCSVTests {
  /// A plain number: an optional minus, digits, optional decimals; no sign, grouping or unit.
  static func isNumber(_ cell: String) -> Bool { cell.wholeMatch(of: #/-?[0-9]+(\.[0-9]+)?/#) != nil }

  static func isDate(_ cell: String) -> Bool { cell.wholeMatch(of: #/[0-9]{4}-[0-9]{2}-[0-9]{2}/#) != nil }

  @Test(arguments: exampleFiles)
  func cashFlowCSVAddsUpToTheJSON(example: String) throws {
    let result = try exampleResult(example)
    let json = try JSONParser.parse(result.json().rendered())
    let jsonCandidates = try #require(json["candidates"]?.arrayValue)
    func amount(_ node: JSONNode?) throws -> Decimal {
      // JSON carries up to 38 significant digits, more than the parser of user input accepts.
      let text = try #require(node?.numberText, "a number in the JSON")
      return try #require(Decimal(string: text))
    }
    let baselineTotal = try amount(json["baseline"]?["total_cost"])
    for (index, candidate) in result.candidates.enumerated() where candidate.figures != nil {
      let report = ScenarioReport(result: result).roiReport([candidate])
      let csv = try report.rendered(as: .csv, options: RenderOptions(table: "cashflow"))
      #expect(csv.hasSuffix("\r\n"))
      let records = parseCSV(csv)
      let header = try #require(records.first)
      let rows = Array(records.dropFirst())
      #expect(header.allSatisfy { $0.wholeMatch(of: #/[a-z0-9_]+/#) != nil }, "\(header)")
      #expect(rows.count == result.scenario.horizonMonths + 1)
      #expect(rows.allSatisfy { $0.count == header.count })
      let dateColumn = try #require(header.firstIndex(of: "date"))
      for row in rows {
        for (column, cell) in row.enumerated() {
          if column == dateColumn {
            #expect(Self.isDate(cell), "\(cell)")
          } else {
            #expect(Self.isNumber(cell), "\(example) \(header[column]): '\(cell)'")
          }
        }
      }
      func column(_ key: String) throws -> [Decimal] {
        let at = try #require(header.firstIndex(of: key), "\(key) in \(header)")
        return try rows.map { row in
          let value = Decimal(string: row[at])
          return try #require(value)
        }
      }
      // Month 0 is the investment: no requests, the one-time costs, savings −ΔI.
      #expect(rows[0][0] == "0")
      #expect(try column("requests")[0] == 0)
      let node = jsonCandidates[index]
      let investment = try amount(node["investment"])
      #expect((try column("savings_usd")[0] + investment).magnitude <= dec("0.01"))
      // Requests are whole numbers where the volume is whole (it is not once it grows).
      let requests = try column("requests")
      #expect(
        requests.allSatisfy { $0 == $0.rounded(scale: 0, .plain) } || result.scenario.workload.monthlyGrowth != 0)
      // Totals: exact to the cent where the table foots to them, within a cent otherwise.
      func sum(_ key: String) throws -> Decimal { try column(key).reduce(0, +) }
      func cents(_ value: Decimal) -> Decimal { value.rounded(scale: 2, rule: .halfAwayFromZero) }
      #expect(try sum("candidate_cost_usd") == cents(try amount(node["total_cost"])))
      #expect(try sum("candidate_cost_usd") == cents(try amount(node["tco"])))
      #expect(try sum("baseline_cost_usd") == cents(baselineTotal))
      #expect(try sum("discounted_savings_usd") == cents(try amount(node["npv"])))
      #expect((try sum("savings_usd") - (try amount(node["net_benefit"]))).magnitude <= dec("0.01"))
      let last = try #require(try column("cumulative_savings_usd").last)
      #expect(last == (try sum("savings_usd")))
      // Each component column adds up to the JSON's component total.
      let oneTime = try #require(node["one_time_components"]?.members)
      var componentTotals: [String: Decimal] = [:]
      for member in oneTime { componentTotals[member.key, default: 0] += try amount(member.value) }
      for member in try #require(node["monthly_components"]?.members) {
        for month in member.value.arrayValue ?? [] { componentTotals[member.key, default: 0] += try amount(month) }
      }
      let components = header.filter { key in
        key.hasSuffix("_usd") && componentTotals[String(key.dropLast(4))] != nil
      }
      #expect(!components.isEmpty, "\(header) \(componentTotals.keys.sorted())")
      for key in components {
        let exact = try #require(componentTotals[String(key.dropLast(4))])
        #expect((try sum(key) - exact).magnitude < dec("0.01"), "\(example) \(key)")
      }
      // Discount factors fall from 1.
      let factors = try column("discount_factor")
      #expect(factors[0] == 1)
      #expect(zip(factors, factors.dropFirst()).allSatisfy { $0 >= $1 })
    }
  }
}
