import FTCostKit
import Foundation
import Testing

/// Runs the built binary as a user would.
@Suite struct EndToEndTests {
  @Test func builtBinaryPricesTheModuleExample() throws {
    let binary = try #require(builtBinary(), "the ftcost executable should be built by swift test")
    let result = try runBinary(
      binary,
      [
        "cost", "--model", "gpt-4o-mini", "--input-tokens", "1000", "--output-tokens", "200", "--requests", "1000",
        "--format", "json",
      ])
    #expect(result.code == 0)
    #expect(try parseJSON(result.stdout)["total"]?.kind == .number("0.27"))
    let show = try runBinary(binary, ["pricing", "show", "gpt-4o", "--format", "json"])
    #expect(try parseJSON(show.stdout)["fine_tuning"]?["training"]?.kind == .number("25"))
  }

  @Test func builtBinaryReportsErrorsWithExitCodes() throws {
    let binary = try #require(builtBinary())
    let usage = try runBinary(binary, ["train", "--epoch", "3"])
    #expect(usage.code == 64)
    #expect(usage.stdout.isEmpty)
    #expect(usage.stderr.split(separator: "\n").first == "Error: Unknown option '--epoch'. Did you mean '--epochs'?")
    let runtime = try runBinary(binary, ["pricing", "show", "gpt-4o-mni"])
    #expect(runtime.code == 1)
    #expect(runtime.stderr.hasPrefix("Error: unknown model 'gpt-4o-mni'. Did you mean 'gpt-4o-mini'"))
  }

  /// A binary copied with its data to another folder works from `/` (the release one when built).
  @Test func relocatedBinaryFindsItsData() throws {
    let source = try releaseOrFreshBinary()
    let folder = try temporaryFolder()
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: bin.appendingPathComponent("ftcost"))
    let data = bin.appendingPathComponent("ftcost-data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("pricing"), to: data.appendingPathComponent("pricing"))
    let result = try runBinary(bin.appendingPathComponent("ftcost"), ["pricing", "list"], in: "/")
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("gpt-4o-mini-2024-07-18"))
    let show = try runBinary(
      bin.appendingPathComponent("ftcost"), ["pricing", "show", "gpt-4o-mini", "--format", "json"], in: "/")
    #expect(try parseJSON(show.stdout)["origin"]?["file"]?.stringValue == data.path + "/pricing/openai.json")
  }
}

@Suite struct RelocationLayoutTests {
  /// A binary copied beside a plain `pricing/` folder (no `ftcost-data/`) finds it.
  @Test func pricingFolderBesideTheBinary() throws {
    let folder = try temporaryFolder()
    try FileManager.default.copyItem(at: try releaseOrFreshBinary(), to: folder.appendingPathComponent("ftcost"))
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("pricing"), to: folder.appendingPathComponent("pricing"))
    let show = try runBinary(
      folder.appendingPathComponent("ftcost"), ["pricing", "show", "gpt-4o", "--format", "json"], in: "/")
    #expect(try parseJSON(show.stdout)["origin"]?["file"]?.stringValue == folder.path + "/pricing/openai.json")
  }
}
