import FTCostKit
import Foundation
import Testing

/// `ftcost tokens` on data it cannot trust: rank files under FTCOST_DATA and the text itself.
@Suite struct TokensCommandTests {
  /// A data folder with the shipped pricing tables and `rankFile` as o200k_base's ranks.
  static func dataFolder(rankFile: String) throws -> URL {
    let folder = try temporaryFolder()
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("pricing"), withDestinationURL: repositoryRoot.appendingPathComponent("pricing")
    )
    let tokenizers = folder.appendingPathComponent("tokenizers")
    try FileManager.default.createDirectory(at: tokenizers, withIntermediateDirectories: true)
    try rankFile.write(to: tokenizers.appendingPathComponent("o200k_base.tiktoken"), atomically: true, encoding: .utf8)
    return folder
  }

  /// The reproducer: a rank past Int.max trapped (exit 132); now one line, exit 1.
  @Test(
    arguments: [
      ("IQ== 9223372036854775808\n", "1: rank 9223372036854775808 where 0 was expected"),
      ("IQ== -1\n", "1: the rank is not a whole number of digits"),
      ("!!!! 0\n", "1: the token is not base64"),
      ("IQ== 0\nIQ== 1\n", "2: the token repeats the one on line 1"),
      ("IQ==\n", "1: no space and rank after the token"),
      ("", " the rank file is empty"),
    ])
  func malformedRankFileIsOneLineError(rankFile: String, message: String) throws {
    let folder = try Self.dataFolder(rankFile: rankFile)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tokenizers/o200k_base.tiktoken").path
    let result = ftcost(["tokens", "-"], stdin: "hello", environment: ["FTCOST_DATA": folder.path])
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: \(path):\(message)"))
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
  }
}
