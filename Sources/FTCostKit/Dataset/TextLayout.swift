/// A text encoding or line-break convention that JSONL readers do not accept, told apart from
/// the first bytes of a file so that it gets one clear error instead of one per line.
public enum TextLayout: Sendable, Equatable {
  /// UTF-16, from its byte order mark or the NUL byte beside every ASCII character.
  case utf16(bigEndian: Bool, byteOrderMark: Bool)
  /// UTF-32, from its byte order mark.
  case utf32(bigEndian: Bool)
  /// Lines that end in a lone carriage return (classic Mac OS), so the whole file reads as one line.
  case carriageReturns

  /// How the file is described in the error.
  public var name: String {
    switch self {
    case .utf16(let bigEndian, let mark):
      return "UTF-16 text (\(bigEndian ? "big" : "little")-endian\(mark ? ", with a byte order mark" : ""))"
    case .utf32(let bigEndian): return "UTF-32 text (\(bigEndian ? "big" : "little")-endian)"
    case .carriageReturns: return "text whose lines end in a lone carriage return (CR, as on classic Mac OS)"
    }
  }

  /// A shell command that writes a UTF-8, LF-separated copy of `path` beside it.
  public func conversion(of path: String) -> String {
    let source = ShellQuote.quoted(path)
    let target = ShellQuote.quoted(Self.convertedName(path))
    switch self {
    case .utf16(let bigEndian, let mark):
      // With a mark iconv finds the byte order itself; without one it must be told.
      let from = mark ? "UTF-16" : bigEndian ? "UTF-16BE" : "UTF-16LE"
      return "iconv -f \(from) -t UTF-8 \(source) > \(target)"
    case .utf32: return "iconv -f UTF-32 -t UTF-8 \(source) > \(target)"
    case .carriageReturns: return "tr '\\r' '\\n' < \(source) > \(target)"
    }
  }

  /// `data.jsonl` → `data.utf8.jsonl`.
  static func convertedName(_ path: String) -> String {
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    if let dot = path[slash...].lastIndex(of: "."), dot > slash {
      return String(path[..<dot]) + ".utf8" + String(path[dot...])
    }
    return path + ".utf8.jsonl"
  }

  /// The layout of a file that starts with `bytes`, when it is one ftcost cannot read; `nil`
  /// for UTF-8 (with or without a byte order mark) with LF or CRLF line breaks.
  ///
  /// Valid JSONL never holds a NUL byte (JSON escapes it), so NULs beside most ASCII characters
  /// mean UTF-16 even without a byte order mark. A lone CR is JSON whitespace, so a CR before
  /// the next line's `{` in a start of file without any LF means CR line breaks.
  public static func unsupported(_ bytes: [UInt8]) -> TextLayout? {
    let count = bytes.count
    if count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return .utf32(bigEndian: false) }
    if count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return .utf32(bigEndian: true) }
    if count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16(bigEndian: false, byteOrderMark: true) }
    if count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16(bigEndian: true, byteOrderMark: true) }
    let pairs = min(count, 4096) / 2
    if pairs > 0 {
      var evenNULs = 0
      var oddNULs = 0
      for pair in 0..<pairs {
        if bytes[2 * pair] == 0 { evenNULs += 1 }
        if bytes[2 * pair + 1] == 0 { oddNULs += 1 }
      }
      // JSON keys and punctuation are ASCII, so at least a quarter of the pairs have a NUL half.
      if oddNULs * 4 >= pairs && evenNULs * 16 <= oddNULs { return .utf16(bigEndian: false, byteOrderMark: false) }
      if evenNULs * 4 >= pairs && oddNULs * 16 <= evenNULs { return .utf16(bigEndian: true, byteOrderMark: false) }
    }
    guard !bytes.contains(0x0A) else { return nil }
    var index = 0
    while index < count {
      if bytes[index] == 0x0D {
        var next = index + 1
        while next < count, bytes[next] == 0x0D || bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        if next < count, bytes[next] == UInt8(ascii: "{") || bytes[next] == UInt8(ascii: "[") {
          return .carriageReturns
        }
        index = next
      } else {
        index += 1
      }
    }
    return nil
  }
}

/// Quoting for a path shown inside a suggested shell command.
enum ShellQuote {
  /// `path` as one shell word: as it is when it holds only safe characters, else in single quotes.
  static func quoted(_ path: String) -> String {
    let safe = path.utf8.allSatisfy { byte in
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || "/._-+,:@%".utf8.contains(byte)
    }
    if safe && !path.isEmpty { return path }
    return "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }
}
