import Foundation

/// How an uncertain input is spread between its low and high values.
///
/// Sampling draws in binary floating point (`Double`): inverse distribution functions need
/// `sqrt`, `log` and `exp`. Each draw becomes a `Decimal` of at most 12 significant digits
/// before the scenario sees it, so every cost is still computed in decimal.
public enum InputDistribution: Sendable, Equatable {
  /// Most likely at `mode` (the scenario's value), falling linearly to 0 at `low` and `high`.
  case triangular(low: Decimal, mode: Decimal, high: Decimal)
  /// Every value from `low` to `high` equally likely.
  case uniform(low: Decimal, high: Decimal)
  /// Log-normal with `low` and `high` as its 10th and 90th percentiles (both above 0): a value
  /// that can run high but not below 0, such as volume.
  case lognormal(low: Decimal, high: Decimal)

  /// The smallest and largest values the input is moved to in a tornado.
  public var low: Decimal {
    switch self {
    case .triangular(let low, _, _), .uniform(let low, _), .lognormal(let low, _): return low
    }
  }

  public var high: Decimal {
    switch self {
    case .triangular(_, _, let high), .uniform(_, let high), .lognormal(_, let high): return high
    }
  }

  /// The name used in scenario files and reports.
  public var name: String {
    switch self {
    case .triangular: return "triangular"
    case .uniform: return "uniform"
    case .lognormal: return "lognormal"
    }
  }

  /// A draw for the uniform value `u` in (0, 1), by the inverse distribution function.
  ///
  /// A range of zero width gives its one value exactly.
  public func value(at u: Double) -> Decimal {
    Sampler(self).value(at: u)
  }

  /// The distribution with its ends in binary floating point, converted once for many draws.
  struct Sampler: Sendable {
    let distribution: InputDistribution
    let low: Double
    let mode: Double
    let high: Double

    init(_ distribution: InputDistribution) {
      self.distribution = distribution
      low = distribution.low.nearestDouble
      high = distribution.high.nearestDouble
      if case .triangular(_, let mode, _) = distribution {
        self.mode = mode.nearestDouble
      } else {
        mode = 0
      }
    }

    /// As `InputDistribution.value(at:)`.
    func value(at u: Double) -> Decimal {
      if distribution.low == distribution.high { return distribution.low }
      let (a, b, c) = (low, high, mode)
      let x: Double
      switch distribution {
      case .uniform:
        x = a + (b - a) * u
      case .triangular:
        let split = (c - a) / (b - a)
        x = u < split ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
      case .lognormal:
        // P10 and P90 of a normal lie 1.2815515655446004 standard deviations from its mean.
        let z90 = 1.2815515655446004
        let mu = (log(a) + log(b)) / 2
        let sigma = (log(b) - log(a)) / (2 * z90)
        x = exp(mu + sigma * InputDistribution.standardNormalQuantile(u))
      }
      let value = InputDistribution.decimal(x)
      // Rounding in Double can step a hair outside a bounded range; the range is the promise. A
      // lognormal range is not bounded: a fifth of its draws lie outside its P10 and P90.
      if case .lognormal = distribution { return value }
      return min(distribution.high, max(distribution.low, value))
    }
  }

  /// `x` as a decimal of at most 12 significant digits: Swift's shortest round-trip text (the
  /// same on every platform), rounded half to even at the 12th digit; 0 below 10^-100.
  static func decimal(_ x: Double) -> Decimal {
    // A draw beyond Double's range (an extreme lognormal) is the largest finite value.
    guard x.isFinite else {
      return x.isNaN ? 0 : decimal(x > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude)
    }
    // The text is [-]digits[.digits][e[+-]digits] with at most 17 significant digits.
    var digits: UInt64 = 0
    var count = 0
    var exponent = 0
    var negative = false
    var seenPoint = false
    var scanningExponent = false
    var exponentSign = 1
    var exponentValue = 0
    for byte in "\(x)".utf8 {
      switch byte {
      case UInt8(ascii: "-") where !scanningExponent: negative = true
      case UInt8(ascii: "-"): exponentSign = -1
      case UInt8(ascii: "+"): break
      case UInt8(ascii: "."): seenPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): scanningExponent = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = Int(byte - UInt8(ascii: "0"))
        if scanningExponent {
          exponentValue = exponentValue * 10 + digit
        } else {
          if digits > 0 || digit > 0 {
            digits = digits * 10 + UInt64(digit)
            count += 1
          }
          if seenPoint { exponent -= 1 }
        }
      default: break
      }
    }
    exponent += exponentSign * exponentValue
    if count > 12 {
      var divisor: UInt64 = 1
      for _ in 0..<(count - 12) { divisor *= 10 }
      let (quotient, remainder) = digits.quotientAndRemainder(dividingBy: divisor)
      let twice = remainder * 2
      digits = quotient + (twice > divisor || (twice == divisor && quotient % 2 == 1) ? 1 : 0)
      exponent += count - 12
    }
    if digits == 0 { return 0 }
    while digits % 10 == 0 {
      digits /= 10
      exponent += 1
    }
    // A draw below the smallest number a scenario file can hold (10^-100) is 0; a huge one is
    // the largest decimal, which every limit refuses with its field named.
    let leadingExponent = exponent + String(digits).count - 1
    if leadingExponent < -DecimalParser.maximumExponent { return 0 }
    if exponent > 127 { return negative ? -Decimal.greatestFiniteMagnitude : Decimal.greatestFiniteMagnitude }
    return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(digits))
  }

  /// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
  static func standardNormalQuantile(_ p: Double) -> Double {
    let a = [
      -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716,
      2.506628277459239,
    ]
    let b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
    let c = [
      -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
      2.938163982698783,
    ]
    let d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
    let low = 0.02425
    if p < low {
      let q = (-2 * log(p)).squareRoot()
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > 1 - low {
      let q = (-2 * log(1 - p)).squareRoot()
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let q = p - 0.5
    let r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  }
}
