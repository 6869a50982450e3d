import Foundation
import Testing

@testable import FTCostKit

@Suite struct InstallerTests {
  /// A fake binary, the shipped pricing tables and tokenizer files, installed under a new prefix.
  func install(into prefix: String, executable: String, data: DataLocation) throws -> Installer.Report {
    try Installer(
      prefix: prefix, executable: executable, data: data,
      completionScripts: ["bash": "complete -F _ftcost ftcost\n", "zsh": "#compdef ftcost\n", "fish": "complete\n"]
    ).install()
  }

  func mode(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  func fakeBinary() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("ftcost").path
    try "#!/bin/sh\necho ftcost\n".write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  @Test func installsTheLayoutWithExplicitModesAndNoTemporaries() throws {
    let prefix = try temporaryFolder().appendingPathComponent("prefix").path
    let report = try install(into: prefix, executable: try fakeBinary(), data: .sourceCheckout)
    #expect(report.binary == prefix + "/bin/ftcost")
    #expect(try mode(prefix + "/bin/ftcost") == 0o755)
    #expect(try mode(prefix + "/share/ftcost/pricing/openai.json") == 0o644)
    #expect(try mode(prefix + "/share/ftcost/tokenizers/o200k_base.tiktoken") == 0o644)
    #expect(try mode(prefix + "/share/zsh/site-functions/_ftcost") == 0o644)
    for folder in [
      "", "/bin", "/share", "/share/ftcost", "/share/ftcost/pricing", "/share/bash-completion/completions",
    ] {
      #expect(try mode(prefix + folder) == 0o755, "\(folder)")
    }
    let all = try #require(FileManager.default.subpaths(atPath: prefix))
    #expect(!all.contains { $0.contains(TemporaryFiles.marker) })
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/ftcost/pricing").sorted()
        == FileManager.default.contentsOfDirectory(atPath: DataLocation.sourceCheckout.pricing).sorted())
  }

  /// The reproducers: reinstalling from the installed binary and from the installed data.
  @Test func reinstallsFromItsOwnBinaryAndData() throws {
    let prefix = try temporaryFolder().appendingPathComponent("prefix").path
    _ = try install(into: prefix, executable: try fakeBinary(), data: .sourceCheckout)
    let binary = prefix + "/bin/ftcost"
    let before = try Data(contentsOf: URL(fileURLWithPath: binary))
    let installedData = DataLocation.installed(at: prefix + "/share/ftcost")
    _ = try install(into: prefix, executable: binary, data: installedData)
    #expect(try Data(contentsOf: URL(fileURLWithPath: binary)) == before)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: prefix + "/share/ftcost/pricing/openai.json"))
        == Data(contentsOf: URL(fileURLWithPath: DataLocation.sourceCheckout.pricing + "/openai.json")))
    #expect(FileManager.default.fileExists(atPath: prefix + "/share/ftcost/tokenizers/cl100k_base.tiktoken"))
  }

  @Test func removesTablesTheNewInstallNoLongerShipsAndRepairsModes() throws {
    let prefix = try temporaryFolder().appendingPathComponent("prefix").path
    _ = try install(into: prefix, executable: try fakeBinary(), data: .sourceCheckout)
    let retired = prefix + "/share/ftcost/pricing/retired.json"
    try "{}".write(toFile: retired, atomically: false, encoding: .utf8)
    #expect(chmod(prefix + "/share/ftcost/pricing", 0o777) == 0)
    let report = try install(into: prefix, executable: try fakeBinary(), data: .sourceCheckout)
    #expect(report.removed == [retired])
    #expect(!FileManager.default.fileExists(atPath: retired))
    #expect(try mode(prefix + "/share/ftcost/pricing") == 0o755)
  }

  @Test func aMissingSourceChangesNothing() throws {
    let prefix = try temporaryFolder().appendingPathComponent("prefix").path
    let missing = DataLocation(pricing: "/nonexistent/pricing", tokenizers: DataLocation.sourceCheckout.tokenizers)
    #expect(throws: InstallError.sourceMissing("/nonexistent/pricing")) {
      try install(into: prefix, executable: try fakeBinary(), data: missing)
    }
    #expect(!FileManager.default.fileExists(atPath: prefix))
  }

  @Test func aFileWhereAFolderBelongsIsAnErrorAndStagesNothing() throws {
    let root = try temporaryFolder()
    let prefix = root.appendingPathComponent("prefix").path
    try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: false)
    try "not a folder".write(toFile: prefix + "/bin", atomically: false, encoding: .utf8)
    #expect(throws: InstallError.output(prefix, .notAFolder(prefix + "/bin"))) {
      try install(into: prefix, executable: try fakeBinary(), data: .sourceCheckout)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: prefix) == ["bin"])
  }
}
