import Foundation

/// min, p5, median, mean, p95 and max of a list of counts, with true (interpolated) percentiles.
public struct Distribution: Sendable, Equatable {
  public var min: Decimal
  public var p5: Decimal
  public var median: Decimal
  public var mean: Decimal
  public var p95: Decimal
  public var max: Decimal

  /// The distribution of `values`, or `nil` for an empty list.
  ///
  /// Percentiles interpolate linearly between order statistics, as numpy's default does:
  /// position q·(n−1).
  public init?(_ values: [Int64]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    func percentile(_ q: Decimal) -> Decimal {
      let position = q * Decimal(sorted.count - 1)
      let lower = Int(truncating: position.rounded(scale: 0, .down) as NSDecimalNumber)
      let fraction = position - Decimal(lower)
      let upper = Swift.min(lower + 1, sorted.count - 1)
      return Decimal(sorted[lower]) + (Decimal(sorted[upper]) - Decimal(sorted[lower])) * fraction
    }
    min = Decimal(sorted[0])
    max = Decimal(sorted[sorted.count - 1])
    p5 = percentile(Decimal(sign: .plus, exponent: -2, significand: 5))
    median = percentile(Decimal(sign: .plus, exponent: -1, significand: 5))
    p95 = percentile(Decimal(sign: .plus, exponent: -2, significand: 95))
    mean = Decimal(sorted.reduce(0, +)) / Decimal(sorted.count)
  }

  public var json: JSON {
    .object([
      ("min", .number(min)), ("p5", .number(p5)), ("median", .number(median)), ("mean", .number(mean)),
      ("p95", .number(p95)), ("max", .number(max)),
    ])
  }
}
