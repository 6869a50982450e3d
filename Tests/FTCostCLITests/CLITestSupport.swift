import FTCostCLI
import FTCostKit
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What one run of ftcost printed and returned.
struct RunResult: Sendable {
  var code: Int32
  var stdout: String
  var stderr: String
}

/// Collects text written from `@Sendable` closures.
final class TextSink: @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  func append(_ more: String) { lock.lock(); text += more; lock.unlock() }
  var value: String { lock.lock(); defer { lock.unlock() }; return text }
}

/// Feeds lines to a command as standard input.
final class LineSource: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String]
  init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
  func next() -> String? {
    lock.lock(); defer { lock.unlock() }
    if lines.isEmpty || (lines.count == 1 && lines[0].isEmpty) { return nil }
    return lines.removeFirst()
  }
}

/// Runs ftcost in memory with a fixed date and no overlay from the developer's shell.
func ftcost(
  _ arguments: [String], stdin: String = "", environment extra: [String: String] = [:], stdinIsTerminal: Bool = false,
  terminal: Bool = false
) -> RunResult {
  let out = TextSink()
  let err = TextSink()
  let lines = LineSource(stdin)
  var variables = ["FTCOST_TODAY": "2026-11-26"]
  variables.merge(extra) { $1 }
  let environment = CLIEnvironment(
    variables: variables, executablePath: nil, stdoutIsTerminal: terminal, stderrIsTerminal: terminal,
    stdinIsTerminal: stdinIsTerminal,
    readLine: { lines.next() }, readAllInput: { Array(stdin.utf8) },
    writeOutput: { out.append($0) }, writeError: { err.append($0) })
  let code = CLI.run(arguments, environment: environment)
  return RunResult(code: code, stdout: out.value, stderr: err.value)
}

func ftcost(_ line: String, stdin: String = "", environment: [String: String] = [:]) -> RunResult {
  ftcost(line.split(separator: " ").map(String.init), stdin: stdin, environment: environment)
}

/// The built `ftcost` executable (debug build from `swift test`, or a given path).
func builtBinary() -> URL? {
  let candidates = [
    Bundle.main.bundleURL.appendingPathComponent("ftcost"),
    repositoryRoot.appendingPathComponent(".build/debug/ftcost"),
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// A real `ftcost` process, not yet started, with the test clock and no overlay or data folder
/// from the developer's shell.
func ftcostProcess(_ binary: URL, _ arguments: [String], environment extra: [String: String] = [:]) -> Process {
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["FTCOST_TODAY"] = "2026-11-26"
  environment["FTCOST_PRICING"] = nil
  environment["FTCOST_DATA"] = nil
  environment.merge(extra) { $1 }
  process.environment = environment
  return process
}

/// Runs a real `ftcost` process.
func runBinary(
  _ binary: URL, _ arguments: [String], in directory: String? = nil, environment extra: [String: String] = [:],
  stdin: String? = nil
) throws -> RunResult {
  let process = ftcostProcess(binary, arguments, environment: extra)
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  let input = Pipe()
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  // Read both pipes before waiting so a large output cannot block the child.
  let group = DispatchGroup()
  let outSink = TextSink()
  let errSink = TextSink()
  DispatchQueue.global().async(group: group) {
    outSink.append(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
  }
  DispatchQueue.global().async(group: group) {
    errSink.append(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
  }
  group.wait()
  process.waitUntilExit()
  return RunResult(code: process.terminationStatus, stdout: outSink.value, stderr: errSink.value)
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("ftcost-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Parses JSON output for assertions.
func parseJSON(_ text: String) throws -> JSONNode {
  try JSONParser.parse(text)
}

/// The release binary when it is at least as new as the debug one (CI builds it first), else the
/// debug binary `swift test` just built: a stale release build never masks a change.
func releaseOrFreshBinary() throws -> URL {
  let debug = try #require(builtBinary())
  let release = repositoryRoot.appendingPathComponent(".build/release/ftcost")
  func modified(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }
  if let releaseDate = modified(release), let debugDate = modified(debug), releaseDate >= debugDate { return release }
  return debug
}

/// Compares `text` with the golden file `Goldens/<name>`; with `RECORD_GOLDENS=1` in the
/// environment (or when the file is missing) it writes the file instead and fails, so every change
/// to what users see is recorded by the tool, never typed, and shows up as a diff in review.
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
  // The checkout's own path differs between machines; goldens hold it as <repo>.
  let text = text.replacingOccurrences(of: repositoryRoot.path, with: "<repo>")
  let url = repositoryRoot.appendingPathComponent("Tests/FTCostCLITests/Goldens").appendingPathComponent(name)
  let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
  let existing = try? String(contentsOf: url, encoding: .utf8)
  if recording || existing == nil {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("recorded golden \(name); review the diff and run the tests again", sourceLocation: sourceLocation)
    return
  }
  #expect(
    text == existing, "output differs from Goldens/\(name); re-record with RECORD_GOLDENS=1 if the change is meant",
    sourceLocation: sourceLocation)
}

/// An exact decimal from its text, for expectations.
func dec(_ text: String) -> Decimal {
  (try? DecimalParser.parse(text)) ?? .nan
}
