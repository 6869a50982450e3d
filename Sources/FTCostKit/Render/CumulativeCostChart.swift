import Foundation

/// A standalone SVG line chart of each plan's cumulative cost over the horizon: payback points and
/// dated events marked, a legend that says when each candidate pays back (or that it never does),
/// laid out from measured text so nothing is cut off.
public struct CumulativeCostChart {
  public var result: ScenarioResult
  public var money: MoneyFormat
  /// The width of the drawing, in pixels.
  public var width: Double = 860

  public init(result: ScenarioResult, money: MoneyFormat = MoneyFormat()) {
    self.result = result
    self.money = money.currency(result.currency)
  }

  static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

  /// What the chart shows, in words.
  public var title: String { "Cumulative cost over \(ScenarioReport.months(result.scenario.horizonMonths))" }

  /// Cumulative cost at the end of months 0 … H (month 0 holds the one-time cost).
  static func cumulative(oneTime: Decimal, monthly: [Decimal]) -> [Decimal] {
    var running = oneTime
    return [oneTime]
      + monthly.map {
        running += $0; return running
      }
  }

  /// One line of the chart.
  struct Series {
    var name: String
    var note: String
    var values: [Decimal]
    var payback: Double?
  }

  /// The baseline, then each candidate that can run; a candidate that cannot run gets a legend line.
  func series() -> (drawn: [Series], notDrawn: [String]) {
    let report = ScenarioReport(result: result, money: money)
    let horizon = result.scenario.horizonMonths
    var drawn = [
      Series(
        name: result.baseline.cost.plan.name + " (baseline)", note: "",
        values: Self.cumulative(oneTime: result.baseline.cost.oneTimeCost, monthly: result.baselineMonthlyCost),
        payback: nil)
    ]
    var notDrawn: [String] = []
    for candidate in result.candidates {
      guard let figures = candidate.figures else {
        notDrawn.append("\(candidate.name): cannot run, not drawn")
        continue
      }
      var note: String
      var point: Double?
      if let payback = figures.paybackMonths {
        note = figures.investment <= 0 ? "costs less from day one" : "pays back in \(report.payback(payback))"
        if let date = figures.paybackDate, figures.investment > 0 { note += " (\(date))" }
        if payback <= Decimal(horizon) {
          point = NSDecimalNumber(decimal: payback).doubleValue
        } else {
          note += ", after this chart"
        }
      } else {
        note = "never pays back"
      }
      if case .fallsBack(let date, _) = candidate.status { note += "; falls back \(date)" }
      drawn.append(
        Series(
          name: candidate.name, note: note,
          values: Self.cumulative(oneTime: figures.cost.oneTimeCost, monthly: figures.monthlyCost), payback: point))
    }
    return (drawn, notDrawn)
  }

