import Foundation
import Testing

@testable import FTCostKit

/// Every scenario under examples/, by file name.
let exampleFiles: [String] = {
  let folder = repositoryRoot.appendingPathComponent("examples").path
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  return names.filter { $0.hasSuffix(".json") }.sorted()
}()

/// The result of an example scenario, priced with the shipped tables on the tests' fixed today.
func exampleResult(_ name: String) throws -> ScenarioResult {
  let path = repositoryRoot.appendingPathComponent("examples/\(name)").path
  let (scenario, _, file) = try ScenarioLoader.load(file: path, overrides: [], horizon: nil)
  return try ScenarioEngine.run(scenario, catalog: shippedCatalog(), today: testToday, file: file)
}

/// The amount a money cell shows people (`-$1,234.56` read back as -1234.56); `nil` for any other text.
func shownMoney(_ text: String) -> Decimal? {
  var digits = text
  let negative = digits.hasPrefix("-")
  if negative { digits.removeFirst() }
  guard digits.hasPrefix("$") else { return nil }
  digits = String(digits.dropFirst()).replacingOccurrences(of: ",", with: "")
  guard let value = try? DecimalParser.parse(digits) else { return nil }
  return negative ? -value : value
}

extension ReportTable {
  /// The index of the column whose CSV name is `key`.
  func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

  /// What record or row `row` shows people under `key`, read back as an amount of money.
  func money(_ row: [ReportCell], _ key: String, _ format: MoneyFormat) -> Decimal? {
    guard let index = column(key), index < row.count else { return nil }
    return shownMoney(row[index].display(format))
  }
}

/// RFC 4180 CSV read back into records: quoted fields, doubled quotes, CRLF line ends.
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var scalars = Array(text.unicodeScalars)[...]
  while let scalar = scalars.popFirst() {
    if quoted {
      if scalar == "\"" {
        if scalars.first == "\"" {
          field.unicodeScalars.append("\"")
          scalars.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(scalar)
      }
    } else if scalar == "\"" {
      quoted = true
    } else if scalar == "," {
      record.append(field)
      field = ""
    } else if scalar == "\r" && scalars.first == "\n" {
      scalars.removeFirst()
      record.append(field)
      records.append(record)
      record = []
      field = ""
    } else {
      field.unicodeScalars.append(scalar)
    }
  }
  if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
  return records
}
