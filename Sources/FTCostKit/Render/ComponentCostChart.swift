import Foundation

/// A standalone SVG chart of each plan's monthly cost by component: one panel per plan (the
/// baseline first), stacked bars month by month on one shared scale, so what drives each plan's
/// cost (tokens, GPUs, retraining, operations) shows at a glance.
public struct ComponentCostChart {
  public var result: ScenarioResult
  public var money: MoneyFormat
  /// The candidates drawn after the baseline (those that cannot run are named, not drawn).
  public var candidates: [CandidateResult]
  /// The width of the drawing, in pixels.
  public var width: Double = 860

  public init(result: ScenarioResult, money: MoneyFormat = MoneyFormat(), candidates: [CandidateResult]? = nil) {
    self.result = result
    self.money = money.currency(result.currency)
    self.candidates = candidates ?? result.candidates
  }

  /// What the chart shows, in words.
  public var title: String { "Monthly cost by component" }

  /// One colour per cost component, in declaration order.
  static let palette = [
    "#4e79a7", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#f28e2b", "#bab0ac",
  ]

  static func color(_ component: CostComponent) -> String { palette[component.rawValue % palette.count] }

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    let horizon = result.scenario.horizonMonths
    let calendar = result.planned.calendar
    var panels: [(name: String, months: [ComponentAmounts])] = [
      (result.baseline.cost.plan.name + " (baseline)", result.baseline.monthlyComponents)
    ]
    var skipped: [String] = []
    for candidate in candidates {
      guard let figures = candidate.figures else {
        skipped.append("\(candidate.name): cannot run, not drawn")
        continue
      }
      panels.append((candidate.name, figures.monthlyComponents))
    }
    let used = CostComponent.allCases.filter { part in panels.contains { $0.months.contains { $0[part] != 0 } } }
    let maximum = panels.flatMap { $0.months.map(\.total) }.max() ?? 0
    let (yTop, step) = ChartAxes.yScale(maximum: maximum, ticks: 3)
    let left = 96.0, right = 28.0, size = 12.0, plotHeight = 130.0
    let inner = width - left - right
    let f = ChartText.f
    let dated = result.scenario.startDate != nil
    let ticks = ChartAxes.monthTicks(
      horizon: horizon, plotWidth: inner, calendar: calendar, dated: dated, size: size)
    var body = ""
    var cursor = 30.0
    for line in ChartText.wrap(
      "\(result.scenario.name): monthly cost by component", width: width - 40, size: 16, bold: true)
    {
      body +=
        "<text x=\"20\" y=\"\(f(cursor))\" font-size=\"16\" font-weight=\"bold\">\(ChartText.escape(line))</text>\n"
      cursor += 20
    }
    let slot = inner / Double(max(horizon, 1))
    let bar = max(slot * 0.8, 0.5)
    for panel in panels {
      cursor += 8
      for line in ChartText.wrap(panel.name, width: width - 40, size: 13, bold: true) {
        body +=
          "<text x=\"20\" y=\"\(f(cursor + 12))\" font-size=\"13\" font-weight=\"bold\">\(ChartText.escape(line))</text>\n"
        cursor += 18
      }
      let top = cursor + 8
      let bottom = top + plotHeight
      func y(_ value: Decimal) -> Double {
        let fraction = yTop == 0 ? 0 : NSDecimalNumber(decimal: value / yTop).doubleValue
        return bottom - plotHeight * fraction
      }
      var value: Decimal = 0
      while value <= yTop {
        body +=
          "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(left + inner))\" y2=\"\(f(y(value)))\" stroke=\"#e0e0e0\"/>\n"
        body +=
          "<text x=\"\(f(left - 8))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(ChartText.escape(ChartAxes.label(value, step: step, money: money)))</text>\n"
        value += step
      }
      for (index, month) in panel.months.enumerated() {
        var base: Decimal = 0
        let xx = left + slot * Double(index) + (slot - bar) / 2
        for part in used where month[part] > 0 {
          let low = y(base)
          base += month[part]
          let high = y(base)
          body +=
            "<rect x=\"\(f(xx))\" y=\"\(f(high))\" width=\"\(f(bar))\" height=\"\(f(max(low - high, 0)))\" fill=\"\(Self.color(part))\"><title>month \(index + 1) \(ChartText.escape(part.label)): \(ChartText.escape(money.total(month[part])))</title></rect>\n"
        }
      }
      body +=
        "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(left + inner))\" y2=\"\(f(bottom))\" stroke=\"#333\"/>\n"
      body += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\" stroke=\"#333\"/>\n"
      for tick in ticks {
        // A bar's month m spans the slot after boundary m − 1; ticks mark the boundaries.
        let xx = left + slot * Double(tick.month)
        body += "<line x1=\"\(f(xx))\" y1=\"\(f(bottom))\" x2=\"\(f(xx))\" y2=\"\(f(bottom + 4))\" stroke=\"#333\"/>\n"
        body +=
          "<text x=\"\(f(xx))\" y=\"\(f(bottom + 17))\" text-anchor=\"middle\" font-size=\"11\">\(ChartText.escape(tick.label))</text>\n"
      }
      cursor = bottom + 26
    }
    cursor += 10
    // The components' key, entries flowing left to right and wrapping.
    var x = 20.0
    for part in used {
      let entry = ChartText.width(part.label, size: size) + 22
      if x > 20 && x + entry > width - 20 {
        x = 20
        cursor += 18
      }
      body +=
        "<rect x=\"\(f(x))\" y=\"\(f(cursor - 10))\" width=\"12\" height=\"12\" fill=\"\(Self.color(part))\"/>\n"
      body += "<text class=\"legend\" x=\"\(f(x + 17))\" y=\"\(f(cursor))\">\(ChartText.escape(part.label))</text>\n"
      x += entry + 14
    }
    cursor += 20
    for line in skipped.flatMap({ ChartText.wrap($0, width: width - 40, size: size) }) {
      body += "<text class=\"legend\" x=\"20\" y=\"\(f(cursor))\" fill=\"#555\">\(ChartText.escape(line))</text>\n"
      cursor += 17
    }
    body +=
      "<text x=\"20\" y=\"\(f(cursor))\" fill=\"#555\">\(dated ? "Ticks mark the first day of a month" : "Ticks mark month boundaries"); one-time costs are not shown.</text>\n"
    let height = (cursor + 14).rounded(.up)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="\(ChartText.fontFamily)" font-size="12">
      <title>\(ChartText.escape(result.scenario.name)): monthly cost by component</title>
      <rect width="100%" height="100%" fill="#ffffff"/>

      """ + body + "</svg>\n"
  }
}
