import Foundation

/// A calendar date (proleptic Gregorian, no time zone), as pricing tables and scenarios write it.
public struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...ISODate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Today's date in UTC.
  public static func today(now: Date = Date()) -> ISODate {
    let days = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
    return ISODate(daysSinceEpoch: days)
  }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = month
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  public init(daysSinceEpoch days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let d = dayOfYear - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: ISODate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// The same day `count` months later, clamped to the month's last day.
  public func adding(months count: Int) -> ISODate {
    let total = year * 12 + (month - 1) + count
    let y = total / 12
    let m = total % 12 + 1
    return ISODate(year: y, month: m, day: min(day, ISODate.daysIn(month: m, year: y))) ?? self
  }

  /// The date a fractional number of months after `self`: whole months, then the fraction of
  /// the following month's days (so 0.37 months from 2027-01-01 is 2027-01-12).
  public func adding(fractionalMonths months: Decimal) -> ISODate {
    let whole = Int(truncating: months.rounded(scale: 0, .down) as NSDecimalNumber)
    let start = adding(months: whole)
    let end = adding(months: whole + 1)
    let fraction = months - Decimal(whole)
    let days = Int(truncating: (fraction * Decimal(start.days(to: end))).rounded(scale: 0, .plain) as NSDecimalNumber)
    return ISODate(daysSinceEpoch: start.daysSinceEpoch + days)
  }
}
