import FTCostCLI
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

/// Invalid UTF-8 is an error naming where it is, as `dataset inspect` reports it; a flag counts
/// it as U+FFFD instead.
@Suite struct TokensInvalidUTF8Tests {
  @Test func invalidUTF8IsAnErrorWithItsPosition() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("notes.txt").path
    try Data(Array("hello\nwor".utf8) + [0xFF] + Array("ld\n".utf8)).write(to: URL(fileURLWithPath: path))
    let result = ftcost(["tokens", path])
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Error: \(path):2:4: invalid_utf8: byte 4 of the line (offset 9) is not valid UTF-8 (pass --replace-invalid-utf8 to count each invalid sequence as U+FFFD)\n"
    )
    let replaced = ftcost(["tokens", path, "--replace-invalid-utf8", "--format", "json"])
    #expect(replaced.code == 0)
    let json = try parseJSON(replaced.stdout)
    let expected = ftcost(["tokens", "-", "--format", "json"], stdin: "hello\nwor\u{FFFD}ld\n")
    #expect(json["tokens"]?.kind == (try parseJSON(expected.stdout))["tokens"]?.kind)
    #expect(json["bytes"]?.kind == .number("13"))
  }

  @Test func standardInputIsNamedAsSuch() {
    let errors = TextSink()
    let environment = CLIEnvironment(
      variables: ["FTCOST_TODAY": "2026-11-25"], executablePath: nil, stdoutIsTerminal: false,
      stderrIsTerminal: false, stdinIsTerminal: false, readLine: { nil }, readAllInput: { [0x61, 0x0A, 0x62, 0xC3] },
      writeOutput: { _ in }, writeError: { errors.append($0) })
    #expect(CLI.run(["tokens"], environment: environment) == 1)
    #expect(errors.value.hasPrefix("Error: <stdin>:2:2: invalid_utf8: byte 2 of the line (offset 3)"))
  }
}
