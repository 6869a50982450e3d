import Foundation
import Testing

@testable import FTCostKit

/// What a folder holds, sorted, hidden names included.
func contents(_ folder: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

/// A process id no process can have (above Linux's largest `pid_max`).
let deadProcess: pid_t = 99_999_999

/// A test's own failure, thrown in the middle of a write.
struct Interrupted: Error {}

@Suite struct AtomicFileTests {
  @Test func writesThroughATemporaryAndLeavesOnlyTheFile() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("out.txt").path
    try AtomicFile.write("hello\n", to: path, overwrite: false)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
    #expect(try contents(folder) == ["out.txt"])
  }

  @Test func temporaryNamesCarryTheProcessAndAreRecognised() {
    let path = TemporaryFiles.path(for: "/data/train.jsonl")
    #expect(path.hasPrefix("/data/.train.jsonl.ftcost-tmp-\(getpid())-"))
    #expect(TemporaryFiles.owner(ofName: PathText.name(of: path)) == getpid())
    #expect(TemporaryFiles.path(for: "a").hasPrefix(".a.ftcost-tmp-"))
  }

  @Test(arguments: [
    (".train.jsonl.ftcost-tmp-4242-9f3a", Optional<pid_t>(4242)),
    (".docs.ftcost-tmp-1-0", 1),
    (".a.b.ftcost-tmp-7-ff", 7),
    ("train.jsonl.ftcost-tmp-4242-9f3a", nil),  // not hidden
    (".train.jsonl.ftcost-tmp-4242-xyz", nil),  // not hex
    (".train.jsonl.ftcost-tmp-4242", nil),  // no random part
    (".train.jsonl.ftcost-1a2b3c4d.tmp", nil),  // an older ftcost's name: no process id to check
    (".train.jsonl.ftcost-tmp--1-ab", nil),
  ])
  func ownerOfATemporaryName(name: String, owner: pid_t?) {
    #expect(TemporaryFiles.owner(ofName: name) == owner)
  }

  @Test func aThrownErrorRemovesTheStagedFile() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("big.jsonl").path
    func fill() throws {
      let files = StagedFiles(policy: OutputPolicy(overwrite: false))
      let file = try files.stream(to: path)
      for _ in 0..<3_000 { try file.write(String(repeating: "x", count: 1_000) + "\n") }
      #expect(try contents(folder).count == 1, "the temporary exists while it is written")
      throw Interrupted()
    }
    #expect(throws: Interrupted.self) { try fill() }
    #expect(try contents(folder).isEmpty)
  }

  @Test func oneFailingFileLeavesNoneWritten() throws {
    let folder = try temporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("c.md"), withIntermediateDirectories: false)
    let files = ["a.md", "b.md", "c.md"].map { (path: folder.appendingPathComponent($0).path, content: "new\n") }
    #expect(throws: OutputFileError.isFolder(files[2].path)) {
      try AtomicFile.writeAll(files, policy: OutputPolicy(overwrite: true))
    }
    #expect(try contents(folder) == ["c.md"])

    let staged = StagedFiles(policy: OutputPolicy(overwrite: false))
    try staged.write(Array("one\n".utf8), to: files[0].path)
    #expect(throws: OutputFileError.folderMissing("/nonexistent/ftcost/x.md")) {
      try staged.write(Array("two\n".utf8), to: "/nonexistent/ftcost/x.md")
    }
    staged.discard()
    #expect(try contents(folder) == ["c.md"])
  }

  @Test func aMissingFolderAppearsWholeOrNotAtAll() throws {
    let root = try temporaryFolder()
    let out = root.appendingPathComponent("docs/generated")
    let staged = StagedFiles(policy: OutputPolicy(overwrite: false), createFolders: true)
    try staged.write(Array("a\n".utf8), to: out.appendingPathComponent("a.md").path)
    try staged.write(Array("b\n".utf8), to: out.appendingPathComponent("b.md").path)
    let before = try contents(root)
    #expect(before.count == 1 && before[0].hasPrefix(".docs.ftcost-tmp-\(getpid())-"))
    try staged.commit()
    #expect(try contents(root) == ["docs"])
    #expect(try contents(out) == ["a.md", "b.md"])

    let discarded = StagedFiles(policy: OutputPolicy(overwrite: false), createFolders: true)
    try discarded.write(Array("c\n".utf8), to: root.appendingPathComponent("other/deep/c.md").path)
    discarded.discard()
    #expect(try contents(root) == ["docs"])
  }

  @Test func staleTemporariesOfGoneProcessesAreRemovedOnTheNextWrite() throws {
    let folder = try temporaryFolder()
    let stale = ".train.jsonl.ftcost-tmp-\(deadProcess)-1f2e"
    let staleFolder = ".docs.ftcost-tmp-\(deadProcess)-ab"
    let live = ".train.jsonl.ftcost-tmp-\(getpid())-77"
    let older = ".train.jsonl.ftcost-1a2b3c4d.tmp"
    let unrelated = "notes.ftcost-tmp-\(deadProcess)-1"
    for name in [stale, live, older, unrelated] {
      try "partial".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }
    let inside = folder.appendingPathComponent(staleFolder)
    try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: false)
    try "partial".write(to: inside.appendingPathComponent("pricing.md"), atomically: false, encoding: .utf8)

    try AtomicFile.write("done\n", to: folder.appendingPathComponent("train.jsonl").path, overwrite: false)
    #expect(try contents(folder) == [older, live, "notes.ftcost-tmp-\(deadProcess)-1", "train.jsonl"].sorted())
  }

  @Test func refusesToReplaceAFileWithoutForceAndKeepsItsModeWithForce() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("chart.svg").path
    try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, 0o600) == 0)
    #expect(throws: OutputFileError.exists(path)) { try AtomicFile.write("new\n", to: path, overwrite: false) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(
      OutputFileError.exists(path).description == "'\(path)' already exists; pass --force to overwrite it")

    try AtomicFile.write("new\n", to: path, overwrite: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try contents(folder) == ["chart.svg"])
  }

  @Test func neverReplacesAnInputEvenWithForce() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("scenario.json").path
    try "{}\n".write(toFile: input, atomically: false, encoding: .utf8)
    let symlink = folder.appendingPathComponent("link.svg").path
    let hardLink = folder.appendingPathComponent("hard.svg").path
    try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: "scenario.json")
    try FileManager.default.linkItem(atPath: input, toPath: hardLink)
    let data = folder.appendingPathComponent("pricing")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    let table = data.appendingPathComponent("openai.json").path
    try "{}\n".write(toFile: table, atomically: false, encoding: .utf8)

    let policy = OutputPolicy(overwrite: true, inputs: [input, data.path])
    for path in [input, symlink, hardLink, folder.path + "/./scenario.json", table] {
      #expect(throws: OutputFileError.self, "\(path)") { try AtomicFile.write("<svg/>", to: path, policy: policy) }
      #expect(policy.input(at: path) != nil, "\(path)")
    }
    #expect(throws: OutputFileError.isInput(symlink, input: input)) { try policy.check(symlink) }
    #expect(try String(contentsOfFile: input, encoding: .utf8) == "{}\n")
    #expect(try String(contentsOfFile: table, encoding: .utf8) == "{}\n")
    #expect(
      OutputFileError.isInput(symlink, input: input).description
        == "'\(symlink)' is an input of this run (the same file as '\(input)'); ftcost never overwrites its input, even with --force; choose another path"
    )
    // A new file beside the input is fine.
    try AtomicFile.write("<svg/>", to: folder.appendingPathComponent("chart.svg").path, policy: policy)
  }

  @Test func twoOutputsOfOneRunMustDiffer() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("train.jsonl").path
    #expect(throws: OutputFileError.duplicate(folder.path + "/./train.jsonl")) {
      try OutputPolicy(overwrite: false).check([path, folder.path + "/./train.jsonl"])
    }
  }

  @Test func unchangedFilesAreLeftAloneWithoutForce() throws {
    let folder = try temporaryFolder()
    let same = folder.appendingPathComponent("same.md").path
    let fresh = folder.appendingPathComponent("fresh.md").path
    try "same\n".write(toFile: same, atomically: false, encoding: .utf8)
    let written = try AtomicFile.writeAll(
      [(path: same, content: "same\n"), (path: fresh, content: "fresh\n")], policy: OutputPolicy(overwrite: false))
    #expect(written == [fresh])
    #expect(throws: OutputFileError.exists(same)) {
      try AtomicFile.writeAll(
        [(path: fresh, content: "fresh\n"), (path: same, content: "changed\n")],
        policy: OutputPolicy(overwrite: false))
    }
    #expect(try String(contentsOfFile: same, encoding: .utf8) == "same\n")
  }

  @Test(arguments: [
    ("a", ".", "a"), (".", ".", "."), ("/a", "/", "a"), ("a/b", "a", "b"), ("a/b/", "a", "b"),
    ("/x/y/z.md", "/x/y", "z.md"),
    ("a//b", "a", "b"),
  ])
  func pathArithmeticOnShortPaths(path: String, folder: String, name: String) {
    #expect(PathText.folder(of: path) == folder)
    #expect(PathText.name(of: path) == name)
  }
}
