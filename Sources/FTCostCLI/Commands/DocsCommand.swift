import FTCostKit
import Foundation

/// `ftcost docs`: markdown generated from the data, and a check that it is current.
enum DocsCommand {
  static let spec = CommandSpec(
    name: "docs",
    abstract: "Generate the markdown docs (prices, providers, dataset sizes, advisor, examples) from the data.",
    discussion:
      "Writes pricing.md, providers.md, dataset-sizes.md, advisor.md and examples.md, all of them or none: each is staged beside its destination and renamed into place once every one is written. Files that already hold what the data generates are left alone; replacing a file that differs takes --force. With --check, compares instead of writing and exits 1 naming every file that differs. With --readme FILE, refreshes (or checks) the pricing summary between the ftcost:pricing-summary marker comments.",
    options: [
      OptionSpec("--out", .value("dir"), help: "The folder to write (default: docs).", completion: .directories),
      OptionSpec("--check", .flag, help: "Compare with the files on disk instead of writing."),
      OptionSpec("--force", .flag, help: "Replace existing files that differ from what the data generates."),
      OptionSpec("--readme", .value("file"), help: "Also refresh the README's pricing summary.", completion: .files),
      OptionSpec(
        "--examples", .value("dir"), help: "The folder of scenarios for examples.md (default: examples).",
        completion: .directories),
      CommonOptions.pricing,
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let out = invocation.string("--out") ?? "docs"
    let examplesFolder = invocation.string("--examples") ?? "examples"
    var examples: [(String, Scenario)] = []
    var inputs: [String] = []
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: examplesFolder, isDirectory: &isDirectory), isDirectory.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: examplesFolder)) ?? []
      for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
        let file = (examplesFolder as NSString).appendingPathComponent(name)
        let (scenario, _, _) = try ScenarioLoader.load(file: file, overrides: [], horizon: nil)
        examples.append((name, scenario))
        inputs.append(file)
      }
    } else if invocation.string("--examples") != nil {
      throw CommandFailure("examples folder '\(examplesFolder)' does not exist")
    }
    let generator = DocsGenerator(
      catalog: try invocation.catalog(), examples: examples, referenceDate: invocation.today)
    var files = try generator.files().map { ((out as NSString).appendingPathComponent($0.name), $0.content) }
    if let readme = invocation.string("--readme") {
      guard let text = try? String(contentsOfFile: readme, encoding: .utf8) else {
        throw CommandFailure("cannot read '\(readme)'")
      }
      guard let refreshed = try generator.refreshedReadme(text) else {
        throw CommandFailure(
          "\(readme) has no \(DocsGenerator.missingMarkers(in: text).joined(separator: " or ")) markers; add them where the generated pricing summary, cost rules and then-and-now example belong"
        )
      }
      files.append((readme, refreshed))
    }
    if invocation.flag("--check") {
      var stale: [String] = []
      for (path, content) in files where (try? String(contentsOfFile: path, encoding: .utf8)) != content {
        stale.append(path)
      }
      guard stale.isEmpty else {
        for path in stale { invocation.warn("\(path) differs from what the data generates") }
        let refresh =
          "ftcost docs --force" + (out == "docs" ? "" : " --out \(out)")
          + (invocation.string("--readme").map { " --readme \($0)" } ?? "")
        throw CommandFailure(
          "\(stale.count) generated file\(stale.count == 1 ? " is" : "s are") out of date: \(stale.joined(separator: ", ")); run '\(refresh)' to refresh"
        )
      }
      invocation.print("ok: \(files.count) generated files are up to date")
      return CLI.ExitCode.success
    }
    // The README is refreshed in place; every other file the run reads is protected.
    inputs += [try invocation.dataLocation().pricing] + (invocation.pricingOverlay.map { [$0] } ?? [])
    let policy = OutputPolicy(overwrite: invocation.flag("--force"), inputs: inputs)
    let written = try AtomicFile.writeAll(files.map { (path: $0.0, content: $0.1) }, policy: policy)
    let unchanged = files.map(\.0).filter { !written.contains($0) }
    if !written.isEmpty { invocation.print("wrote \(written.joined(separator: ", "))") }
    if !unchanged.isEmpty { invocation.print("unchanged: \(unchanged.joined(separator: ", "))") }
    return CLI.ExitCode.success
  }
}
