import Foundation

/// Deterministic, locale-independent display of money and counts (`$1,234.56`, `$0.000036`).
public struct MoneyFormat: Sendable, Equatable {
  /// How halves are rounded when a figure is displayed.
  public var rounding: RoundingRule
  /// The ISO 4217 code of the amounts: USD shows as `$`, any other currency as its code (`EUR 12.50`).
  public var currency: String

  public init(rounding: RoundingRule = .halfAwayFromZero, currency: String = "USD") {
    self.rounding = rounding
    self.currency = currency
  }

  /// The same format for amounts in `code`.
  public func currency(_ code: String) -> MoneyFormat {
    MoneyFormat(rounding: rounding, currency: code)
  }

  /// `$` for USD, else the code and a space, so output stays ASCII and unambiguous.
  public var symbol: String { currency == "USD" ? "$" : currency + " " }

  /// A total: rounded to cents with grouping, `-$12.50` for negatives.
  public func total(_ value: Decimal) -> String {
    dollars(value.rounded(scale: 2, rule: rounding), minimumFractionDigits: 2)
  }

  /// A per-request or per-token figure: six significant digits, at least cents.
  public func unit(_ value: Decimal) -> String {
    let rounded = value.rounded(significantDigits: 6, rule: rounding)
    if let lead = rounded.leadingDigitExponent, lead >= 0 {
      return dollars(rounded.rounded(scale: max(2, 5 - lead), rule: rounding), minimumFractionDigits: 2)
    }
    return dollars(rounded, minimumFractionDigits: 2)
  }

  /// A price per 1M tokens or per hour, shown as written (at least cents): `$0.075`, `$3.00`.
  public func price(_ value: Decimal) -> String {
    dollars(value, minimumFractionDigits: 2)
  }

  /// `$` and the digits of `value` grouped by thousands, padded to `minimumFractionDigits`.
  public func dollars(_ value: Decimal, minimumFractionDigits: Int) -> String {
    guard value.isFinite else { return "n/a" }
    let sign = value < 0 ? "-" : ""
    return sign + symbol + Self.grouped(value.magnitude, minimumFractionDigits: minimumFractionDigits)
  }

  /// A plain decimal with thousands separators: `1,234,567.5`.
  public static func grouped(_ value: Decimal, minimumFractionDigits: Int = 0) -> String {
    let text = value.magnitude.description
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = String(parts[0])
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count < minimumFractionDigits { fraction.append("0") }
    var grouped = ""
    for (offset, character) in integer.enumerated() {
      if offset > 0 && (integer.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(character)
    }
    let sign = value < 0 ? "-" : ""
    return sign + grouped + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// A count such as a number of tokens or requests: `1,666,667`; fractional volumes keep 2 places.
  public static func count(_ value: Decimal) -> String {
    let whole = value.rounded(scale: 0, .plain)
    if whole == value { return grouped(value) }
    return grouped(value.rounded(scale: 2, .plain))
  }

  /// A ratio shown to two places: `31.57`.
  public func ratio(_ value: Decimal) -> String {
    guard value.isFinite else { return "n/a" }
    return Self.grouped(value.rounded(scale: 2, rule: rounding), minimumFractionDigits: 2)
  }

  /// A share as a percentage with `places` decimals: `99.98%`.
  public func percent(_ value: Decimal, places: Int) -> String {
    guard value.isFinite else { return "n/a" }
    let scaled = (value * 100).rounded(scale: places, rule: rounding)
    return (scaled < 0 ? "-" : "") + Self.grouped(scaled.magnitude, minimumFractionDigits: places) + "%"
  }

  /// A ratio as a whole percentage: `3,157%`.
  public func percent(_ value: Decimal) -> String {
    guard value.isFinite else { return "n/a" }
    let scaled = (value * 100).rounded(scale: 0, rule: rounding)
    return (scaled < 0 ? "-" : "") + Self.grouped(scaled.magnitude) + "%"
  }
}
