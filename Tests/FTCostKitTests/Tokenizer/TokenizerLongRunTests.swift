import Foundation
import Testing

@testable import FTCostKit

/// One long unbroken run and tiktoken's result for it (Fixtures/make_long_runs.py).
struct LongRunCase: Sendable, CustomTestStringConvertible {
  var name: String
  var unit: String?
  var alphabet: String?
  var count: Int
  var seed: UInt64
  var suffix: String
  var bytes: Int
  /// Per encoding: the number of ids and their FNV-1a digest, as 16 hex digits.
  var expected: [Encoding: (count: Int, digest: String)]

  var testDescription: String { name }

  /// The text: `unit` repeated, or characters drawn from `alphabet` with SplitMix64 as the
  /// script draws them (index = next() % size, over Unicode scalars).
  func text() -> String {
    var text = ""
    if let unit {
      text = String(repeating: unit, count: count)
    } else if let alphabet {
      let scalars = Array(alphabet.unicodeScalars)
      var generator = SplitMix64(seed: seed)
      var view = String.UnicodeScalarView()
      for _ in 0..<count { view.append(scalars[Int(generator.next() % UInt64(scalars.count))]) }
      text = String(view)
    }
    return text + suffix
  }

  static func all() throws -> [LongRunCase] {
    let url = repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/tokenizer-long-runs.jsonl")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
      let node = try JSONParser.parse(String(line))
      func integer(_ key: String) -> Int {
        if case .number(let text)? = node[key]?.kind { return Int(text) ?? -1 }
        return -1
      }
      var expected: [Encoding: (count: Int, digest: String)] = [:]
      for encoding in Encoding.allCases {
        if case .number(let count)? = node[encoding.rawValue]?["count"]?.kind,
          let digest = node[encoding.rawValue]?["digest"]?.stringValue
        {
          expected[encoding] = (Int(count) ?? -1, digest)
        }
      }
      return LongRunCase(
        name: node["case"]?.stringValue ?? "?", unit: node["unit"]?.stringValue,
        alphabet: node["alphabet"]?.stringValue, count: integer("count"), seed: UInt64(max(integer("seed"), 0)),
        suffix: node["suffix"]?.stringValue ?? "", bytes: integer("bytes"), expected: expected)
    }
  }
}

/// 64-bit FNV-1a over the ids as little-endian UInt32s, as the fixture scripts digest them.
///
/// Plain loops: this runs over millions of ids in a debug build.
func idDigest(_ ids: [Int]) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  var index = 0
  while index < ids.count {
    var id = UInt32(truncatingIfNeeded: ids[index])
    var byte = 0
    while byte < 4 {
      hash = (hash ^ UInt64(id & 0xFF)) &* 0x0000_0100_0000_01b3
      id >>= 8
      byte += 1
    }
    index += 1
  }
  return String(hash, radix: 16).leftPadded(to: 16)
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

/// Long unbroken runs (one huge piece each) give tiktoken's ids, quickly.
@Suite struct TokenizerLongRunTests {
  @Test func fixtureCoversTheIssuesInputs() throws {
    let names = try LongRunCase.all().map(\.name)
    #expect(names.count >= 15)
    for name in ["1 MiB of one CJK character", "1 MiB of random ASCII letters", "1 MiB of spaces", "300,000 a"] {
      #expect(names.contains(name))
    }
  }

