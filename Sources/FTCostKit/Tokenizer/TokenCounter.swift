import Foundation

/// Counts the tokens of a text stream in bounded memory.
///
/// Reads fixed-size chunks, encodes every piece the split patterns have settled, and carries the
/// unsettled tail (and any partial UTF-8 sequence) into the next chunk.
public struct TokenCounter {
  public let tokenizer: Tokenizer
  /// Bytes read per chunk.
  public var chunkSize = 1 << 20

  public init(tokenizer: Tokenizer) {
    self.tokenizer = tokenizer
  }

  /// Counts the tokens of everything `read` returns until it returns an empty chunk.
  public func count(reading read: () throws -> [UInt8]) rethrows -> (tokens: Int, bytes: Int) {
    let session = tokenizer.session()
    var pending: [UInt8] = []
    var tokens = 0
    var bytes = 0
    var finished = false
    while !finished {
      let chunk = try read()
      bytes += chunk.count
      finished = chunk.isEmpty
      pending += chunk
      // Keep a trailing partial UTF-8 sequence for the next chunk.
      var usable = pending.count
      if !finished {
        var back = 0
        while back < 4, back < usable, pending[usable - 1 - back] & 0xC0 == 0x80 { back += 1 }
        if back < usable {
          let lead = pending[usable - 1 - back]
          let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
          if width > back + 1 { usable -= back + 1 }
        }
      }
      let text = String(decoding: pending[0..<usable], as: UTF8.self)
      var valid = Array(text.utf8)
      let consumed = valid.withUnsafeMutableBufferPointer { buffer in
        session.process(UnsafeBufferPointer(buffer), isFinal: finished) { _ in tokens += 1 }
      }
      // Map consumed bytes of the repaired text back: repair only changes invalid bytes, so keep
      // the unconsumed tail of the repaired text plus the partial sequence.
      let tail = Array(valid[consumed...])
      pending = tail + pending[usable...]
      if !finished && pending.count > 64 << 20 {
        // A single unsettled piece this large is pathological; encode it as is.
        valid = Array(String(decoding: pending, as: UTF8.self).utf8)
        _ = valid.withUnsafeMutableBufferPointer { buffer in
          session.process(UnsafeBufferPointer(buffer), isFinal: true) { _ in tokens += 1 }
        }
        pending = []
      }
    }
    return (tokens, bytes)
  }
}
