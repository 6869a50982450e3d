/// The Unicode properties the pre-tokenization patterns ask about, packed in one byte per scalar.
///
/// The split patterns name \p{L} and its parts (Lu, Lt, Lm, Lo, Ll), \p{M}, \p{N}, \s (the
/// White_Space property) and CR/LF. A table covers the Basic Multilingual Plane; other planes
/// are classified on the fly.
struct ScalarClass {
  static let letter: UInt8 = 1 << 0
  /// Lu or Lt: in the "upper" set of o200k_base but not the "lower" one.
  static let upperOnly: UInt8 = 1 << 1
  /// Ll: in the "lower" set only.
  static let lowerOnly: UInt8 = 1 << 2
  /// Lm or Lo: in both sets.
  static let modifierOrOther: UInt8 = 1 << 3
  /// Mn, Mc or Me: in both sets, but not a letter.
  static let mark: UInt8 = 1 << 4
  static let number: UInt8 = 1 << 5
  static let whitespace: UInt8 = 1 << 6
  static let newline: UInt8 = 1 << 7

  /// The set `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
  static let upperSet: UInt8 = upperOnly | modifierOrOther | mark
  /// The set `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
  static let lowerSet: UInt8 = lowerOnly | modifierOrOther | mark
  /// What [^\r\n\p{L}\p{N}] excludes.
  static let notPrefix: UInt8 = newline | letter | number
  /// What [^\s\p{L}\p{N}] excludes.
  static let notPunctuation: UInt8 = whitespace | letter | number

  /// The class of one scalar, from the standard library's Unicode data.
  static func compute(_ value: UInt32) -> UInt8 {
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    var result: UInt8 = 0
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: result = letter | upperOnly
    case .lowercaseLetter: result = letter | lowerOnly
    case .modifierLetter, .otherLetter: result = letter | modifierOrOther
    case .nonspacingMark, .spacingMark, .enclosingMark: result = mark
    case .decimalNumber, .letterNumber, .otherNumber: result = number
    default: break
    }
    if scalar.properties.isWhitespace { result |= whitespace }
    if value == 0x0A || value == 0x0D { result |= newline }
    return result
  }

  /// Classes of U+0000 … U+FFFF, built once.
  static let basicPlane: [UInt8] = (0..<0x10000).map { compute(UInt32($0)) }

  @inline(__always)
  static func of(_ value: UInt32) -> UInt8 {
    value < 0x10000 ? basicPlane[Int(value)] : compute(value)
  }
}
