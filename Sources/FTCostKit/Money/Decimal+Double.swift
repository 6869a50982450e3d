import Foundation

extension Decimal {
  /// Exact powers of ten as Doubles, 10^0 … 10^22 (the largest a Double holds exactly).
  private static let exactPowersOfTen: [Double] = (0...22).map { Double("1e\($0)") ?? 1 }

  /// The nearest Double, correctly rounded and so the same on every platform.
  ///
  /// When the digits fit in 53 bits and the exponent in ±22, one IEEE multiplication or
  /// division of two exact operands is correctly rounded (Clinger's fast path); other values are
  /// parsed from their decimal text (about fifty times slower). NSDecimalNumber's own conversion
  /// is not correctly rounded.
  var nearestDouble: Double {
    if isNaN { return .nan }
    let digits = NSDecimalNumber(decimal: significand).doubleValue
    let power = exponent
    if digits < 9_007_199_254_740_992, abs(power) <= 22 {
      // An integer below 2^53 is accumulated exactly from the decimal's 16-bit words.
      let magnitude =
        power >= 0 ? digits * Self.exactPowersOfTen[power] : digits / Self.exactPowersOfTen[-power]
      return sign == .minus ? -magnitude : magnitude
    }
    return Double(description) ?? 0
  }
}
