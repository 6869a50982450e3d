import FTCostKit
import Foundation

/// `ftcost pricing import`: ftcost tables from LiteLLM's or genai-prices' price file.
enum PricingImportCommand {
  static let formatOption = OptionSpec(
    "--from", .value("format"), help: "The price file's format.", required: true,
    completion: .values(PriceSourceFormat.allCases.map(\.rawValue)))
  static let versionOption = OptionSpec(
    "--source-version", .value("version"),
    help:
      "The price file's version (e.g. 1.110.2), recorded in every source; read from the *.dist-info beside an unpacked wheel when not given."
  )

  static let spec = CommandSpec(
    name: "import", abstract: "Write pricing tables from LiteLLM's or genai-prices' price file.",
    discussion:
      "Reads LiteLLM's model_prices_and_context_window.json (inside the litellm wheel) or genai-prices' data.json and writes one <provider>.json per provider into the --out folder: a --pricing overlay that 'pricing validate' accepts. Per-token prices become exact per-1M prices; cached input, batch, long-context tiers, context windows, retirement dates and successors are kept. Entries for built-in models take their built-in id and set only what the file says, so fine-tuning training prices and hosting fees stay; nothing the file cannot say is invented. What could not be mapped is listed on stderr with the reason.",
    arguments: [
      ArgumentSpec(
        "file", help: "The price file (LiteLLM's model_prices_and_context_window.json or genai-prices' data.json).",
        completion: .files)
    ],
    options: [
      formatOption,
      OptionSpec(
        "--out", .value("dir"), help: "The folder to write the tables into (created if missing).", required: true,
        completion: .directories),
      OptionSpec(
        "--provider", .repeating("provider"), help: "Only this provider (repeat for more; default: all four).",
        completion: .values(PriceImport.providers)),
      versionOption,
      OptionSpec("--force", .flag, help: "Overwrite tables that already exist in the folder."),
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let file = invocation.positionals[0]
    let out = invocation.string("--out") ?? "."
    let imported = try read(file: file, providers: invocation.strings("--provider"), invocation: &invocation)
    let builtIn = try builtInTables(&invocation)
    _ = try imported.overlay(on: builtIn, today: invocation.today)

    let paths = imported.tables.map { (out as NSString).appendingPathComponent($0.fileName) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw CommandFailure("'\(out)' is a file; --out needs a folder to write the tables into")
    }
    // All tables or none: an existing file stops the import (without --force) before anything is
    // written, and the price file read is never overwritten.
    let policy = OutputPolicy(overwrite: invocation.flag("--force"), inputs: [file])
    _ = try AtomicFile.writeAll(Array(zip(paths, imported.tables.map(\.text))), policy: policy)
    var lines = zip(imported.tables, paths).map { table, path in
      "wrote \(path): \(table.modelCount) model\(table.modelCount == 1 ? "" : "s")"
    }
    lines.append("source: \(imported.sourceLabel); check the tables with 'ftcost pricing validate \(out)'")
    let json = JSON.object([
      ("source", .string(imported.sourceLabel)),
      (
        "written",
        .array(
          zip(imported.tables, paths).map { table, path in
            .object([("file", .string(path)), ("models", .integer(Int64(table.modelCount)))])
          })
      ),
    ])
    try invocation.emit(Report(title: "Pricing import", blocks: [.lines(lines)], json: json), format: .table)
    return CLI.ExitCode.success
  }

  /// The built-in tables (without the user's overlay): imports and diffs are laid over them.
  static func builtInTables(_ invocation: inout Invocation) throws -> [PricingTable] {
    let location = try invocation.dataLocation()
    return try PricingLoader.catalog(builtIn: location.pricing, overlays: [], today: invocation.today).tables
  }

  /// Reads `file` in the `--from` format for `providers`, reporting what was not mapped on stderr.
  static func read(file: String, providers: [String], invocation: inout Invocation) throws -> PriceImport {
    let format = invocation.string("--from").flatMap(PriceSourceFormat.init(rawValue:)) ?? .litellm
    guard let data = FileManager.default.contents(atPath: file) else {
      throw PricingError.unreadable(
        file, FileManager.default.fileExists(atPath: file) ? "permission denied or a folder" : "no such file")
    }
    let version = invocation.string("--source-version") ?? format.packageVersion(besides: file)
    let imported = try PriceImport.read(
      file: file, bytes: Array(data), format: format, version: version, providers: providers,
      today: invocation.today, builtIn: try builtInTables(&invocation))
    report(imported, file: file, invocation: invocation)
    if imported.tables.isEmpty { throw PriceImportError.nothingImported(file: file, providers: imported.providers) }
    if version == nil {
      invocation.warn(
        "note: \(file)'s version is unknown; pass --source-version so every source names the version it came from")
    }
    return imported
  }

  /// What was not mapped, one entry a line, then the other providers in one line.
  static func report(_ imported: PriceImport, file: String, invocation: Invocation) {
    if !imported.unmapped.isEmpty {
      invocation.warn("not imported from \(file) (\(imported.unmapped.count)):")
      for entry in imported.unmapped { invocation.warn("  \(entry)") }
    }
    let others = imported.otherProviders.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    if !others.isEmpty {
      let total = others.reduce(0) { $0 + $1.value }
      let named = others.prefix(6).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      invocation.warn(
        "not read: \(total) entr\(total == 1 ? "y" : "ies") of \(others.count) provider\(others.count == 1 ? "" : "s") ftcost keeps no table for (\(named)\(others.count > 6 ? ", …" : ""))"
      )
    }
  }
}
