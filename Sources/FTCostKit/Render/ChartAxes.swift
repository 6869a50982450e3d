import Foundation

/// Axes for charts: a y scale in round 1-2-5 steps from the data, and month ticks that never
/// crowd each other, labelled with dates when the scenario has a start date.
struct ChartAxes {
  /// The top of the y axis and its step: the step is the smallest 1, 2 or 5 × 10^k giving at most
  /// `ticks` intervals, the top the first step at or above `maximum`.
  static func yScale(maximum: Decimal, ticks: Int = 5) -> (top: Decimal, step: Decimal) {
    guard maximum > 0, maximum.isFinite else { return (1, Decimal(sign: .plus, exponent: -1, significand: 2)) }
    let raw = maximum / Decimal(ticks)
    var power: Decimal = 1
    // Decimal spans about 10^±165, so 400 steps each way bound the loops whatever the value.
    for _ in 0..<400 where power * 10 <= raw { power *= 10 }
    for _ in 0..<400 where power > raw { power /= 10 }
    var step = power * 10
    for factor: Decimal in [1, 2, 5] where factor * power >= raw {
      step = factor * power
      break
    }
    let count = (maximum / step).rounded(scale: 0, .up)
    return (max(count, 1) * step, step)
  }

  /// An amount on the y axis: whole dollars when the step is a dollar or more.
  static func label(_ value: Decimal, step: Decimal, money: MoneyFormat) -> String {
    if step >= 1 { return money.dollars(value.rounded(scale: 0, .plain), minimumFractionDigits: 0) }
    return money.dollars(value.rounded(scale: 2, .plain), minimumFractionDigits: 2)
  }

  /// The months 0 … H that get a tick, labels not closer than their width, and each label.
  ///
  /// Month i is the boundary after month i (0 is the start); with dates, it is labelled with the
  /// first day of month i + 1 (`2027-01`, or the whole date when months do not start on the 1st).
  static func monthTicks(
    horizon: Int, plotWidth: Double, calendar: ScenarioCalendar, dated: Bool, size: Double
  ) -> [(month: Int, label: String)] {
    func label(_ month: Int) -> String {
      guard dated else { return String(month) }
      let day = calendar.firstDay(ofMonth: month + 1).description
      return day.hasSuffix("-01") ? String(day.prefix(7)) : day
    }
    let widest = (0...horizon).map { ChartText.width(label($0), size: size) }.max() ?? 0
    let perMonth = plotWidth / Double(max(horizon, 1))
    let every =
      [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 600].first { Double($0) * perMonth >= widest + 10 } ?? horizon
    return stride(from: 0, through: horizon, by: max(every, 1)).map { ($0, label($0)) }
  }
}
