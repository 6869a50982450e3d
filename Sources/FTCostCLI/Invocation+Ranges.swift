import FTCostKit
import Foundation

extension Invocation {
  /// The whole-number value of option `name`, which must lie in `range`; `nil` when not given.
  ///
  /// Anything else (not a number, a fraction, a value out of range however large) is a usage
  /// error naming the value and the allowed range, so no later arithmetic sees it. `expected`
  /// replaces the default wording of the range.
  func wholeNumber(_ name: String, in range: ClosedRange<Int64>, expected: String? = nil) throws(UsageError)
    -> Int64?
  {
    guard let text = string(name) else { return nil }
    let lowest = Decimal(range.lowerBound)
    let highest = Decimal(range.upperBound)
    guard let value = try? DecimalParser.parse(text), value == value.rounded(scale: 0, .plain), value >= lowest,
      value <= highest
    else {
      let synopsis = command.option(named: name)?.synopsis ?? name
      let wanted =
        expected ?? "a whole number from \(MoneyFormat.grouped(lowest)) to \(MoneyFormat.grouped(highest))"
      throw usageError("The value '\(text)' is invalid for '\(synopsis)': expected \(wanted)")
    }
    return Int64(truncating: value as NSDecimalNumber)
  }
}
