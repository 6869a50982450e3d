import Foundation

/// One uncertain input of a scenario: a `--set` path (or a price path), the scenario's own value
/// there, and how it may spread.
public struct UncertainInput: Sendable, Equatable {
  /// The path as written: `workload.requests_per_month`, `candidates[1].examples`, or a price
  /// `prices.gpt-4o-mini.fine_tuning.inference.output`.
  public var path: String
  /// The value the scenario (or the pricing table) has there: the mode of a triangular range.
  public var base: Decimal
  public var distribution: InputDistribution
  /// True for a count (examples, tokens, epochs): draws are rounded half up to whole numbers.
  public var isCount: Bool

  public init(path: String, base: Decimal, distribution: InputDistribution, isCount: Bool = false) {
    self.path = path
    self.base = base
    self.distribution = distribution
    self.isCount = isCount
  }

  /// The draw for uniform `u`, whole for a count.
  public func value(at u: Double) -> Decimal {
    Sampler(self).value(at: u)
  }

  /// The input with its distribution converted once, for many draws.
  struct Sampler: Sendable {
    let distribution: InputDistribution.Sampler
    let isCount: Bool

    init(_ input: UncertainInput) {
      distribution = InputDistribution.Sampler(input.distribution)
      isCount = input.isCount
    }

    /// As `UncertainInput.value(at:)`.
    func value(at u: Double) -> Decimal {
      let value = distribution.value(at: u)
      return isCount ? value.rounded(scale: 0, rule: .halfAwayFromZero) : value
    }
  }

  /// True for a price in the pricing tables rather than a value of the scenario file.
  public var isPrice: Bool { PricePath(path) != nil }
}

/// A price path, `prices.MODEL.FIELD`: the model's id or alias and a price field as tables name it.
struct PricePath: Sendable, Equatable {
  var model: String
  var field: String

  /// `prices.gpt-4o-mini.fine_tuning.inference.output`: the model is what lies between `prices.`
  /// and the first price field's name, so ids with dots (`gpt-4.1-mini`) work.
  init?(_ path: String) {
    guard path.hasPrefix("prices.") else { return nil }
    let rest = path.dropFirst("prices.".count)
    let starts = ["inference", "fine_tuning", "embedding", "gpu_per_hour"].compactMap { rest.range(of: "." + $0) }
    guard let first = starts.min(by: { $0.lowerBound < $1.lowerBound }), first.lowerBound > rest.startIndex else {
      return nil
    }
    model = String(rest[..<first.lowerBound])
    field = String(rest[rest.index(after: first.lowerBound)...])
  }
}
