extension RankTable {
  /// The largest rank file read: 16 MiB (tiktoken's are under 4 MiB).
  static let largestFile = 16 << 20

  /// Parses a tiktoken rank file: one `base64 rank` line per token, ranks dense from 0.
  ///
  /// Strict, so that a damaged file is reported at its first bad line rather than counting
  /// wrongly: LF or CRLF line ends, the last line's optional; every token distinct; every single
  /// byte a token; `expectedCount` ranks when given.
  static func parse(_ data: [UInt8], path: String, expectedCount: (Encoding, Int)? = nil) throws(TokenizerError)
    -> RankTable
  {
    guard data.count <= largestFile else { throw .rankFileTooLarge(path, bytes: data.count) }
    let table = try data.withUnsafeBufferPointer { (buffer) throws(TokenizerError) -> RankTable in
      guard let base = buffer.baseAddress, buffer.count > 0 else { throw .wrongRankFile(path, .empty) }
      return try parseLines(base, buffer.count, path: path)
    }
    if let duplicate = table.duplicate {
      throw .malformedRankFile(path, line: duplicate.rank + 1, .duplicateToken(firstLine: duplicate.earlier + 1))
    }
    if let (encoding, expected) = expectedCount, table.count != expected {
      throw .wrongRankFile(path, .wrongCount(encoding: encoding, found: table.count, expected: expected))
    }
    var byte = 0
    while byte < 256 {
      var value = UInt8(byte)
      if table.rank(&value, 1) == missing { throw .wrongRankFile(path, .missingByte(UInt8(byte))) }
      byte += 1
    }
    return table
  }

  /// Reads the lines of a non-empty file into a table.
  private static func parseLines(_ data: UnsafePointer<UInt8>, _ count: Int, path: String) throws(TokenizerError)
    -> RankTable
  {
    // Decoded tokens are shorter than their lines, and a line has at least 6 bytes ("AA== 0").
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
    let starts = UnsafeMutablePointer<UInt32>.allocate(capacity: count / 6 + 2)
    var owned = true
    defer {
      if owned {
        storage.deallocate()
        starts.deallocate()
      }
    }
    starts[0] = 0
    var stored = 0
    var line = 1
    var index = 0
    while index < count {
      let lineStart = index
      while index < count, data[index] != 0x20, data[index] != 0x0A { index += 1 }
      if index == lineStart, index < count, data[index] == 0x0A {
        throw .malformedRankFile(path, line: line, .emptyLine)
      }
      guard index < count, data[index] == 0x20 else { throw .malformedRankFile(path, line: line, .missingRank) }
      guard index > lineStart else { throw .malformedRankFile(path, line: line, .missingToken) }
      let decoded = Base64.decode(data + lineStart, index - lineStart, into: storage + stored)
      guard decoded > 0 else { throw .malformedRankFile(path, line: line, .notBase64) }
      stored += decoded
      index += 1
      let rankStart = index
      while index < count, data[index] >= 0x30, data[index] <= 0x39 { index += 1 }
      let digits = index - rankStart
      if index + 1 < count, data[index] == 0x0D, data[index + 1] == 0x0A { index += 1 }
      let atLineEnd = index == count || data[index] == 0x0A
      if digits == 0 { throw .malformedRankFile(path, line: line, atLineEnd ? .missingRank : .rankNotANumber) }
      guard atLineEnd else { throw .malformedRankFile(path, line: line, .trailingCharacters) }
      guard rankValue(data + rankStart, digits) == line - 1 else {
        let text =
          digits <= 24
          ? String(decoding: UnsafeBufferPointer(start: data + rankStart, count: digits), as: UTF8.self)
          : "of \(digits) digits"
        throw .malformedRankFile(path, line: line, .rankOutOfSequence(expected: line - 1, found: text))
      }
      index += 1
      starts[line] = UInt32(stored)
      line += 1
    }
    owned = false
    return RankTable(taking: storage, starts: starts, count: line - 1)
  }

  /// The value of `count` decimal digits, or -1 when it has more than 18 significant ones (it
  /// cannot be a rank then, and converting it would overflow).
  private static func rankValue(_ digits: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var index = 0
    while index < count, digits[index] == 0x30 { index += 1 }
    if count - index > 18 { return -1 }
    var value = 0
    while index < count {
      value = value * 10 + Int(digits[index] - 0x30)
      index += 1
    }
    return value
  }
}

/// A strict standard-alphabet base64 decoder for rank files.
enum Base64 {
  /// Each byte's 6-bit value, 0xFF for bytes outside the alphabet.
  static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(character)] = UInt8(index)
    }
    return table
  }()

  /// Decodes `length` bytes of padded base64 at `text` into `output`; returns the number of bytes
  /// written, or 0 when the text is not base64 (wrong length, a byte outside the alphabet,
  /// padding other than one or two `=` at the end).
  static func decode(_ text: UnsafePointer<UInt8>, _ length: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
    guard length % 4 == 0, length > 0 else { return 0 }
    return values.withUnsafeBufferPointer { values in
      var buffer: UInt32 = 0
      var bits = 0
      var padding = 0
      var written = 0
      var index = 0
      while index < length {
        let byte = text[index]
        index += 1
        if byte == UInt8(ascii: "=") {
          padding += 1
          continue
        }
        if padding > 0 { return 0 }
        let value = values[Int(byte)]
        if value == 0xFF { return 0 }
        buffer = buffer << 6 | UInt32(value)
        bits += 6
        if bits >= 8 {
          bits -= 8
          output[written] = UInt8(truncatingIfNeeded: buffer >> UInt32(bits))
          written += 1
        }
      }
      return padding <= 2 ? written : 0
    }
  }
}
