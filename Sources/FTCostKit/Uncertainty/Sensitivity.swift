import Foundation

/// A tornado: each uncertain input moved alone to its low and its high value, the others as
/// written, and the candidate's figure at each end, widest swing first.
public struct Sensitivity: Sendable {
  /// One input's bar.
  public struct Bar: Sendable {
    public var input: UncertainInput
    /// The figure with the input at its low and at its high value (`nil`: never pays back).
    public var atLow: Decimal?
    public var atHigh: Decimal?
    /// |atHigh − atLow|; 0 when neither end pays back; `nil` when one end only never pays back
    /// (an unbounded swing, sorted first).
    public var swing: Decimal?
    /// The input's value, alone, at which the candidate's net benefit over the horizon is 0
    /// (where it starts or stops paying back within the horizon); `nil` when none lies in range.
    public var breakEven: Decimal?
  }

  public var candidate: String
  public var metric: OutcomeMetric
  /// The figure with every input as written.
  public var baseValue: Decimal?
  public var bars: [Bar]

  /// Moves each input of `scenario` alone for `candidate`.
  public static func run(
    _ scenario: UncertainScenario, candidate: String, metric: OutcomeMetric
  ) throws(UncertaintyError) -> Sensitivity {
    let base = scenario.baseValues
    func figures(_ values: [Decimal]) throws(UncertaintyError) -> CandidateFigures? {
      try scenario.result(values).candidates.first { $0.name == candidate }?.figures
    }
    var bars: [Bar] = []
    for (index, input) in scenario.inputs.enumerated() {
      var low = base
      low[index] = input.distribution.low
      var high = base
      high[index] = input.distribution.high
      let atLow = metric.value(try figures(low))
      let atHigh = metric.value(try figures(high))
      // Never at both ends is no swing; never at one end only is unbounded.
      let swing = atLow == nil && atHigh == nil ? 0 : atLow.flatMap { low in atHigh.map { abs($0 - low) } }
      let breakEven = try breakEven(of: index, scenario, candidate: candidate)
      bars.append(Bar(input: input, atLow: atLow, atHigh: atHigh, swing: swing, breakEven: breakEven))
    }
    // Widest first; an unbounded swing (one end never pays back) before any finite one; ties
    // keep the scenario's order.
    let order = bars.indices.sorted { a, b in
      switch (bars[a].swing, bars[b].swing) {
      case (nil, nil): return a < b
      case (nil, _): return true
      case (_, nil): return false
      case (let x?, let y?): return x != y ? x > y : a < b
      }
    }
    return Sensitivity(
      candidate: candidate, metric: metric,
      baseValue: metric.value(scenario.base.candidates.first { $0.name == candidate }?.figures),
      bars: order.map { bars[$0] })
  }

  /// The value of input `index` alone at which net benefit crosses 0 between its low and high
  /// value, by bisection to 10^-6 of the range (whole for a count); `nil` when the sign does not
  /// change in the range.
  static func breakEven(
    of index: Int, _ scenario: UncertainScenario, candidate: String
  ) throws(UncertaintyError) -> Decimal? {
    let input = scenario.inputs[index]
    var values = scenario.baseValues
    func net(_ value: Decimal) throws(UncertaintyError) -> Decimal? {
      values[index] = value
      return try scenario.result(values).candidates.first { $0.name == candidate }?.figures?.netBenefit
    }
    var low = input.distribution.low
    var high = input.distribution.high
    guard low < high, let netLow = try net(low), let netHigh = try net(high) else { return nil }
    guard (netLow >= 0) != (netHigh >= 0) else { return nil }
    let lowPays = netLow >= 0
    let precision = input.isCount ? Decimal(1) : (high - low) / 1_000_000
    for _ in 0..<64 where high - low > precision {
      var middle = (low + high) / 2
      if input.isCount { middle = middle.rounded(scale: 0, rule: .halfAwayFromZero) }
      if middle <= low || middle >= high { break }
      guard let value = try net(middle) else { return nil }
      if (value >= 0) == lowPays { low = middle } else { high = middle }
    }
    // The first value, coming from the side that does not pay, at which it pays.
    return lowPays ? low : high
  }
}
