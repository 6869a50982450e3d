import Foundation

/// How a displayed figure is rounded; JSON output is never rounded.
public enum RoundingRule: String, Sendable, CaseIterable {
  /// Half away from zero, as a spreadsheet's ROUND does (the default).
  case halfAwayFromZero = "half-up"
  /// Half to even ("banker's rounding").
  case halfEven = "half-even"

  var mode: NSDecimalNumber.RoundingMode {
    switch self {
    case .halfAwayFromZero: return .plain
    case .halfEven: return .bankers
    }
  }
}

extension Decimal {
  /// This value rounded to `scale` digits after the point.
  public func rounded(scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
    var source = self
    var result = Decimal()
    NSDecimalRound(&result, &source, scale, mode)
    return result
  }

  /// This value rounded to `rule` at `scale` digits after the point.
  public func rounded(scale: Int, rule: RoundingRule) -> Decimal {
    rounded(scale: scale, rule.mode)
  }

  /// The exponent of the leading digit: 2 for 123.4, -5 for 0.0000361; `nil` for zero.
  public var leadingDigitExponent: Int? {
    if isZero { return nil }
    let text = magnitude.description
    if let point = text.firstIndex(of: "."), text.hasPrefix("0") {
      let fraction = text[text.index(after: point)...]
      return -(fraction.prefix(while: { $0 == "0" }).count + 1)
    }
    let integerPart = text.split(separator: ".", maxSplits: 1).first ?? Substring(text)
    return integerPart.count - 1
  }

  /// This value rounded to `digits` significant digits.
  public func rounded(significantDigits digits: Int, rule: RoundingRule = .halfAwayFromZero) -> Decimal {
    guard let lead = leadingDigitExponent else { return self }
    return rounded(scale: digits - 1 - lead, rule: rule)
  }

  /// `self` raised to a whole power, exactly as far as `Decimal` precision allows.
  public func power(_ exponent: Int) -> Decimal {
    if exponent == 0 { return 1 }
    if exponent < 0 { return 1 / power(-exponent) }
    // Foundation traps when a product's exponent falls below -128, so a power below 10^-20 (a
    // volume shrinking to nothing) is 0, far from that edge whatever it is multiplied by later;
    // one beyond Decimal's range is NaN, which callers report.
    let magnitude = NSDecimalNumber(decimal: self.magnitude).doubleValue
    if magnitude == 0 { return 0 }
    let exponent10 = Double(exponent) * log10(magnitude)
    if exponent10 < -20 { return 0 }
    if exponent10 > 160 { return .nan }
    return pow(self, exponent)
  }

  /// The positive `n`th root, by Newton's method to `Decimal` precision (for monthly rates).
  public func root(_ n: Int) -> Decimal {
    precondition(n > 0)
    if self <= 0 || n == 1 { return self }
    var x: Decimal = 1 + (self - 1) / Decimal(n)
    if x <= 0 { x = 1 }
    for _ in 0..<200 {
      let next = x - (x.power(n) - self) / (Decimal(n) * x.power(n - 1))
      if (next - x).magnitude < Decimal(sign: .plus, exponent: -34, significand: 1) {
        return next
      }
      x = next
    }
    return x
  }

  /// The value as a plain JSON number: no exponent, no grouping, `.` as separator.
  public var jsonText: String {
    let text = description
    return text == "-0" ? "0" : text
  }
}

extension Decimal {
  /// `self / 10^n` (n ≥ 0) by moving the decimal point: the exact quotient `/` gives, without
  /// its long division, which costs far more (prices per million tokens are divided often).
  ///
  /// Near the smallest exponent (quotients below about 10^-90) `/` gives NaN where this still
  /// gives the exact number.
  public func dividedByPowerOfTen(_ n: Int) -> Decimal {
    guard !isNaN, !isZero, exponent - n >= -128 else {
      return self / Decimal(sign: .plus, exponent: n, significand: 1)
    }
    return Decimal(sign: sign, exponent: exponent - n, significand: significand)
  }
}
