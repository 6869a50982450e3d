import Foundation
import Testing

@testable import FTCostKit

/// tiktoken's ids on 10,000 generated lines (about 4 MB), from the repository alone.
@Suite struct TokenizerCorpusTests {
  /// One expected line of Fixtures/corpus-digests.txt.
  struct Expected: Sendable {
    var line: Int
    var textDigest: String
    /// Count and digest for o200k_base, then cl100k_base.
    var ids: [(count: Int, digest: String)]
  }

  static let expected: [Expected] = {
    let url = repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/corpus-digests.txt")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
      let fields = row.split(separator: " ").map(String.init)
      guard fields.count == 6 else { return Expected(line: -1, textDigest: "", ids: []) }
      return Expected(
        line: Int(fields[0]) ?? -1, textDigest: fields[1],
        ids: [(Int(fields[2]) ?? -1, fields[3]), (Int(fields[4]) ?? -1, fields[5])])
    }
  }()

  static let corpus: TokenizerCorpus? = (try? tokenFixtures()).map { TokenizerCorpus(texts: $0.map(\.text), seed: 11) }

  /// 64-bit FNV-1a of a text's UTF-8 bytes, as 16 hex digits.
  static func textDigest(_ text: String) -> String {
    var hash = FNV1a()
    hash.add(text)
    let hex = String(hash.value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  @Test func theDigestsCoverTenThousandLines() {
    #expect(Self.expected.count == 10_000)
    #expect(Self.expected.enumerated().allSatisfy { $0.offset + 1 == $0.element.line })
  }

  /// The corpus in eight slices, run in parallel; each line's text must be the one the script
  /// digested (else the two generators have drifted apart) and its ids tiktoken's.
  @Test(arguments: 0..<8)
  func sliceMatchesTiktoken(_ slice: Int) throws {
    let corpus = try #require(Self.corpus)
    let sessions = [o200k.session(), cl100k.session()]
    var mismatches: [String] = []
    for expected in Self.expected where expected.line % 8 == slice {
      let text = corpus.line(expected.line)
      guard Self.textDigest(text) == expected.textDigest else {
        mismatches.append("line \(expected.line): the generated text differs from the script's (recipe drift)")
        continue
      }
      for (index, session) in sessions.enumerated() {
        let ids = session.encode(text)
        if ids.count != expected.ids[index].count || idDigest(ids) != expected.ids[index].digest {
          mismatches.append(
            "line \(expected.line) \(session.tokenizer.encoding.rawValue): \(ids.count) ids, want \(expected.ids[index].count)"
          )
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(3))")
  }
}
