import Foundation
import Testing

@testable import FTCostKit

/// The streaming counter reports invalid UTF-8 where it is, or counts it as U+FFFD when asked.
@Suite struct TokenCounterTests {
  static func count(_ bytes: [UInt8], chunkSize: Int = 1 << 20, replacing: Bool = false) throws -> Int {
    var counter = TokenCounter(tokenizer: o200k)
    counter.chunkSize = chunkSize
    counter.replacesInvalidUTF8 = replacing
    var offset = 0
    return try counter.count {
      let end = min(offset + chunkSize, bytes.count)
      defer { offset = end }
      return Array(bytes[offset..<end])
    }.tokens
  }

  @Test(
    arguments: [
      ("a stray byte", Array("ab".utf8) + [0xFF] + Array("cd".utf8), 2, 1, 3, false),
      ("second line", Array("line1\nli".utf8) + [0xC3, 0x28] + Array("ne".utf8), 8, 2, 3, false),
      ("cut off at the end", Array("abc".utf8) + [0xE2, 0x82], 3, 1, 4, false),
      ("surrogate", Array("x\r\n\n".utf8) + [0xED, 0xA0, 0x80], 4, 3, 1, false),
      ("overlong", [0x41, 0xC0, 0xAF], 1, 1, 2, false),
      ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], 0, 1, 1, false),
      ("UTF-16 with a byte order mark", [0xFF, 0xFE, 0x68, 0x00], 0, 1, 1, true),
    ] as [(String, [UInt8], Int, Int, Int, Bool)])
  func invalidUTF8IsReportedWhereItIs(
    _ name: String, _ bytes: [UInt8], _ offset: Int, _ line: Int, _ column: Int, _ utf16: Bool
  ) {
    // The same position whatever the chunking, including one byte at a time.
    for chunkSize in [1, 2, 3, 1 << 20] {
      #expect(
        throws: TokenCountError.invalidUTF8(offset: offset, line: line, column: column, utf16: utf16),
        "\(name), chunks of \(chunkSize)"
      ) {
        try Self.count(bytes, chunkSize: chunkSize)
      }
    }
  }

  @Test func theMessageSaysWhereAndWhat() {
    #expect(
      TokenCountError.invalidUTF8(offset: 1234, line: 5, column: 3, utf16: false).description
        == "invalid_utf8: byte 3 of the line (offset 1234) is not valid UTF-8")
    #expect(
      TokenCountError.invalidUTF8(offset: 0, line: 1, column: 1, utf16: true).description.hasSuffix(
        "the text starts with a UTF-16 byte order mark: convert it to UTF-8 first"))
  }

  /// Replacement follows Unicode's "maximal subpart" practice, which is what Python 3's
  /// `errors="replace"` does: these are the U+FFFD counts Python gives for each input.
  @Test(
    arguments: [
      ([0xE2, 0x82, 0x41], 1), ([0xF0, 0x9F, 0x98], 1), ([0xED, 0xA0, 0x80], 3), ([0xC0, 0xAF], 2),
      ([0xF4, 0x90, 0x80, 0x80], 4), ([0xFF], 1), ([0x80, 0x80], 2), ([0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62], 0),
      ([0xE0, 0x80, 0x80], 3), ([0xF0, 0x80, 0x80, 0x80], 4),
    ] as [([UInt8], Int)])
  func replacementMatchesPython(_ bytes: [UInt8], _ replacements: Int) throws {
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == replacements)
    for chunkSize in [1, 2, 1 << 20] {
      #expect(try Self.count(bytes, chunkSize: chunkSize, replacing: true) == o200k.count(text))
    }
  }

  /// Random damage to real text: with replacement, streaming in any chunk size counts the same
  /// as decoding the whole input once.
  @Test func replacementIsIndependentOfChunking() throws {
    let sample = try tokenFixtures().prefix(40).map(\.text).joined(separator: "\n")
    for (index, bytes) in RobustnessTests.mutations(of: sample, count: 60, seed: 21).enumerated() {
      let whole = o200k.count(String(decoding: bytes, as: UTF8.self))
      for chunkSize in [1, 5, 64, 4099] {
        #expect(try Self.count(bytes, chunkSize: chunkSize, replacing: true) == whole, "mutation \(index)")
      }
    }
  }

  /// A run longer than many chunks is rescanned each time pending text doubles, not per chunk:
  /// 2 MiB of one letter through 2 KiB chunks (1,024 rescans of up to 2 MiB before).
  @Test func aRunSpanningManyChunksIsNotRescannedPerChunk() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
    let clock = ContinuousClock()
    var tokens = 0
    let elapsed = try clock.measure { tokens = try Self.count(bytes, chunkSize: 2048) }
    #expect(tokens == (2 << 20) / 8)  // tiktoken: "aaaaaaaa" is one token in o200k_base
    #expect(elapsed < .seconds(10))  // about 1 s in a debug build; 20 s when rescanned per chunk
  }
}
