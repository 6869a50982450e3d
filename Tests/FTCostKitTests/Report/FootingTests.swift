import Foundation
import Testing

@testable import FTCostKit

@Suite struct FootingTests {
  /// The investment: $14.62 + $5.03 + $3,000.00 + $8,000.00 showed $11,019.65 against a total
  /// of $11,019.64; the part whose rounding moved it furthest gives the cent back.
  @Test func anInvestmentFootsToItsTotal() {
    let parts = [dec("14.615"), dec("5.025"), dec("3000"), dec("8000")]
    let total = Footing.rounded(parts.reduce(0, +), rule: .halfAwayFromZero)
    #expect(total == dec("11019.64"))
    #expect(parts.map { Footing.rounded($0, rule: .halfAwayFromZero) }.reduce(0, +) == dec("11019.65"))
    let shown = Footing.allocate(parts, to: total, rule: .halfAwayFromZero)
    #expect(shown == [dec("14.61"), dec("5.03"), dec("3000"), dec("8000")])
    #expect(shown.reduce(0, +) == total)
  }

  /// The months summed to $20,578.46 against a total of $20,578.44: two cents go back, one
  /// each from the months rounded furthest up.
  @Test func monthsFootToTheirTotal() {
    let months = Array(repeating: dec("1714.87"), count: 8) + Array(repeating: dec("1714.875"), count: 4)
    let total = Footing.rounded(months.reduce(0, +), rule: .halfAwayFromZero)
    let plain = months.map { Footing.rounded($0, rule: .halfAwayFromZero) }.reduce(0, +)
    #expect(plain - total == dec("0.02"))
    let shown = Footing.allocate(months, to: total, rule: .halfAwayFromZero)
    #expect(shown.reduce(0, +) == total)
    #expect(shown.filter { $0 == dec("1714.87") }.count == 10)
    for (part, value) in zip(months, shown) { #expect((part - value).magnitude < dec("0.01")) }
  }

  @Test func aZeroPartNeverMovesWhileAnotherCan() {
    let shown = Footing.allocate([0, dec("0.005"), dec("0.005")], to: dec("0.01"), rule: .halfAwayFromZero)
    // The tie goes to the earlier part, which gives its cent back.
    #expect(shown == [0, 0, dec("0.01")])
  }

  @Test func fixedPartsStayAsGiven() {
    let shown = Footing.allocate(
      [dec("-35.004"), dec("10.006"), dec("10.006")], to: dec("-14.99"), fixed: [0: dec("-35.00")],
      rule: .halfAwayFromZero)
    #expect(shown[0] == dec("-35.00"))
    #expect(shown.reduce(0, +) == dec("-14.99"))
  }

  /// A table with totals both ways foots across and down, each figure within a cent of its exact
  /// value, on many seeded grids.
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
  func twoWayTablesFootBothWays(seed: Int) throws {
    var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let rows = 2 + next(30)
    let columns = 1 + next(6)
    // Amounts in thousandths of a cent, some zero, a few exactly half a cent.
    let grid: [[Decimal]] = (0..<rows).map { _ in
      (0..<columns).map { _ in
        switch next(4) {
        case 0: return 0
        case 1: return Decimal(next(200_000)) / 100 + dec("0.005")
        default: return Decimal(next(20_000_000)) / 100_000
        }
      }
    }
    let exact = grid.reduce(Decimal(0)) { $0 + $1.reduce(0, +) }
    for rule in RoundingRule.allCases {
      let total = Footing.rounded(exact, rule: rule)
      let result = try #require(ControlledRounding.round(grid, total: total, rule: rule))
      for (row, cells) in result.cells.enumerated() {
        #expect(cells.reduce(0, +) == result.rows[row])
        #expect((result.rows[row] - grid[row].reduce(0, +)).magnitude < dec("0.01"))
        for (cell, value) in zip(cells, grid[row]) { #expect((cell - value).magnitude < dec("0.01")) }
      }
      for column in 0..<columns {
        #expect(result.cells.reduce(Decimal(0)) { $0 + $1[column] } == result.columns[column])
        #expect((result.columns[column] - grid.reduce(Decimal(0)) { $0 + $1[column] }).magnitude < dec("0.01"))
      }
      #expect(result.rows.reduce(0, +) == total)
      #expect(result.columns.reduce(0, +) == total)
    }
  }

  /// One row of a two-way table rounds as the one-way rule does.
  @Test func oneRowIsTheLargestRemainderRule() throws {
    let parts = [dec("14.615"), dec("5.025"), dec("3000"), dec("8000")]
    let result = try #require(ControlledRounding.round([parts], total: dec("11019.64"), rule: .halfAwayFromZero))
    #expect(result.cells[0].reduce(0, +) == dec("11019.64"))
    #expect(result.cells[0][2] == 3000 && result.cells[0][3] == 8000)
  }
}
