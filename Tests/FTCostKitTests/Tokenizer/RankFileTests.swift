import Foundation
import Testing

@testable import FTCostKit

/// A malformed rank file is a one-line error naming the file and line, never a crash.
@Suite struct RankFileTests {
  /// The 256 single bytes as ranks 0–255, then "ab" and "abc": the smallest valid rank file.
  static let validLines: [String] =
    (0...255).map { "\(Data([UInt8($0)]).base64EncodedString()) \($0)" } + ["YWI= 256", "YWJj 257"]

  static var valid: String { validLines.joined(separator: "\n") + "\n" }

  /// The valid file with line `number` (1-based) replaced, or `extra` lines appended.
  static func file(replacing number: Int? = nil, with line: String = "", appending extra: [String] = []) -> String {
    var lines = validLines
    if let number { lines[number - 1] = line }
    return (lines + extra).joined(separator: "\n") + "\n"
  }

  static func parse(_ text: String) throws(TokenizerError) -> RankTable {
    try RankTable.parse(Array(text.utf8), path: "ranks.tiktoken")
  }

  @Test func theSmallestValidFileLoads() throws {
    #expect(try Self.parse(Self.valid).count == 258)
    #expect(try Self.parse(Self.valid.replacingOccurrences(of: "\n", with: "\r\n")).count == 258)
    #expect(try Self.parse(String(Self.valid.dropLast())).count == 258)  // no line break at the end
  }

  @Test(
    arguments: [
      // The reproducer: a rank past Int.max used to trap on overflow.
      (
        "huge rank", file(replacing: 1, with: "AA== 9223372036854775808"), 1,
        RankLineProblem.rankOutOfSequence(expected: 0, found: "9223372036854775808")
      ),
      (
        "hundred-digit rank", file(replacing: 2, with: "AQ== " + String(repeating: "9", count: 100)), 2,
        .rankOutOfSequence(expected: 1, found: "of 100 digits")
      ),
      ("rank skips", file(replacing: 3, with: "Ag== 3"), 3, .rankOutOfSequence(expected: 2, found: "3")),
      ("negative rank", file(replacing: 1, with: "AA== -1"), 1, .rankNotANumber),
      ("rank with a sign", file(replacing: 1, with: "AA== +0"), 1, .rankNotANumber),
      ("letters for a rank", file(replacing: 4, with: "Aw== three"), 4, .rankNotANumber),
      ("fraction", file(replacing: 1, with: "AA== 0.5"), 1, .trailingCharacters),
      ("two spaces", file(replacing: 1, with: "AA==  0"), 1, .rankNotANumber),
      ("trailing text", file(replacing: 1, with: "AA== 0 x"), 1, .trailingCharacters),
      ("non-base64 token", file(replacing: 5, with: "B!== 4"), 5, .notBase64),
      ("unpadded token", file(replacing: 5, with: "BA 4"), 5, .notBase64),
      ("padding inside", file(replacing: 5, with: "B=A= 4"), 5, .notBase64),
      ("all padding", file(replacing: 5, with: "==== 4"), 5, .notBase64),
      ("duplicate token", file(appending: ["YWI= 258"]), 259, .duplicateToken(firstLine: 257)),
      ("duplicate single byte", file(replacing: 258, with: "AA== 257"), 258, .duplicateToken(firstLine: 1)),
      ("missing rank", file(replacing: 1, with: "AA=="), 1, .missingRank),
      ("missing rank after space", file(replacing: 1, with: "AA== "), 1, .missingRank),
      ("missing token", file(replacing: 1, with: " 0"), 1, .missingToken),
      ("empty line", file(replacing: 7, with: ""), 7, .emptyLine),
      ("lone carriage return", file(replacing: 1, with: "AA== 0\rx"), 1, .trailingCharacters),
    ] as [(String, String, Int, RankLineProblem)])
  func malformedLinesAreNamed(_ name: String, _ text: String, _ line: Int, _ problem: RankLineProblem) {
    #expect(throws: TokenizerError.malformedRankFile("ranks.tiktoken", line: line, problem), "\(name)") {
      try Self.parse(text)
    }
  }

  @Test func wholeFileProblemsAreNamed() {
    #expect(throws: TokenizerError.wrongRankFile("ranks.tiktoken", .empty)) { try Self.parse("") }
    let withoutByte65 = Self.validLines.enumerated().map { index, line in
      index == 65 ? "\(Data([0xFF, 0xFE]).base64EncodedString()) 65" : line
    }
    #expect(throws: TokenizerError.wrongRankFile("ranks.tiktoken", .missingByte(65))) {
      try Self.parse(withoutByte65.joined(separator: "\n"))
    }
    #expect(throws: TokenizerError.wrongRankFile("r", .wrongCount(encoding: .o200kBase, found: 258, expected: 199_998)))
    {
      try RankTable.parse(Array(Self.valid.utf8), path: "r", expectedCount: (.o200kBase, 199_998))
    }
    let tooLarge = [UInt8](repeating: 0x41, count: RankTable.largestFile + 1)
    #expect(throws: TokenizerError.rankFileTooLarge("r", bytes: RankTable.largestFile + 1)) {
      try RankTable.parse(tooLarge, path: "r")
    }
  }

  @Test func messagesAreOneLineNamingFileAndLine() {
    let errors: [TokenizerError] = [
      .malformedRankFile("/data/tokenizers/o200k_base.tiktoken", line: 1, .rankOutOfSequence(expected: 0, found: "9")),
      .malformedRankFile("/d/o.tiktoken", line: 12, .duplicateToken(firstLine: 3)),
      .wrongRankFile("/d/o.tiktoken", .empty), .wrongRankFile("/d/o.tiktoken", .missingByte(10)),
      .rankFileTooLarge("/d/o.tiktoken", bytes: 20_000_000),
    ]
    for error in errors {
      #expect(!error.description.contains("\n"))
      #expect(error.description.hasPrefix("/d"))
    }
    #expect(
      errors[0].description
        == "/data/tokenizers/o200k_base.tiktoken:1: rank 9 where 0 was expected (ranks count up from 0, one per line); a rank line is a base64 token, a space and its rank"
    )
    #expect(errors[3].description.contains("0x0A"))
  }

  /// Thousands of random edits of a valid file: each loads or fails with a named line, never traps.
  @Test func mutatedRankFilesNeverCrash() {
    var refused = 0
    for bytes in RobustnessTests.mutations(of: Self.valid, count: 3000, seed: 10) {
      do {
        _ = try RankTable.parse(bytes, path: "m")
      } catch {
        refused += 1
        #expect(!error.description.contains("\n"))
      }
    }
    #expect(refused > 2000)
  }

  /// The installed layout: a bad file under FTCOST_DATA's tokenizers/ is the error users see.
  @Test func loadNamesTheFileUnderTheDataFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ftcost-ranks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("o200k_base.tiktoken").path
    try "IQ== 9223372036854775808\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      throws: TokenizerError.malformedRankFile(
        path, line: 1, .rankOutOfSequence(expected: 0, found: "9223372036854775808"))
    ) {
      try Tokenizer.load(.o200kBase, from: folder.path)
    }
    try Self.valid.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      throws: TokenizerError.wrongRankFile(path, .wrongCount(encoding: .o200kBase, found: 258, expected: 199_998))
    ) {
      try Tokenizer.load(.o200kBase, from: folder.path)
    }
  }
}
