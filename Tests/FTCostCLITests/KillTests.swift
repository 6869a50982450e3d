import FTCostCLI
import FTCostKit
import Foundation
import Testing

/// The ftcost temporaries (and staged folders) under `folder`, at any depth; only those of
/// process `owner` when given.
func temporaries(under folder: String, of owner: Int32? = nil) -> [String] {
  let marker = ".ftcost-tmp-" + (owner.map { "\($0)-" } ?? "")
  return (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.contains(marker) }
}

/// How a killed run ended: by the signal or on its own first, and its process id.
struct KillOutcome: Equatable {
  var killed: Bool
  var process: Int32
}

/// Runs the binary and sends `signal` after `delay` seconds; waits for it to end.
func runAndKill(
  _ binary: URL, _ arguments: [String], after delay: Double, with signal: Int32,
  environment extra: [String: String] = [:]
) throws -> KillOutcome {
  let process = ftcostProcess(binary, arguments, environment: extra)
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  process.standardInput = FileHandle.nullDevice
  try process.run()
  Thread.sleep(forTimeInterval: delay)
  kill(process.processIdentifier, signal)
  process.waitUntilExit()
  return KillOutcome(killed: process.terminationReason == .uncaughtSignal, process: process.processIdentifier)
}

/// Seeded delays spread over one normal run, so the kills land at repeatable moments.
struct KillSchedule {
  var random: SplitMix64
  let duration: Double

  init(seed: UInt64, duration: Double) {
    random = SplitMix64(seed: seed)
    self.duration = duration
  }

  /// A delay between 5% and 95% of a normal run.
  mutating func next() -> Double {
    duration * (0.05 + 0.9 * Double(random.next() >> 11) / Double(UInt64(1) << 53))
  }
}

