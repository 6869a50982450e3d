import Foundation

/// Why a text could not be counted.
public enum TokenCountError: Error, Equatable, CustomStringConvertible {
  /// The byte at `offset` (0-based, in the whole input) is not valid UTF-8: it starts no
  /// sequence, or starts one that is cut short, overlong, a surrogate or above U+10FFFF. `line`
  /// and `column` are 1-based, the column counted in bytes as `dataset inspect` counts it.
  /// `utf16` when the input starts with a UTF-16 byte order mark.
  case invalidUTF8(offset: Int, line: Int, column: Int, utf16: Bool)

  public var description: String {
    switch self {
    case .invalidUTF8(let offset, _, let column, let utf16):
      let hint = utf16 ? "; the text starts with a UTF-16 byte order mark: convert it to UTF-8 first" : ""
      return "invalid_utf8: byte \(column) of the line (offset \(offset)) is not valid UTF-8\(hint)"
    }
  }
}

/// Counts the tokens of a text stream in bounded memory.
///
/// Reads fixed-size chunks, encodes every piece the split patterns have settled, and carries the
/// unsettled tail (and any partial UTF-8 sequence) into the next chunk.
public struct TokenCounter {
  public let tokenizer: Tokenizer
  /// Bytes read per chunk.
  public var chunkSize = 1 << 20
  /// Count invalid UTF-8 as U+FFFD instead of failing: each maximal ill-formed subsequence becomes
  /// one replacement character, as Python's `bytes.decode("utf-8", errors="replace")` does.
  public var replacesInvalidUTF8 = false

  public init(tokenizer: Tokenizer) {
    self.tokenizer = tokenizer
  }

  /// Counts the tokens of everything `read` returns until it returns an empty chunk.
  ///
  /// Throws `TokenCountError.invalidUTF8` at the first byte that is not UTF-8 (unless
  /// `replacesInvalidUTF8`), and whatever `read` throws.
  public func count(reading read: () throws -> [UInt8]) throws -> (tokens: Int, bytes: Int) {
    let session = tokenizer.session()
    var pending: [UInt8] = []
    var tokens = 0
    var bytes = 0
    var finished = false
    // pending[0..<checked] is valid UTF-8 (repaired when replacing); pending[0] is input byte
    // `pendingOffset` (when not replacing, which keeps offsets those of the input).
    var checked = 0
    var pendingOffset = 0
    var position = TextPosition()
    var head: [UInt8] = []  // the input's first two bytes, to recognise a UTF-16 byte order mark
    // After a round leaves a long piece unsettled, wait until twice as many bytes are pending
    // before scanning again: a run spanning many chunks is then rescanned O(log n) times, not
    // once per chunk (which was quadratic).
    var settleAt = 0
    while !finished {
      let chunk = try read()
      if head.count < 2 { head += chunk.prefix(2 - head.count) }
      bytes += chunk.count
      finished = chunk.isEmpty
      pending += chunk
      let usable = finished ? pending.count : Self.completeSequencesEnd(pending)
      if let bad = UTF8Check.firstInvalidByte(Array(pending[checked..<usable])) {
        if replacesInvalidUTF8 {
          let repaired = Array(String(decoding: pending[checked..<usable], as: UTF8.self).utf8)
          pending.replaceSubrange(checked..<usable, with: repaired)
          checked += repaired.count
        } else {
          position.advance(over: pending[checked..<(checked + bad)], from: pendingOffset + checked)
          throw TokenCountError.invalidUTF8(
            offset: pendingOffset + checked + bad, line: position.line,
            column: pendingOffset + checked + bad - position.lineStart + 1,
            utf16: head == [0xFF, 0xFE] || head == [0xFE, 0xFF])
        }
      } else {
        if !replacesInvalidUTF8 { position.advance(over: pending[checked..<usable], from: pendingOffset + checked) }
        checked = usable
      }
      if !finished, checked < settleAt { continue }
      var consumed = pending.withUnsafeBufferPointer { buffer in
        session.process(UnsafeBufferPointer(rebasing: buffer[0..<checked]), isFinal: finished) { _ in tokens += 1 }
      }
      if !finished, checked - consumed > 64 << 20 {
        // One unsettled piece this large is pathological; encode it as it stands.
        consumed += pending.withUnsafeBufferPointer { buffer in
          session.process(UnsafeBufferPointer(rebasing: buffer[consumed..<checked]), isFinal: true) { _ in tokens += 1 }
        }
      }
      pending.removeFirst(consumed)
      pendingOffset += consumed
      checked -= consumed
      settleAt = checked >= chunkSize ? min(2 * checked, (64 << 20) + 1) : 0
    }
    return (tokens, bytes)
  }

  /// The end of `bytes` without a trailing UTF-8 sequence that the next chunk could complete.
  private static func completeSequencesEnd(_ bytes: [UInt8]) -> Int {
    let count = bytes.count
    var back = 0
    while back < 4, back < count, bytes[count - 1 - back] & 0xC0 == 0x80 { back += 1 }
    guard back < count else { return count }
    let lead = bytes[count - 1 - back]
    let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    return width > back + 1 ? count - back - 1 : count
  }
}

/// The line number and line start of a point in a byte stream, for error messages.
private struct TextPosition {
  var line = 1
  /// The offset of the current line's first byte.
  var lineStart = 0

  /// Moves past `bytes`, the first of which is at offset `start`.
  mutating func advance(over bytes: ArraySlice<UInt8>, from start: Int) {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        if buffer[index] == 0x0A {
          line += 1
          lineStart = start + index + 1
        }
        index += 1
      }
    }
  }
}
