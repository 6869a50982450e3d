import Foundation
import Testing

@testable import FTCostKit

/// The corpus generator from the shared tools, beside the checkout as CI lays it out.
let corpusGenerator = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/gen_corpus.py")
  .path

@Suite struct TokenizerCorpusTests {
  static func digest(_ ids: [UInt32]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for id in ids {
      for shift in stride(from: 0, to: 32, by: 8) {
        hash ^= UInt64((id >> UInt32(shift)) & 0xFF)
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
    return hash
  }

  static func ids(_ session: TokenizerSession, _ line: String) throws -> [UInt32] {
    var sequence = session.encode(line).map { UInt32($0) }
    for message in try JSONParser.parse(line)["messages"]?.arrayValue ?? [] {
      sequence.append(0xFFFF_FFFF)
      sequence += session.encode(message["content"]?.stringValue ?? "").map { UInt32($0) }
    }
    return sequence
  }

  /// Token ids equal tiktoken's on a 10,000-line generated corpus, for both encodings
  /// (expected digests made by Fixtures/make_corpus_digests.py with the real tiktoken).
  @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusGenerator), "needs ../shared/tools/gen_corpus.py"))
  func tenThousandGeneratedLinesMatchTiktoken() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ftcost-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = folder.appendingPathComponent("corpus.jsonl").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", corpusGenerator, "--examples", "10000", "--seed", "11", "--variant", "production", "--defect-rate",
      "0", "-o", corpus,
    ]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    ).dropLast()
    let expected = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/corpus-10000-digests.txt"),
      encoding: .utf8
    )
    .split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(lines.count == 10_000)
    #expect(expected.count == 10_000)
    let sessions = [o200k.session(), cl100k.session()]
    var mismatches: [String] = []
    for (line, want) in zip(lines, expected) {
      let fields = want.split(separator: " ")
      for (index, session) in sessions.enumerated() {
        let ids = try Self.ids(session, String(line))
        let got = "\(ids.count) \(String(format: "%016llx", Self.digest(ids)))"
        let wanted = "\(fields[1 + 2 * index]) \(fields[2 + 2 * index])"
        if got != wanted {
          mismatches.append("line \(fields[0]) \(session.tokenizer.encoding.rawValue): got \(got), want \(wanted)")
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(3))")
  }
}