/// Times one normal run of the binary.
func timedRun(_ binary: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> (RunResult, Double) {
  let start = Date()
  let result = try runBinary(binary, arguments, environment: environment)
  return (result, Date().timeIntervalSince(start))
}

/// The signals each kill test sends, in order: SIGTERM is caught (temporaries removed at once);
/// SIGKILL is not (the next run removes them).
let killSignals: [Int32] = [SIGTERM, SIGKILL, SIGTERM, SIGKILL]

/// The built binary, killed at seeded random moments, leaves no partial output.
///
/// After one more normal run no temporary file remains either. `Benchmarks/kill-test.sh` does 20
/// kills of each command.
@Suite struct KillTests {
  /// A production log of `count` rated conversations (about 330 bytes each).
  func productionLog(_ count: Int, in folder: String) throws -> String {
    var text = ""
    text.reserveCapacity(count * 340)
    for index in 0..<count {
      text +=
        #"{"messages": [{"role": "system", "content": "You are a support assistant for order \#(index)."}, {"role": "user", "content": "Where is my parcel number \#(index)? It was due on Monday."}, {"role": "assistant", "content": "Your parcel \#(index) left the depot this morning and arrives tomorrow."}], "rating": \#(3 + index % 3), "category": "shipping"}"#
        + "\n"
    }
    let path = folder + "/logs.jsonl"
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  @Test func datasetBuildKilledLeavesNoPartialOutput() throws {
    let binary = try #require(builtBinary())
    let folder = try temporaryFolder().path
    let logs = try productionLog(6_000, in: folder)
    let out = folder + "/out"
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
    let (first, duration) = try timedRun(binary, ["dataset", "build", logs, "--out", out + "/reference.jsonl"])
    #expect(first.code == 0, "\(first.stderr)")
    let reference = try Data(contentsOf: URL(fileURLWithPath: out + "/reference.jsonl"))
    // An existing file replaced with --force must stay whole too.
    let replaced = out + "/replaced.jsonl"
    try "old\n".write(toFile: replaced, atomically: false, encoding: .utf8)
    var schedule = KillSchedule(seed: 10, duration: duration)
    for (index, signal) in killSignals.enumerated() {
      let fresh = out + "/train-\(index).jsonl"
      let delay = schedule.next()
      let outcome = try runAndKill(
        binary,
        ["dataset", "build", logs, "--out", fresh, "--validation-split", "0.1", "--validation-out", fresh + ".val"],
        after: delay, with: signal)
      if outcome.killed {
        #expect(!FileManager.default.fileExists(atPath: fresh), "kill \(index) at \(delay) s left a partial output")
        #expect(!FileManager.default.fileExists(atPath: fresh + ".val"))
      }
      if signal == SIGTERM {
        #expect(temporaries(under: out, of: outcome.process).isEmpty, "SIGTERM at \(delay) s left a temporary")
      }
      let force = try runAndKill(
        binary, ["dataset", "build", logs, "--out", replaced, "--force"], after: schedule.next(), with: signal)
      if signal == SIGTERM { #expect(temporaries(under: out, of: force.process).isEmpty) }
      let now = try Data(contentsOf: URL(fileURLWithPath: replaced))
      #expect(now == Data("old\n".utf8) || now == reference, "the replaced file is neither old nor new")
    }
    let last = try runBinary(binary, ["dataset", "build", logs, "--out", out + "/final.jsonl"])
    #expect(last.code == 0, "\(last.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/final.jsonl")) == reference)
    #expect(temporaries(under: out).isEmpty)
  }

  @Test func docsKilledWritesTheWholeFolderOrNothing() throws {
    let binary = try #require(builtBinary())
    let root = try temporaryFolder().path
    let arguments = ["docs", "--examples", example, "--out"]
    let (first, duration) = try timedRun(binary, arguments + [root + "/reference"])
    #expect(first.code == 0, "\(first.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: root + "/reference").sorted()
    /// The visible files of a folder (a SIGKILL may leave hidden temporaries beside them).
    func files(_ folder: String) -> [String: Data] {
      var result: [String: Data] = [:]
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
        result[name] = try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
      }
      return result
    }
    let reference = files(root + "/reference")
    // A folder of outdated docs, refreshed with --force: each file old or new, whole.
    let existing = root + "/existing"
    try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false)
    for name in names { try "outdated\n".write(toFile: existing + "/" + name, atomically: false, encoding: .utf8) }
    var schedule = KillSchedule(seed: 20, duration: duration)
    for (index, signal) in killSignals.enumerated() {
      let fresh = root + "/docs-\(index)"
      let delay = schedule.next()
      let outcome = try runAndKill(binary, arguments + [fresh], after: delay, with: signal)
      if outcome.killed, FileManager.default.fileExists(atPath: fresh) {
        #expect(files(fresh) == reference, "kill \(index) at \(delay) s left a partial docs folder")
      }
      let force = try runAndKill(binary, arguments + [existing, "--force"], after: schedule.next(), with: signal)
      for (name, content) in files(existing) {
        #expect(content == Data("outdated\n".utf8) || content == reference[name], "\(name) is neither old nor new")
      }
      #expect(Set(files(existing).keys) == Set(names))
      if signal == SIGTERM {
        #expect(temporaries(under: root, of: outcome.process).isEmpty, "SIGTERM at \(delay) s left a temporary")
        #expect(temporaries(under: root, of: force.process).isEmpty)
      }
    }
    for folder in [root + "/docs-final", existing] {
      let last = try runBinary(binary, arguments + [folder, "--force"])
      #expect(last.code == 0, "\(last.stderr)")
      #expect(files(folder) == reference)
    }
    #expect(temporaries(under: root).isEmpty)
  }

  @Test func killedReinstallLeavesTheOldInstallWorking() throws {
    let binary = try #require(builtBinary())
    let prefix = try temporaryFolder().path + "/prefix"
    let (first, duration) = try timedRun(binary, ["install", "--prefix", prefix])
    #expect(first.code == 0, "\(first.stderr)")
    let installed = URL(fileURLWithPath: prefix + "/bin/ftcost")
    let table = prefix + "/share/ftcost/pricing/openai.json"
    let tableBytes = try Data(contentsOf: URL(fileURLWithPath: table))
    var schedule = KillSchedule(seed: 30, duration: duration)
    for (index, signal) in killSignals.enumerated() {
      let delay = schedule.next()
      // Reinstall from the installed binary itself, the case that used to delete it.
      let outcome = try runAndKill(installed, ["install", "--prefix", prefix], after: delay, with: signal)
      let version = try runBinary(installed, ["--version"], in: "/")
      #expect(version.code == 0, "kill \(index) at \(delay) s broke the install: \(version.stderr)")
      #expect(version.stdout == "ftcost \(CLI.version) (built-in prices as of 2026-11-26)\n")
      let show = try runBinary(installed, ["pricing", "show", "gpt-4o-mini", "--format", "json"], in: "/")
      #expect(try parseJSON(show.stdout)["origin"]?["file"]?.stringValue == table)
      #expect(try Data(contentsOf: URL(fileURLWithPath: table)) == tableBytes)
      if signal == SIGTERM {
        #expect(temporaries(under: prefix, of: outcome.process).isEmpty, "SIGTERM at \(delay) s left a temporary")
      }
    }
    let last = try runBinary(installed, ["install", "--prefix", prefix])
    #expect(last.code == 0, "\(last.stderr)")
    #expect(temporaries(under: prefix).isEmpty)
  }
}
