import Foundation

/// Why a piece of text is not an exact decimal number.
public enum NumberError: Error, Equatable, CustomStringConvertible {
  case empty
  case notANumber(String)
  case notFinite(String)
  case outOfRange(String)

  public var description: String {
    switch self {
    case .empty:
      return "an empty value is not a number"
    case .notANumber(let text):
      return "'\(text)' is not a number (write digits like 1000, 1_000_000, 0.15 or 2.5e-7)"
    case .notFinite(let text):
      return "'\(text)' is not a finite number"
    case .outOfRange(let text):
      return "'\(text)' is too large or too small to compute with exactly"
    }
  }
}

/// The one strict parser for numbers from JSON files and the command line.
///
/// Accepts `1000`, `1_000_000`, `-0.15`, `1e6`, `2.5e-7`; rejects `nan`, `inf`, hex, trailing
/// text, a bare `.` and exponents beyond what `Decimal` holds exactly. Underscores are allowed
/// only between digits, as in Swift literals.
public enum DecimalParser {
  /// The largest decimal exponent accepted; `Decimal` holds up to about 10^127.
  static let maximumExponent = 100

  /// Parses `text` into an exact `Decimal`.
  public static func parse(_ text: String) throws(NumberError) -> Decimal {
    if text.isEmpty { throw .empty }
    let lowered = text.lowercased()
    let bare = lowered.hasPrefix("-") || lowered.hasPrefix("+") ? String(lowered.dropFirst()) : lowered
    if ["nan", "inf", "infinity"].contains(bare) { throw .notFinite(text) }

    var digits = ""  // significand digits without the point
    var negative = false
    var pointShift = 0
    var exponent = 0
    let scalars = Array(text.utf8)
    var index = 0
    if index < scalars.count, scalars[index] == UInt8(ascii: "-") || scalars[index] == UInt8(ascii: "+") {
      negative = scalars[index] == UInt8(ascii: "-")
      index += 1
    }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    // Integer part.
    var sawDigit = false
    var previousWasDigit = false
    while index < scalars.count {
      let byte = scalars[index]
      if isDigit(byte) {
        digits.append(Character(UnicodeScalar(byte)))
        sawDigit = true
        previousWasDigit = true
      } else if byte == UInt8(ascii: "_") {
        guard previousWasDigit, index + 1 < scalars.count, isDigit(scalars[index + 1]) else {
          throw .notANumber(text)
        }
        previousWasDigit = false
      } else {
        break
      }
      index += 1
    }
    if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
      index += 1
      var fractionDigits = 0
      while index < scalars.count, isDigit(scalars[index]) {
        digits.append(Character(UnicodeScalar(scalars[index])))
        fractionDigits += 1
        index += 1
      }
      if fractionDigits == 0 && !sawDigit { throw .notANumber(text) }
      if fractionDigits > 0 { sawDigit = true }
      pointShift = fractionDigits
    }
    guard sawDigit else { throw .notANumber(text) }
    if index < scalars.count, scalars[index] == UInt8(ascii: "e") || scalars[index] == UInt8(ascii: "E") {
      index += 1
      var exponentNegative = false
      if index < scalars.count, scalars[index] == UInt8(ascii: "-") || scalars[index] == UInt8(ascii: "+") {
        exponentNegative = scalars[index] == UInt8(ascii: "-")
        index += 1
      }
      var exponentDigits = 0
      var value = 0
      while index < scalars.count, isDigit(scalars[index]) {
        if value < 100_000 { value = value * 10 + Int(scalars[index] - 48) }
        exponentDigits += 1
        index += 1
      }
      if exponentDigits == 0 { throw .notANumber(text) }
      exponent = exponentNegative ? -value : value
    }
    guard index == scalars.count else { throw .notANumber(text) }

    // Normalise: strip leading zeros, then check the magnitude before building the value.
    let significant = digits.drop(while: { $0 == "0" })
    if significant.isEmpty { return Decimal(0) }
    let trailingZeros = significant.reversed().prefix(while: { $0 == "0" }).count
    let core = significant.dropLast(trailingZeros)
    let scale = exponent - pointShift + trailingZeros  // value = core * 10^scale
    let magnitude = scale + core.count - 1  // exponent of the leading digit
    if magnitude > maximumExponent || magnitude < -maximumExponent || core.count > 38 {
      throw .outOfRange(text)
    }
    guard var value = Decimal(string: String(core), locale: Locale(identifier: "en_US_POSIX")) else {
      throw .notANumber(text)
    }
    if scale != 0 {
      value = Decimal(sign: .plus, exponent: scale + value.exponent, significand: value.significand)
    }
    return negative ? -value : value
  }

  /// Parses a whole number of tokens, examples or requests.
  public static func parseCount(_ text: String) throws(NumberError) -> Int64 {
    let value = try parse(text)
    guard value >= 0, value == value.rounded(scale: 0, .plain), value <= Decimal(Int64.max) else {
      throw .notANumber(text)
    }
    return Int64(truncating: value as NSDecimalNumber)
  }
}
