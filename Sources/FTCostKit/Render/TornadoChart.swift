import Foundation

/// A standalone SVG tornado: one bar per uncertain input from its low end's figure to its high
/// end's, around a line at the figure as written, widest on top.
public struct TornadoChart {
  public var sensitivity: Sensitivity
  public var result: ScenarioResult
  public var width: Double = 860

  public init(sensitivity: Sensitivity, result: ScenarioResult) {
    self.sensitivity = sensitivity
    self.result = result
  }

  /// The chart as a standalone SVG document.
  public func svg() -> String {
    let money = MoneyFormat(currency: result.currency)
    let metric = sensitivity.metric
    let f = ChartText.f
    func label(_ value: Decimal?) -> String {
      guard let value else { return "never" }
      return metric.isMoney
        ? money.dollars(value.rounded(scale: 0, rule: .halfAwayFromZero), minimumFractionDigits: 0)
        : MoneyFormat.grouped(value.rounded(scale: 1, rule: .halfAwayFromZero), minimumFractionDigits: 1) + " mo"
    }
    // A "never" end (or base) is drawn to the edge of the scale on the worse side.
    let finite =
      sensitivity.bars.flatMap { [$0.atLow, $0.atHigh] }.compactMap { $0 } + [sensitivity.baseValue].compactMap { $0 }
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    if low == high {
      low -= 1
      high += 1
    }
    let size = 12.0
    let names = sensitivity.bars.map(\.input.path)
    let left = min(width * 0.4, (names.map { ChartText.width($0, size: size) }.max() ?? 80) + 30)
    let right = 24.0
    let plot = width - left - right
    let span = NSDecimalNumber(decimal: high - low).doubleValue
    func x(_ value: Decimal?) -> Double {
      let edge = metric.higherIsBetter ? low : high
      let position = NSDecimalNumber(decimal: (value ?? edge) - low).doubleValue / span
      return left + plot * min(1, max(0, position))
    }
    let rowHeight = 34.0
    var body = ""
    var cursor = 28.0
    let title = "\(sensitivity.candidate): \(metric.title) over \(ScenarioReport.months(result.scenario.horizonMonths))"
    for line in ChartText.wrap(title, width: width - 40, size: 16, bold: true) {
      body +=
        "<text x=\"20\" y=\"\(f(cursor))\" font-size=\"16\" font-weight=\"bold\">\(ChartText.escape(line))</text>\n"
      cursor += 20
    }
    let subtitle =
      "each input alone at its low (light) and high (dark) value; line: \(label(sensitivity.baseValue)) as written"
    for line in ChartText.wrap(subtitle, width: width - 40, size: size) {
      body += "<text x=\"20\" y=\"\(f(cursor))\" font-size=\"12\" fill=\"#555\">\(ChartText.escape(line))</text>\n"
      cursor += 16
    }
    cursor += 14
    let top = cursor
    for bar in sensitivity.bars {
      let y = cursor
      var labelled: [(Double, String)] = []
      body +=
        "<text x=\"\(f(left - 8))\" y=\"\(f(y + 16))\" font-size=\"12\" text-anchor=\"end\">\(ChartText.escape(bar.input.path))</text>\n"
      for (value, color, input) in [
        (bar.atLow, "#a0cbe8", bar.input.distribution.low), (bar.atHigh, "#4e79a7", bar.input.distribution.high),
      ] {
        let from = x(sensitivity.baseValue)
        let to = x(value)
        body +=
          "<rect x=\"\(f(min(from, to)))\" y=\"\(f(y + 4))\" width=\"\(f(max(1, abs(to - from))))\" height=\"16\" fill=\"\(color)\"><title>\(ChartText.escape("\(bar.input.path) = \(input): \(label(value))"))</title></rect>\n"
        let text = label(value)
        let textWidth = ChartText.width(text, size: 11)
        let outside = to >= from ? to + 4 : to - 4 - textWidth
        let position = min(width - right - textWidth, max(left + 2, outside))
        // Both ends at the same figure (an input that changes nothing) are labelled once.
        if labelled.contains(where: { abs($0.0 - position) < 1 && $0.1 == text }) { continue }
        labelled.append((position, text))
        body +=
          "<text x=\"\(f(position))\" y=\"\(f(y + 30))\" font-size=\"11\" fill=\"#333\">\(ChartText.escape(text))</text>\n"
      }
      cursor += rowHeight
    }
    let axisY = cursor + 4
    body +=
      "<line x1=\"\(f(x(sensitivity.baseValue)))\" y1=\"\(f(top - 4))\" x2=\"\(f(x(sensitivity.baseValue)))\" y2=\"\(f(axisY))\" stroke=\"#333\" stroke-width=\"1.5\"/>\n"
    body +=
      "<line x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(width - right))\" y2=\"\(f(axisY))\" stroke=\"#999\"/>\n"
    for (value, anchor) in [(low, "start"), (high, "end")] {
      body +=
        "<text x=\"\(f(x(value)))\" y=\"\(f(axisY + 16))\" font-size=\"11\" text-anchor=\"\(anchor)\" fill=\"#555\">\(ChartText.escape(label(value)))</text>\n"
    }
    let height = axisY + 30
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(f(width)) \(f(height))" width="\(f(width))" height="\(f(height))" font-family="\(ChartText.fontFamily)">
      <rect width="100%" height="100%" fill="white"/>
      \(body)</svg>

      """
  }
}
