/// Why a JSON text could not be read, with the line and column of the problem.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var location: SourceLocation

  public var description: String { "\(location): \(message)" }

  /// The error as a finding in `file`, as every reader of JSON files reports it.
  public func diagnostic(file: String) -> Diagnostic {
    Diagnostic(file: file, location: location, path: "", message: "malformed JSON: \(message)")
  }
}

/// A strict JSON parser (RFC 8259) that records locations and keeps number literals exact.
///
/// Written by hand rather than with `JSONSerialization` because ftcost needs line and column
/// for every field, duplicate keys kept (a decoder silently drops one), and prices read as
/// decimal text, never through `Double`.
public struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0
  /// Nesting deeper than this is refused so hostile input cannot exhaust the stack.
  static let maximumDepth = 512

  /// Parses one complete JSON document; anything but whitespace after it is an error.
  public static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(bytes: bytes)
    parser.line = firstLine
    parser.skipByteOrderMark()
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.index < bytes.count {
      throw parser.error("unexpected text after the JSON value")
    }
    return value
  }

  /// Parses a JSON document given as a string.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
    try parse(Array(text.utf8))
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private var location: SourceLocation {
    SourceLocation(line: line, column: index - lineStart + 1)
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(message: message, location: location)
  }

  private mutating func skipByteOrderMark() {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
    guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
    let start = location
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return JSONNode(kind: .string(try parseString()), location: start)
    case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(kind: .bool(true), location: start)
    case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(kind: .bool(false), location: start)
    case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(kind: .null, location: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(kind: .number(try parseNumber()), location: start)
    default:
      let word = wordAtIndex()
      if ["NaN", "nan", "Infinity", "inf", "-Infinity"].contains(word) {
        throw error("'\(word)' is not a valid JSON number (JSON has no NaN or infinity)")
      }
      throw error("unexpected character '\(printable(bytes[index]))', expected a value")
    }
  }

  private func wordAtIndex() -> String {
    var end = index
    while end < bytes.count, end - index < 16, bytes[end] >= 0x21, bytes[end] < 0x7F,
      ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[end])
    {
      end += 1
    }
    return String(decoding: bytes[index..<end], as: UTF8.self)
  }

  private func printable(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
  }

  private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
    let expected = Array(word.utf8)
    let count = expected.count
    let matches = index + count <= bytes.count && bytes[index..<(index + count)].elementsEqual(expected)
    guard matches else { throw error("invalid literal '\(wordAtIndex())'") }
    index += count
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode {
    let start = location
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [JSONNode.Member] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONNode(kind: .object(members), location: start)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an object") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key in double quotes, found '\(printable(bytes[index]))'")
      }
      let keyLocation = location
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONNode.Member(key: key, keyLocation: keyLocation, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return JSONNode(kind: .object(members), location: start)
      }
      throw error("expected ',' or '}' after a member, found '\(printable(bytes[index]))'")
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode {
    let start = location
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONNode] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return JSONNode(kind: .array(items), location: start)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return JSONNode(kind: .array(items), location: start)
      }
      throw error("expected ',' or ']' after an item, found '\(printable(bytes[index]))'")
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = index
    func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard digit(index) else { throw error("expected a digit in a number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if digit(index) { throw error("a number may not start with 0 (leading zeros are not JSON)") }
    } else {
      while digit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digit(index) else { throw error("expected a digit after the decimal point") }
      while digit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digit(index) else { throw error("expected a digit in the exponent") }
      while digit(index) { index += 1 }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1  // opening quote
    let start = index
    // Fast path: no escapes, valid UTF-8.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = bytes[start..<index]
        index += 1
        guard let text = String(validating: slice, as: UTF8.self) else {
          index = start
          throw error("the string holds bytes that are not valid UTF-8")
        }
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("a control character must be escaped inside a string") }
      index += 1
    }
    var buffer = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: buffer, as: UTF8.self) else {
          throw error("the string holds bytes that are not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if scalar >= 0xD800 && scalar < 0xDC00 {
            // A high surrogate must be followed by an escaped low surrogate.
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
              index += 2
              let low = try parseHex4()
              if low >= 0xDC00 && low < 0xE000 {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
              } else {
                appendUTF8(0xFFFD, to: &buffer)
                scalar = low
              }
            } else {
              scalar = 0xFFFD
            }
          } else if scalar >= 0xDC00 && scalar < 0xE000 {
            scalar = 0xFFFD  // a lone low surrogate, as Python's json and tiktoken users see it replaced
          }
          appendUTF8(scalar, to: &buffer)
        default:
          index -= 1
          throw error("invalid escape '\\\(printable(escape))' in a string")
        }
      default:
        if byte < 0x20 { throw error("a control character must be escaped inside a string") }
        buffer.append(byte)
        index += 1
      }
    }
    throw error("unterminated string")
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let nibble: UInt8
      switch byte {
      case 48...57: nibble = byte - 48
      case 65...70: nibble = byte - 55
      case 97...102: nibble = byte - 87
      default: throw error("a \\u escape needs four hex digits")
      }
      value = value << 4 | UInt32(nibble)
      index += 1
    }
    return value
  }

  private func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
    let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
    buffer.append(contentsOf: Array(String(value).utf8))
  }
}