  /// Where a dated event falls on the month axis: month − 1 plus the share of the month gone by.
  static func position(of event: PlanEvent, calendar: ScenarioCalendar) -> Double {
    let first = calendar.firstDay(ofMonth: event.month)
    let days = Double(event.date.daysSinceEpoch - first.daysSinceEpoch)
    return Double(event.month - 1) + days / Double(max(calendar.days(inMonth: event.month), 1))
  }

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    let horizon = result.scenario.horizonMonths
    let calendar = result.planned.calendar
    let (drawn, notDrawn) = series()
    let left = 96.0, right = 28.0, size = 12.0
    let inner = width - left - right
    let titleLines = ChartText.wrap(result.scenario.name, width: width - 40, size: 16, bold: true)
    let events = ScenarioReport(result: result, money: money).events
    // Events on one day share a marker, numbered in date order.
    var markers: [(x: Double, number: Int, items: [ReportEvent])] = []
    for item in events {
      let x = Self.position(of: item.event, calendar: calendar)
      if let last = markers.last, last.items[0].event.date == item.event.date {
        markers[markers.count - 1].items.append(item)
      } else {
        markers.append((x, markers.count + 1, [item]))
      }
    }
    let top = 24 + 20 * Double(titleLines.count) + (markers.isEmpty ? 10 : 26)
    let plotHeight = 300.0
    let plotBottom = top + plotHeight
    let maximum = drawn.flatMap(\.values).max() ?? 0
    let (yTop, step) = ChartAxes.yScale(maximum: maximum)
    func x(_ month: Double) -> Double { left + inner * month / Double(max(horizon, 1)) }
    func y(_ value: Decimal) -> Double {
      let fraction = yTop == 0 ? 0 : NSDecimalNumber(decimal: value / yTop).doubleValue
      return top + plotHeight * (1 - fraction)
    }
    let f = ChartText.f
    var body = ""
    for (index, line) in titleLines.enumerated() {
      body +=
        "<text x=\"20\" y=\"\(f(30 + 20 * Double(index)))\" font-size=\"16\" font-weight=\"bold\">\(ChartText.escape(line))</text>\n"
    }
    // Grid and y ticks in round steps.
    var value: Decimal = 0
    while value <= yTop {
      let yy = y(value)
      body += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + inner))\" y2=\"\(f(yy))\" stroke=\"#e0e0e0\"/>\n"
      body +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(ChartText.escape(ChartAxes.label(value, step: step, money: money)))</text>\n"
      value += step
    }
    let dated = result.scenario.startDate != nil
    for tick in ChartAxes.monthTicks(horizon: horizon, plotWidth: inner, calendar: calendar, dated: dated, size: size) {
      let xx = x(Double(tick.month))
      body +=
        "<line x1=\"\(f(xx))\" y1=\"\(f(plotBottom))\" x2=\"\(f(xx))\" y2=\"\(f(plotBottom + 5))\" stroke=\"#333\"/>\n"
      body +=
        "<text x=\"\(f(xx))\" y=\"\(f(plotBottom + 19))\" text-anchor=\"middle\">\(ChartText.escape(tick.label))</text>\n"
    }
    body +=
      "<line x1=\"\(f(left))\" y1=\"\(f(plotBottom))\" x2=\"\(f(left + inner))\" y2=\"\(f(plotBottom))\" stroke=\"#333\"/>\n"
    body += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(plotBottom))\" stroke=\"#333\"/>\n"
    body +=
      "<text x=\"\(f(left + inner / 2))\" y=\"\(f(plotBottom + 38))\" text-anchor=\"middle\">\(dated ? "month starting" : "month")</text>\n"
    body +=
      "<text transform=\"translate(18 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">cumulative cost (\(ChartText.escape(result.currency)))</text>\n"
    // Event markers: a dashed line through the plot, a numbered disc above it.
    var lastDisc = -Double.infinity
    var discRow = 0
    for marker in markers {
      let xx = x(marker.x)
      discRow = xx - lastDisc < 18 ? discRow + 1 : 0
      lastDisc = xx
      let discY = top - 12
      let discX = min(xx + 18 * Double(discRow), width - 10)
      body +=
        "<line x1=\"\(f(xx))\" y1=\"\(f(top))\" x2=\"\(f(xx))\" y2=\"\(f(plotBottom))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
      body += "<circle cx=\"\(f(discX))\" cy=\"\(f(discY))\" r=\"8\" fill=\"#555\"/>\n"
      body +=
        "<text x=\"\(f(discX))\" y=\"\(f(discY + 4))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#fff\">\(marker.number)</text>\n"
    }
    for (offset, entry) in drawn.enumerated() {
      let color = Self.palette[offset % Self.palette.count]
      let points = entry.values.enumerated().map { "\(f(x(Double($0.offset)))),\(f(y($0.element)))" }
        .joined(separator: " ")
      body +=
        "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(offset == 0 ? "3" : "2")\"\(offset == 0 ? " stroke-dasharray=\"8 4\"" : "") points=\"\(points)\"/>\n"
      if let month = entry.payback {
        let whole = min(Int(month), max(horizon - 1, 0))
        let fraction = Decimal(month - Double(whole))
        let value = entry.values[whole] + (entry.values[whole + 1] - entry.values[whole]) * fraction
        body +=
          "<circle cx=\"\(f(x(month)))\" cy=\"\(f(y(value)))\" r=\"6\" fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"3\"><title>\(ChartText.escape(entry.name)): \(ChartText.escape(entry.note))</title></circle>\n"
      }
    }
    // The legend under the plot: one entry a line, wrapped to the width.
    var cursor = plotBottom + 62
    let textLeft = 20 + 34.0
    let textWidth = width - textLeft - 20
    for (offset, entry) in drawn.enumerated() {
      let color = Self.palette[offset % Self.palette.count]
      let text = entry.note.isEmpty ? entry.name : "\(entry.name): \(entry.note)"
      let lines = ChartText.wrap(text, width: textWidth, size: size)
      body +=
        "<line x1=\"20\" y1=\"\(f(cursor - 4))\" x2=\"48\" y2=\"\(f(cursor - 4))\" stroke=\"\(color)\" stroke-width=\"\(offset == 0 ? "3" : "2")\"\(offset == 0 ? " stroke-dasharray=\"8 4\"" : "")/>\n"
      if entry.payback != nil {
        body +=
          "<circle cx=\"34\" cy=\"\(f(cursor - 4))\" r=\"4\" fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
      }
      for line in lines {
        body += "<text class=\"legend\" x=\"\(f(textLeft))\" y=\"\(f(cursor))\">\(ChartText.escape(line))</text>\n"
        cursor += 17
      }
      cursor += 3
    }
    for line in notDrawn.flatMap({ ChartText.wrap($0, width: textWidth, size: size) }) {
      body +=
        "<text class=\"legend\" x=\"\(f(textLeft))\" y=\"\(f(cursor))\" fill=\"#555\">\(ChartText.escape(line))</text>\n"
      cursor += 17
    }
    for marker in markers {
      for (index, item) in marker.items.enumerated() {
        let text =
          "\(item.event.date) \(item.plan): \(item.event.kind.rawValue.replacingOccurrences(of: "_", with: " "))"
        let lines = ChartText.wrap(text, width: textWidth, size: size)
        if index == 0 {
          body += "<circle cx=\"34\" cy=\"\(f(cursor - 4))\" r=\"8\" fill=\"#555\"/>\n"
          body +=
            "<text x=\"34\" y=\"\(f(cursor))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#fff\">\(marker.number)</text>\n"
        }
        for line in lines {
          body += "<text class=\"legend\" x=\"\(f(textLeft))\" y=\"\(f(cursor))\">\(ChartText.escape(line))</text>\n"
          cursor += 17
        }
      }
      cursor += 3
    }
    let height = (cursor + 10).rounded(.up)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="\(ChartText.fontFamily)" font-size="12">
      <title>\(ChartText.escape(result.scenario.name)): cumulative cost</title>
      <rect width="100%" height="100%" fill="#ffffff"/>

      """ + body + "</svg>\n"
  }
}
