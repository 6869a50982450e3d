import Foundation
import Testing

@testable import FTCostKit

let ranksFolder = repositoryRoot.appendingPathComponent("Sources/FTCostKit/Tokenizer/Ranks").path

/// Loaded once for all tokenizer tests.
let o200k: Tokenizer = {
  do { return try Tokenizer.load(.o200kBase, from: ranksFolder) } catch { fatalError("\(error)") }
}()
let cl100k: Tokenizer = {
  do { return try Tokenizer.load(.cl100kBase, from: ranksFolder) } catch { fatalError("\(error)") }
}()

struct TokenFixture: Sendable {
  var line: Int
  var text: String
  var o200k: [Int]
  var cl100k: [Int]
}

/// tiktoken 0.14.0's `encode_ordinary` ids for 1,864 strings (shared/tokenizers/fixtures).
func tokenFixtures() throws -> [TokenFixture] {
  let url = repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/tokenizer-strings.jsonl")
  let text = try String(contentsOf: url, encoding: .utf8)
  var result: [TokenFixture] = []
  for (offset, line) in text.split(separator: "\n").enumerated() {
    let node = try JSONParser.parse(String(line))
    func ids(_ key: String) -> [Int] {
      node[key]?.arrayValue?.compactMap { if case .number(let n) = $0.kind { return Int(n) } else { return nil } } ?? []
    }
    result.append(
      TokenFixture(
        line: offset + 1, text: node["text"]?.stringValue ?? "", o200k: ids("o200k_base"), cl100k: ids("cl100k_base")))
  }
  return result
}

@Suite struct TokenizerFixtureTests {
  @Test func referenceValues() {
    #expect(o200k.encode("hello world") == [24912, 2375])
    #expect(cl100k.encode("hello world") == [15339, 1917])
  }

  @Test func everyFixtureMatchesTiktoken() throws {
    let fixtures = try tokenFixtures()
    #expect(fixtures.count == 1864)
    var failures: [String] = []
    for fixture in fixtures {
      let a = o200k.encode(fixture.text)
      if a != fixture.o200k {
        failures.append("line \(fixture.line) o200k: \(fixture.text.debugDescription) got \(a) want \(fixture.o200k)")
      }
      let b = cl100k.encode(fixture.text)
      if b != fixture.cl100k {
        failures.append("line \(fixture.line) cl100k: \(fixture.text.debugDescription) got \(b) want \(fixture.cl100k)")
      }
    }
    #expect(failures.isEmpty, "\(failures.count) mismatches, first: \(failures.prefix(5).joined(separator: "\n"))")
  }
}

@Suite struct TokenizerUnicodeCategoryTests {
  /// One case per Unicode category the split patterns name (Lu, Ll, Lt, Lm, Lo, M, N, White_Space,
  /// CR/LF), contractions including U+017F, and more; ids from tiktoken 0.14.0
  /// (Fixtures/make_unicode_cases.py).
  @Test func everyCategoryMatchesTiktoken() throws {
    let url = repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/tokenizer-unicode-cases.jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    #expect(lines.count >= 30)
    for line in lines {
      let node = try JSONParser.parse(String(line))
      let text = try #require(node["text"]?.stringValue)
      let name = node["case"]?.stringValue ?? "?"
      for (tokenizer, key) in [(o200k, "o200k_base"), (cl100k, "cl100k_base")] {
        let expected = node[key]?.arrayValue?.compactMap {
          if case .number(let n) = $0.kind { return Int(n) } else { return nil }
        }
        #expect(tokenizer.encode(text) == expected, "\(name) (\(key))")
      }
    }
  }

  @Test func streamingCountsEqualWholeCounts() throws {
    let text = String(repeating: "Привіт, world!\r\n\n  it's 12345 ١٢٣ 👍🏽\t", count: 3000)
    for tokenizer in [o200k, cl100k] {
      var offset = 0
      let bytes = Array(text.utf8)
      var counter = TokenCounter(tokenizer: tokenizer)
      counter.chunkSize = 4097  // splits UTF-8 sequences and pieces at odd places
      let streamed = try counter.count {
        let end = min(offset + counter.chunkSize, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
      }
      #expect(streamed.tokens == tokenizer.count(text))
      #expect(streamed.bytes == bytes.count)
    }
  }

  @Test func rankFilesAreTheVerifiedOnes() throws {
    for encoding in Encoding.allCases {
      let data = try Data(contentsOf: URL(fileURLWithPath: ranksFolder).appendingPathComponent(encoding.fileName))
      #expect(SHA256.hex(Array(data)) == encoding.sha256, "\(encoding.rawValue)")
    }
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
