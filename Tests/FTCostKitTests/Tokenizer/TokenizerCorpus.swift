import Foundation

@testable import FTCostKit

/// A seeded text corpus for the tiktoken cross-check, generated on the fly so a fresh clone runs it.
///
/// Each line splices excerpts of the 1,864 reference strings (support chats in many languages,
/// and every split-rule edge case) with random scalars from every Unicode category the split
/// patterns name, repeated runs, whitespace and newline mixes, contractions, digit runs in
/// several scripts and JSON-escaped text: new neighbours at every splice, which is where a
/// pre-tokenizer goes wrong. `Fixtures/make_corpus_digests.py` implements the same recipe in
/// Python and records tiktoken's ids for each line; any change here must be made there too (the
/// digests file also holds each line's text digest, so a drift is reported as such).
struct TokenizerCorpus {
  /// The scalar ranges random scalars are drawn from (inclusive, no surrogates, blocks assigned
  /// long ago so both Unicode databases agree).
  static let pools: [(UInt32, UInt32)] = [
    (0x41, 0x5A), (0x61, 0x7A), (0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E), (0x30, 0x39),
    (0x00, 0x1F), (0x7F, 0x9F), (0xA0, 0xFF), (0x100, 0x17F), (0x300, 0x36F), (0x391, 0x3C9), (0x400, 0x4FF),
    (0x5D0, 0x5EA), (0x620, 0x65F), (0x900, 0x97F), (0xE01, 0xE5B), (0x2000, 0x206F), (0x2100, 0x218F),
    (0x2460, 0x24FF), (0x3041, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xE000, 0xE0FF), (0xFF01, 0xFF5E),
    (0x1F300, 0x1F64F), (0x20000, 0x2A6DF),
  ]
  /// Whitespace units, repeated 1–5 times.
  static let spaces = [
    " ", "  ", "\n", "\r\n", "\t", " \n ", "\n\n", "\r", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", " \t\n",
  ]
  static let contractions = ["'s", "'T", "'re", "'VE", "'m", "'ll", "'d", "’s", "'ſ", "n't", "'LL", "'"]
  /// Digit ranges: ASCII, Arabic-Indic, fullwidth, Devanagari.
  static let digits: [(UInt32, UInt32)] = [(0x30, 0x39), (0x660, 0x669), (0xFF10, 0xFF19), (0x966, 0x96F)]
  static let jsonish = [
    "{\"role\": \"user\", \"content\": \"", "\"}, {\"role\": \"assistant\", \"content\": \"", "\\n", "\\n\\n",
    "\\u00e9", "\\ud83d\\ude00", "\\\"", "\\\\", "\"}]}", "https://example.com/help/4666?lang=uk&x=1",
    "C:\\\\Users\\\\me\\\\file.txt", "<|endoftext|>", "```swift\nlet x = 1\n```", "    return x;\n",
  ]

  let texts: [[Unicode.Scalar]]
  let seed: UInt64

  init(texts: [String], seed: UInt64) {
    self.texts = texts.map { Array($0.unicodeScalars) }
    self.seed = seed
  }

  /// Line `number` (from 1): every line has its own generator, so lines can be made in any order.
  func line(_ number: Int) -> String {
    var random = SplitMix64(seed: seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
    var view = String.UnicodeScalarView()
    func draw(_ limit: Int) -> Int { Int(random.next() % UInt64(limit)) }
    func scalar(_ range: (UInt32, UInt32)) -> Unicode.Scalar {
      Unicode.Scalar(range.0 + UInt32(draw(Int(range.1 - range.0) + 1))) ?? "?"
    }
    func append(_ text: String) { view.append(contentsOf: text.unicodeScalars) }
    let segments = 1 + draw(24)
    for _ in 0..<segments {
      switch draw(16) {
      case 0..<7:
        let text = texts[draw(texts.count)]
        guard !text.isEmpty else { continue }
        let start = draw(text.count)
        let length = 1 + draw(min(text.count - start, 300))
        view.append(contentsOf: text[start..<(start + length)])
      case 7, 8:
        for _ in 0..<(1 + draw(16)) { view.append(scalar(Self.pools[draw(Self.pools.count)])) }
      case 9:
        let unit = scalar(Self.pools[draw(Self.pools.count)])
        for _ in 0..<(2 + draw(150)) { view.append(unit) }
      case 10:
        let unit = Self.spaces[draw(Self.spaces.count)]
        for _ in 0..<(1 + draw(5)) { append(unit) }
      case 11:
        append(Self.contractions[draw(Self.contractions.count)])
      case 12:
        let range = Self.digits[draw(Self.digits.count)]
        for _ in 0..<(1 + draw(10)) { view.append(scalar(range)) }
      default:
        append(Self.jsonish[draw(Self.jsonish.count)])
      }
    }
    return String(view)
  }
}
