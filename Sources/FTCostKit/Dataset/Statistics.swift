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
    self.init(CountHistogram(values))
  }

  /// The distribution of the values counted in `histogram`, or `nil` when it is empty.
  ///
  /// Exact: the same numbers as sorting every value, from memory bounded by the histogram.
  public init?(_ histogram: CountHistogram) {
    guard let smallest = histogram.min, let largest = histogram.max else { return nil }
    let quantiles = [
      Decimal(sign: .plus, exponent: -2, significand: 5), Decimal(sign: .plus, exponent: -1, significand: 5),
      Decimal(sign: .plus, exponent: -2, significand: 95),
    ]
    let last = histogram.count - 1
    // Each quantile's position q·(n−1) splits into a whole rank and a fraction towards the next.
    let positions = quantiles.map { q -> (lower: Int, fraction: Decimal) in
      let position = q * Decimal(last)
      let lower = Int(truncating: position.rounded(scale: 0, .down) as NSDecimalNumber)
      return (lower, position - Decimal(lower))
    }
    let ranks = positions.flatMap { [$0.lower, Swift.min($0.lower + 1, last)] }
    let values = histogram.values(atRanks: ranks).map { Decimal($0) }
    func percentile(_ index: Int) -> Decimal {
      let lower = values[2 * index]
      let upper = values[2 * index + 1]
      return lower + (upper - lower) * positions[index].fraction
    }
    min = Decimal(smallest)
    max = Decimal(largest)
    p5 = percentile(0)
    median = percentile(1)
    p95 = percentile(2)
    mean = histogram.sum / Decimal(histogram.count)
  }

  public var json: JSON {
    .object([
      ("min", .number(min)), ("p5", .number(p5)), ("median", .number(median)), ("mean", .number(mean)),
      ("p95", .number(p95)), ("max", .number(max)),
    ])
  }
}
