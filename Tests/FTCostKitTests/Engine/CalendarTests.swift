import Foundation
import Testing

@testable import FTCostKit

@Suite struct CalendarTests {
  /// d_m = start + (m−1) calendar months, the day clamped to the month's length, counted from the
  /// start each time (so the 31st comes back after February).
  @Test func monthsAreRealDateRangesClampedToTheMonthsLength() throws {
    let calendar = ScenarioCalendar(start: try #require(ISODate("2027-01-31")), horizonMonths: 3)
    #expect(calendar.firstDay(ofMonth: 2) == ISODate("2027-02-28"))
    #expect(calendar.firstDay(ofMonth: 3) == ISODate("2027-03-31"))
    #expect(calendar.days(inMonth: 1) == 28)
    #expect(calendar.days(inMonth: 2) == 31)
    #expect(calendar.horizonEnd == ISODate("2027-04-30"))
    #expect(calendar.searchMonths == 120)
    #expect(calendar.month(containing: try #require(ISODate("2027-02-27"))) == 1)
    #expect(calendar.month(containing: try #require(ISODate("2027-02-28"))) == 2)
    #expect(calendar.month(containing: try #require(ISODate("2027-01-30"))) == nil)
  }

  /// A fractional lead time L ends round_half_up(frac(L) · n_m) days into month ⌊L⌋ + 1.
  @Test(
    arguments: [
      ("0", "2027-01-01"), ("1", "2027-02-01"), ("1.5", "2027-02-15"), ("0.5", "2027-01-17"), ("0.25", "2027-01-09"),
      ("2.7", "2027-03-23"),
    ])
  func leadTimeEnds(months: String, end: String) throws {
    let calendar = ScenarioCalendar(start: try #require(ISODate("2027-01-01")), horizonMonths: 12)
    // 0.5 · 31 = 15.5 rounds up to 16 days; 0.25 · 31 = 7.75 → 8; 0.7 · 31 = 21.7 → 22.
    #expect(calendar.leadTimeEnd(months: dec(months)) == ISODate(end))
  }
}
