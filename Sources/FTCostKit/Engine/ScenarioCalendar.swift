import Foundation

/// The months of a scenario as real date ranges: month m covers [d_m, d_{m+1}) with
/// d_m = start + (m−1) calendar months (the day clamped to the month's length).
public struct ScenarioCalendar: Sendable {
  public let start: ISODate
  /// Months compared (H).
  public let horizonMonths: Int
  /// Months the payback search may look at: max(120, 10·H).
  public let searchMonths: Int
  /// d_1 … d_{searchMonths+1}, and the same as days since 1970-01-01.
  private let firstDays: [ISODate]
  private let boundaries: [Int]

  public init(start: ISODate, horizonMonths: Int) {
    self.start = start
    self.horizonMonths = horizonMonths
    searchMonths = max(120, 10 * horizonMonths)
    firstDays = (0...searchMonths).map { start.adding(months: $0) }
    boundaries = firstDays.map(\.daysSinceEpoch)
  }

  /// d_m, the first day of month m (1-based; up to searchMonths + 1).
  public func firstDay(ofMonth month: Int) -> ISODate {
    firstDays[month - 1]
  }

  /// n_m, the days in month m.
  public func days(inMonth month: Int) -> Int {
    boundaries[month] - boundaries[month - 1]
  }

  /// The first day after the horizon, d_{H+1}.
  public var horizonEnd: ISODate { firstDay(ofMonth: horizonMonths + 1) }

  /// The first day after the payback search window.
  public var searchEnd: ISODate { firstDay(ofMonth: searchMonths + 1) }

  /// The month holding `date` (1-based), or `nil` before the start or after the search window.
  public func month(containing date: ISODate) -> Int? {
    let day = date.daysSinceEpoch
    guard day >= boundaries[0], day < boundaries[searchMonths] else { return nil }
    var low = 0
    var high = searchMonths
    while high - low > 1 {
      let middle = (low + high) / 2
      if boundaries[middle] <= day { low = middle } else { high = middle }
    }
    return low + 1
  }

  /// The day a lead time of `months` ends: whole months, then round_half_up(frac(L) · n_m) days
  /// into month m = ⌊L⌋ + 1.
  public func leadTimeEnd(months: Decimal) -> ISODate {
    guard months > 0 else { return start }
    let whole = months.rounded(scale: 0, .down)
    let wholeMonths = Int(truncating: whole as NSDecimalNumber)
    if wholeMonths >= searchMonths { return searchEnd }
    let month = wholeMonths + 1
    let fraction = months - whole
    let days = (fraction * Decimal(self.days(inMonth: month))).rounded(scale: 0, .plain)
    return ISODate(daysSinceEpoch: boundaries[month - 1] + Int(truncating: days as NSDecimalNumber))
  }
}
