import Foundation

/// A standalone SVG line chart of each strategy's cumulative cost over the horizon, with payback
/// points marked: what a finance deck needs, without a plotting library.
public struct CumulativeCostChart {
  public var result: ScenarioResult
  public var money: MoneyFormat

  public init(result: ScenarioResult, money: MoneyFormat = MoneyFormat()) {
    self.result = result
    self.money = money.currency(result.currency)
  }

  static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

  /// Cumulative cost at the end of months 0 … H (month 0 holds the one-time cost).
  static func cumulative(oneTime: Decimal, monthly: [Decimal]) -> [Decimal] {
    var running = oneTime
    return [oneTime]
      + monthly.map {
        running += $0; return running
      }
  }

  public func svg() -> String {
    let width = 860.0, height = 500.0
    let left = 100.0, right = 220.0, top = 50.0, bottom = 60.0
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    let horizon = result.scenario.horizonMonths
    var series: [(String, [Decimal], CandidateFigures?)] = [
      (
        result.baseline.cost.plan.name + " (baseline)",
        Self.cumulative(oneTime: result.baseline.cost.oneTimeCost, monthly: result.baselineMonthlyCost), nil
      )
    ]
    // A candidate that cannot run has no costs to draw.
    for candidate in result.candidates {
      guard let figures = candidate.figures else { continue }
      series.append(
        (candidate.name, Self.cumulative(oneTime: figures.cost.oneTimeCost, monthly: figures.monthlyCost), figures))
    }
    let maximum = series.flatMap(\.1).max() ?? 1
    let top10 = Self.niceCeiling(maximum)
    func x(_ month: Double) -> Double { left + plotWidth * month / Double(max(horizon, 1)) }
    func y(_ value: Decimal) -> Double {
      let fraction = top10 == 0 ? 0 : NSDecimalNumber(decimal: value / top10).doubleValue
      return top + plotHeight * (1 - fraction)
    }
    func f(_ value: Double) -> String { String(format: "%.1f", value) }
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
      <title>\(Self.escape(result.scenario.name)): cumulative cost</title>
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="\(f(left))" y="28" font-size="16" font-weight="bold">\(Self.escape(result.scenario.name))</text>

      """
    // Grid and y ticks.
    for step in 0...5 {
      let value = top10 * Decimal(step) / 5
      let yy = y(value)
      svg +=
        "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(yy))\" stroke=\"#e0e0e0\"/>\n"
      svg +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(Self.escape(money.total(value)))</text>\n"
    }
    let tickEvery = max(1, horizon / 12)
    for month in stride(from: 0, through: horizon, by: tickEvery) {
      let xx = x(Double(month))
      svg +=
        "<line x1=\"\(f(xx))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(xx))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#333\"/>\n"
      svg += "<text x=\"\(f(xx))\" y=\"\(f(top + plotHeight + 20))\" text-anchor=\"middle\">\(month)</text>\n"
    }
    svg +=
      "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\"/>\n"
    svg +=
      "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\"/>\n"
    svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">month</text>\n"
    svg +=
      "<text transform=\"translate(20 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">cumulative cost (\(Self.escape(result.currency)))</text>\n"
    for (offset, entry) in series.enumerated() {
      let color = Self.palette[offset % Self.palette.count]
      let points = entry.1.enumerated().map { "\(f(x(Double($0.offset)))),\(f(y($0.element)))" }.joined(separator: " ")
      svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
      let legendY = top + 20 * Double(offset)
      svg +=
        "<line x1=\"\(f(width - right + 15))\" y1=\"\(f(legendY))\" x2=\"\(f(width - right + 35))\" y2=\"\(f(legendY))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
      svg += "<text x=\"\(f(width - right + 40))\" y=\"\(f(legendY + 4))\">\(Self.escape(entry.0))</text>\n"
      if let figures = entry.2, let payback = figures.paybackMonths, payback <= Decimal(horizon) {
        let month = NSDecimalNumber(decimal: payback).doubleValue
        let whole = min(Int(month), horizon - 1)
        let fraction = Decimal(month - Double(whole))
        let value = entry.1[whole] + (entry.1[whole + 1] - entry.1[whole]) * fraction
        svg +=
          "<circle cx=\"\(f(x(month)))\" cy=\"\(f(y(value)))\" r=\"5\" fill=\"\(color)\" stroke=\"#000\"><title>payback: \(Self.escape(ScenarioReport(result: result, money: money).payback(payback)))</title></circle>\n"
        svg +=
          "<text x=\"\(f(x(month) + 8))\" y=\"\(f(y(value) - 8))\" fill=\"\(color)\">payback \(Self.escape(ScenarioReport(result: result, money: money).payback(payback)))</text>\n"
      }
    }
    svg += "</svg>\n"
    return svg
  }

  /// The next round number at or above `value` (1, 2 or 5 times a power of ten).
  static func niceCeiling(_ value: Decimal) -> Decimal {
    guard value > 0, value.isFinite else { return 1 }
    var power: Decimal = 1
    // Decimal spans about 10^±165, so 400 steps each way bound the loops whatever the value.
    for _ in 0..<400 where power * 10 <= value { power *= 10 }
    for _ in 0..<400 where power > value { power /= 10 }
    for step: Decimal in [1, 2, 5, 10] where step * power >= value { return step * power }
    return power * 10
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
