import FTCostKit
import Foundation

/// `ftcost pricing list|show|validate` (import, diff and audit have files of their own).
enum PricingCommands {
  static let group = CommandSpec(
    name: "pricing", abstract: "List, show, validate, import, diff and audit the pricing tables.",
    subcommands: [list, show, validate, PricingImportCommand.spec, PricingDiffCommand.spec, PricingAuditCommand.spec])

  static let list = CommandSpec(
    name: "list", abstract: "List every model with its main prices (USD per 1M tokens).",
    options: [
      OptionSpec("--provider", .value("provider"), help: "Only this provider's models.", completion: .providers),
      OptionSpec("--fine-tunable", .flag, help: "Only models that take new fine-tuning jobs today."),
      CommonOptions.format(), CommonOptions.table, CommonOptions.pricing,
    ],
    run: { invocation in try runList(&invocation) })

  static let show = CommandSpec(
    name: "show", abstract: "Every price, limit and lifecycle date of one model.",
    arguments: [ArgumentSpec("model", help: "A model id or alias.", completion: .models)],
    options: [CommonOptions.format(), CommonOptions.table, CommonOptions.pricing],
    run: { invocation in try runShow(&invocation) })

  static let validate = CommandSpec(
    name: "validate", abstract: "Check pricing files against the schema and list every problem.",
    discussion:
      "With no path, checks the built-in tables. A path is checked as a --pricing overlay: an entry for a built-in model is merged onto it first, so it may set only the fields it changes. Exits 0 when all files are valid, 1 otherwise.",
    arguments: [
      ArgumentSpec(
        "path", help: "Pricing files or folders of *.json files.", optional: true, repeating: true, completion: .files)
    ],
    options: [CommonOptions.format([.table, .json])],
    run: { invocation in try runValidate(&invocation) })

  static func runList(_ invocation: inout Invocation) throws -> Int32 {
    let catalog = try invocation.catalog()
    var models = catalog.models
    if let provider = invocation.string("--provider") {
      guard catalog.providers.contains(provider) else {
        throw UsageError.invalidValue(
          provider, option: "--provider", reason: .notOneOf(catalog.providers, given: provider))
      }
      models = models.filter { $0.provider == provider }
    }
    if invocation.flag("--fine-tunable") { models = models.filter { $0.acceptsTraining(on: invocation.today) } }
    try invocation.emit(PricingReports.list(models, today: invocation.today))
    return CLI.ExitCode.success
  }

  static func runShow(_ invocation: inout Invocation) throws -> Int32 {
    let catalog = try invocation.catalog()
    let model = try catalog.model(named: invocation.positionals[0])
    try invocation.emit(PricingReports.show(model, today: invocation.today))
    return CLI.ExitCode.success
  }

  static func runValidate(_ invocation: inout Invocation) throws -> Int32 {
    var paths = invocation.positionals
    let builtIn = try invocation.dataLocation().pricing
    // Files given on the command line are checked as overlays: merged onto the built-in tables.
    var base: [PricingTable] = []
    if paths.isEmpty {
      paths = [builtIn]
    } else {
      base = (try? PricingLoader.load(path: builtIn, isBuiltIn: true, today: invocation.today).tables) ?? []
    }
    var problems: [Diagnostic] = []
    var tables: [PricingTable] = []
    var files = 0
    for path in paths {
      let loaded = try PricingLoader.load(path: path, isBuiltIn: base.isEmpty, today: invocation.today, base: base)
      problems += loaded.diagnostics
      files += try PricingLoader.tableFiles(at: path).count
      tables += loaded.tables
      problems += PricingCatalog.duplicateIDs(in: loaded.tables)
    }
    // The tables must also hold together: every successor names a model they hold.
    if problems.isEmpty {
      do {
        _ = try PricingCatalog(
          builtIn: base.isEmpty ? tables : base, overlays: base.isEmpty ? [] : tables, today: invocation.today)
      } catch {
        // The initialiser throws PricingError only; anything but a list of problems is one problem.
        if case .invalid(let more) = error {
          problems += more
        } else {
          problems.append(Diagnostic(file: paths.joined(separator: ", "), location: nil, path: "", message: "\(error)"))
        }
      }
    }
    let models = tables.reduce(0) { $0 + $1.models.count }
    try invocation.emit(PricingReports.validation(files: files, models: models, problems: problems))
    if problems.isEmpty { return CLI.ExitCode.success }
    if invocation.format == .json { return CLI.ExitCode.failure }
    invocation.warn(
      "Error: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(Set(problems.map(\.file)).count) of \(files) files"
    )
    return CLI.ExitCode.failure
  }
}
