import Foundation

/// A candidate's cash flows against the baseline, month 0 (the investment) to month H, with their
/// discounting and internal rate of return: what a finance team puts in a budget.
public struct CashFlows: Sendable, Equatable {
  /// CF_0 = −ΔI, then CF_m = savings_m for m = 1 … H.
  public var flows: [Decimal]
  /// The monthly discount rate r = (1+discount_rate_annual)^(1/12) − 1.
  public var monthlyRate: Decimal
  /// 1 / (1+r)^m for m = 0 … H.
  public var discountFactors: [Decimal]
  /// CF_m / (1+r)^m; they sum to the NPV.
  public var discounted: [Decimal]
  /// The internal rate of return a month; `nil` when it does not exist (see `InternalRateOfReturn`).
  public var irrMonthly: Decimal?

  /// The cash flows of `figures` discounted at `discountRateAnnual`.
  public init(figures: CandidateFigures, discountRateAnnual: Decimal) {
    flows = [-figures.investment] + figures.monthlySavings
    monthlyRate = ScenarioEngine.monthlyRate(annual: discountRateAnnual)
    // The same products as the NPV's, so the discounted flows add up to it exactly.
    var compounded: Decimal = 1
    var factors: [Decimal] = [1]
    var discounted: [Decimal] = [flows[0]]
    for saving in figures.monthlySavings {
      compounded *= 1 + monthlyRate
      factors.append(1 / compounded)
      discounted.append(saving / compounded)
    }
    discountFactors = factors
    self.discounted = discounted
    irrMonthly = InternalRateOfReturn.monthly(flows)
  }

  /// The IRR a year, (1+irr_monthly)^12 − 1; `nil` when there is no IRR.
  public var irrAnnual: Decimal? {
    irrMonthly.map { (1 + $0).power(12) - 1 }
  }
}

/// The internal rate of return of monthly cash flows.
///
/// irr_monthly is the monthly rate r > −1 at which the cash flows' present value is 0:
/// Σ_{m=0..H} CF_m / (1+r)^m = 0 with CF_0 = −ΔI and CF_m = savings_m. When several rates do,
/// it is the one nearest 0: the search steps out from 0 in doubling steps (0.01%, 0.02%, … up to
/// 1,000% a month and down to −99%) to the first change of sign, then bisects to 10^-15. It is
/// null when the cash flows never change sign (nothing invested, or nothing ever saved) or no rate
/// in that range works. irr_annual = (1+irr_monthly)^12 − 1.
public enum InternalRateOfReturn {
  /// The monthly IRR of `flows` (month 0 first), or `nil` when none exists in the search range.
  public static func monthly(_ flows: [Decimal]) -> Decimal? {
    guard flows.contains(where: { $0 > 0 }), flows.contains(where: { $0 < 0 }),
      flows.allSatisfy(\.isFinite)
    else { return nil }
    func value(_ rate: Decimal) -> Decimal? {
      // Horner's rule in x = 1/(1+r): CF_0 + x(CF_1 + x(CF_2 + …)).
      let x = 1 / (1 + rate)
      var sum: Decimal = 0
      for flow in flows.reversed() {
        sum = flow + x * sum
        if !sum.isFinite { return nil }
      }
      return sum
    }
    guard let atZero = value(0) else { return nil }
    if atZero == 0 { return 0 }
    // Step outward on both sides, nearest rates first.
    var steps: [Decimal] = []
    var step = Decimal(sign: .plus, exponent: -4, significand: 1)
    while step < 10 {
      steps.append(step)
      step *= 2
    }
    steps.append(10)
    var previousUp: (Decimal, Decimal)? = (0, atZero)
    var previousDown: (Decimal, Decimal)? = (0, atZero)
    for size in steps {
      for side in [Decimal(1), Decimal(-1)] {
        guard let previous = side > 0 ? previousUp : previousDown else { continue }
        let rate = side > 0 ? size : max(-size, Decimal(sign: .minus, exponent: -2, significand: 99))
        guard rate != previous.0, let here = value(rate) else {
          if side > 0 { previousUp = nil } else { previousDown = nil }
          continue
        }
        if here == 0 { return rate }
        if (here > 0) != (previous.1 > 0) {
          return bisect(low: previous.0, high: rate, lowValue: previous.1, value: value)
        }
        if side > 0 { previousUp = (rate, here) } else { previousDown = (rate, here) }
      }
    }
    return nil
  }

  /// The rate between `low` and `high` where `value` changes sign, to 10^-15.
  static func bisect(low: Decimal, high: Decimal, lowValue: Decimal, value: (Decimal) -> Decimal?) -> Decimal? {
    var low = low
    var high = high
    var lowValue = lowValue
    let tolerance = Decimal(sign: .plus, exponent: -15, significand: 1)
    for _ in 0..<200 {
      let middle = (low + high) / 2
      guard let middleValue = value(middle) else { return nil }
      if middleValue == 0 || (high - low).magnitude < tolerance { return middle }
      if (middleValue > 0) == (lowValue > 0) {
        low = middle
        lowValue = middleValue
      } else {
        high = middle
      }
    }
    return (low + high) / 2
  }
}