  /// Every case in both encodings: the ids' count and digest equal tiktoken's; and for runs up to
  /// 300,000 bytes the streaming counter (which carries a piece that reaches the end of its chunk
  /// into the next) counts the same through three chunks and more.
  @Test(arguments: try LongRunCase.all())
  func longRunMatchesTiktoken(_ run: LongRunCase) throws {
    let text = run.text()
    #expect(text.utf8.count == run.bytes)
    for tokenizer in [o200k, cl100k] {
      let expected = try #require(run.expected[tokenizer.encoding])
      let ids = tokenizer.encode(text)
      #expect(ids.count == expected.count, "\(tokenizer.encoding.rawValue)")
      #expect(idDigest(ids) == expected.digest, "\(tokenizer.encoding.rawValue)")
      guard run.bytes <= 300_000 else { continue }
      var counter = TokenCounter(tokenizer: tokenizer)
      counter.chunkSize = 100_003
      let bytes = Array(text.utf8)
      var offset = 0
      let streamed = try counter.count {
        let end = min(offset + counter.chunkSize, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
      }
      #expect(streamed.tokens == expected.count, "\(tokenizer.encoding.rawValue) streamed")
    }
  }

  /// A megabyte of spaces, one piece, counts in well under a second even in a debug build
  /// (the old quadratic merge took minutes).
  @Test func aMegabyteOfSpacesIsFast() {
    let text = String(repeating: " ", count: 1 << 20)
    let clock = ContinuousClock()
    let elapsed = clock.measure { #expect(o200k.count(text) == 8192) }
    #expect(elapsed < .seconds(10))
  }
}

/// The linked-list merge and the scan give the same tokens, and both equal a plain reference.
@Suite struct BytePairMergerTests {
  /// tiktoken's `_byte_pair_merge`, written as plainly as possible.
  static func referenceMerge(_ piece: [UInt8], _ ranks: RankTable) -> [UInt32] {
    func rank(_ bytes: ArraySlice<UInt8>) -> UInt32 {
      Array(bytes).withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { ranks.rank($0, buffer.count) } ?? RankTable.missing
      }
    }
    var starts = Array(0...piece.count)
    while true {
      var best: (rank: UInt32, index: Int)? = nil
      for index in 0..<(starts.count - 2) {
        let candidate = rank(piece[starts[index]..<starts[index + 2]])
        if candidate != RankTable.missing, candidate < best?.rank ?? RankTable.missing {
          best = (candidate, index)
        }
      }
      guard let best else { break }
      starts.remove(at: best.index + 1)
    }
    return (0..<(starts.count - 1)).map { rank(piece[starts[$0]..<starts[$0 + 1]]) }
  }

  static func merged(
    _ piece: [UInt8], _ ranks: RankTable, _ method: BytePairMerger.Method,
    using merger: BytePairMerger = BytePairMerger()
  ) -> [UInt32] {
    var ids: [UInt32] = []
    piece.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      merger.merge(base, buffer.count, ranks: ranks, method: method) { ids.append($0) }
    }
    return ids
  }

  /// Random pieces over small alphabets (many ties and long merge chains) and random bytes.
  @Test(
    arguments: [
      ("ab", 1), (" ", 2), ("a", 3), ("abc ", 4), ("中文", 5), ("=-", 6), ("0123456789", 7),
      ("\u{FF}\u{80}", 8), ("the quick brown fox", 9),
    ] as [(String, UInt64)])
  func bothWaysEqualTheReference(alphabet: String, seed: UInt64) {
    let letters = Array(alphabet.utf8)
    let merger = BytePairMerger()
    var generator = SplitMix64(seed: seed)
    for ranks in [o200k.ranks, cl100k.ranks] {
      for _ in 0..<40 {
        let length = 2 + Int(generator.next() % 150)
        let piece = (0..<length).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
        let reference = Self.referenceMerge(piece, ranks)
        #expect(Self.merged(piece, ranks, .linkedList, using: merger) == reference)
        #expect(Self.merged(piece, ranks, .scan, using: merger) == reference)
      }
    }
  }

  /// Each of the 1,864 reference strings taken whole as one piece (up to 1,000 bytes, where the
  /// scan is still quick): the two ways agree.
  @Test func linkedListMergeEqualsScanOnFixtureTexts() throws {
    let merger = BytePairMerger()
    var compared = 0
    for fixture in try tokenFixtures() {
      let bytes = Array(fixture.text.utf8)
      guard bytes.count >= 2, bytes.count <= 1000 else { continue }
      for ranks in [o200k.ranks, cl100k.ranks] {
        #expect(
          Self.merged(bytes, ranks, .linkedList, using: merger) == Self.merged(bytes, ranks, .scan, using: merger),
          "line \(fixture.line)")
        compared += 1
      }
    }
    #expect(compared > 3000)
  }
}
