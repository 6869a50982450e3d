import FTCostKit
import Foundation

/// `ftcost pricing diff`: what an overlay or a public price file changes in the built-in tables.
enum PricingDiffCommand {
  static let spec = CommandSpec(
    name: "diff", abstract: "List what differs between the built-in tables and an overlay or a price file.",
    discussion:
      "With --pricing DIR (or FTCOST_PRICING), compares the built-in tables with them laid over by DIR; with --against FILE --from litellm|genai-prices, with FILE imported as 'pricing import' would. Lists per model the changed prices (built-in and other value), models only on one side, lifecycle dates and successors that differ, and models one side retires on or before today while the other shows them current. Built-in models a price file does not list are named but do not count. Exits 0 when nothing differs, 1 otherwise.",
    options: [
      CommonOptions.pricing,
      OptionSpec(
        "--against", .value("file"), help: "A LiteLLM or genai-prices price file to compare with.", completion: .files),
      OptionSpec(
        "--from", .value("format"), help: "The format of the --against file.",
        completion: .values(PriceSourceFormat.allCases.map(\.rawValue))),
      OptionSpec(
        "--provider", .repeating("provider"), help: "Only this provider's models (repeat for more).",
        completion: .providers),
      PricingImportCommand.versionOption,
      CommonOptions.format([.table, .json, .markdown]),
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let against = invocation.string("--against")
    if against != nil, invocation.string("--pricing") != nil {
      throw UsageError.conflictingOptions(["--pricing", "--against"])
    }
    if against != nil, invocation.string("--from") == nil {
      throw UsageError.missingDependency("--from", requiredBy: "--against")
    }
    if against == nil, invocation.string("--from") != nil {
      throw UsageError.missingDependency("--against", requiredBy: "--from")
    }
    if against == nil, invocation.string("--source-version") != nil {
      throw UsageError.missingDependency("--against", requiredBy: "--source-version")
    }
    let providers = invocation.strings("--provider")
    let builtIn = try PricingImportCommand.builtInTables(&invocation)
    let known = against == nil ? builtIn.map(\.provider) : PriceImport.providers
    for provider in providers where !known.contains(provider) {
      throw UsageError.invalidValue(provider, option: "--provider", reason: .notOneOf(known, given: provider))
    }
    var diff: PricingDiff
    let heading: String
    if let against {
      let imported = try PricingImportCommand.read(file: against, providers: providers, invocation: &invocation)
      let overlay = try imported.overlay(on: builtIn, today: invocation.today)
      diff = PricingDiff.comparing(
        builtIn: builtIn, overlays: overlay, label: imported.sourceLabel, today: invocation.today, listMissing: true)
      heading = "source"
    } else {
      guard let folder = invocation.pricingOverlay else { throw UsageError.missingOneOf(["--pricing", "--against"]) }
      let loaded = try PricingLoader.load(path: folder, isBuiltIn: false, today: invocation.today, base: builtIn)
      if !loaded.diagnostics.isEmpty { throw PricingError.invalid(loaded.diagnostics) }
      // The overlay must hold together with the built-in tables, as --pricing requires.
      _ = try PricingCatalog(builtIn: builtIn, overlays: loaded.tables, today: invocation.today)
      diff = PricingDiff.comparing(builtIn: builtIn, overlays: loaded.tables, label: folder, today: invocation.today)
      heading = "overlay"
    }
    if !providers.isEmpty { diff.entries = diff.entries.filter { providers.contains($0.provider) } }
    try invocation.emit(diff.report(otherHeading: heading))
    return diff.hasDifferences ? CLI.ExitCode.failure : CLI.ExitCode.success
  }
}
