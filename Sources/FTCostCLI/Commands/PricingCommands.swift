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
      CommonOptions.format(), CommonOptions.pricing,
    ],
    run: { invocation in try runList(&invocation) })

  static let show = CommandSpec(
    name: "show", abstract: "Every price, limit and lifecycle date of one model.",
    arguments: [ArgumentSpec("model", help: "A model id or alias.", completion: .models)],
    options: [CommonOptions.format(), CommonOptions.pricing],
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
    let today = invocation.today
    if invocation.format == .json {
      invocation.print(JSON.array(models.map(\.json)).rendered())
      return CLI.ExitCode.success
    }
    let money = MoneyFormat()
    func price(_ value: Decimal?, _ model: ModelPricing, _ path: String) -> String {
      guard let value else { return "-" }
      return money.currency(model.currency).price(value) + (model.isUnconfirmed(path) ? "*" : "")
    }
    var table = TextTable(columns: [
      .init("model"), .init("provider"), .init("input", .right), .init("cached", .right), .init("output", .right),
      .init("batch in/out", .right), .init("FT training", .right), .init("FT in/out", .right), .init("status"),
    ])
    for model in models {
      let inference = model.inference
      let embedding = model.embedding
      var batch = "-"
      if let input = inference?.batchInput, let output = inference?.batchOutput {
        batch = price(input, model, "inference.batch_input") + " / " + price(output, model, "inference.batch_output")
      } else if let input = embedding?.batchInput {
        batch = price(input, model, "embedding.batch_input")
      }
      var training = "-"
      if let ft = model.fineTuning {
        if let perToken = ft.training {
          training = price(perToken, model, "fine_tuning.training")
        } else if let perHour = ft.trainingPerHour {
          training = price(perHour, model, "fine_tuning.training_per_hour") + "/h"
        }
      }
      var ftInference = "-"
      if let prices = model.fineTuning?.inference {
        ftInference =
          price(prices.input, model, "fine_tuning.inference.input") + " / "
          + price(prices.output, model, "fine_tuning.inference.output")
      }
      let input: String
      if let gpu = model.gpuPerHour {
        input = price(gpu, model, "gpu_per_hour") + "/h"
      } else {
        input = price(
          inference?.input ?? embedding?.input, model, inference != nil ? "inference.input" : "embedding.input")
      }
      table.append([
        model.id, model.provider, input,
        price(inference?.cachedInput, model, "inference.cached_input"),
        price(inference?.output, model, "inference.output"), batch, training, ftInference,
        model.status(on: today),
      ])
    }
    invocation.print(table.rendered(as: invocation.format))
    if invocation.format == .table || invocation.format == .markdown {
      if models.contains(where: { !$0.unconfirmed.isEmpty }) {
        invocation.print("* unconfirmed: no primary source confirms this value; check it before you budget on it.")
      }
      for model in models where !model.origin.isBuiltIn {
        if let builtIn = model.origin.overrides {
          invocation.print(
            "\(model.id): \(model.overlaidPaths.joined(separator: ", ")) from \(model.origin.file) (the rest from \(builtIn))"
          )
        } else {
          invocation.print("\(model.id): prices from \(model.origin.file) (added)")
        }
      }
    }
    return CLI.ExitCode.success
  }

  static func runShow(_ invocation: inout Invocation) throws -> Int32 {
    let catalog = try invocation.catalog()
    let model = try catalog.model(named: invocation.positionals[0])
    if invocation.format == .json {
      invocation.print(model.json.rendered())
      return CLI.ExitCode.success
    }
    let money = MoneyFormat(currency: model.currency)
    var table = TextTable(columns: [.init("field"), .init("value")])
    func add(_ field: String, _ value: String?) {
      if let value { table.append([field, value]) }
    }
    func price(_ path: String, _ value: Decimal?, unit: String = "per 1M tokens") {
      guard let value else { return }
      add(path, money.price(value) + " " + unit + (model.isUnconfirmed(path) ? " (unconfirmed)" : ""))
    }
    add("id", model.id)
    add("provider", "\(model.providerDisplayName) (\(model.provider))")
    add("aliases", model.aliases.isEmpty ? nil : model.aliases.joined(separator: ", "))
    add("tokenizer", model.tokenizer.map { $0 == "approximate" ? "approximate (token counts are estimates)" : $0 })
    add("context_window", model.contextWindow.map { MoneyFormat.grouped(Decimal($0)) + " tokens" })
    add("deprecation_date", model.deprecationDate?.description)
    add("successor", model.successor)
    add("status", model.status(on: invocation.today))
    if let inference = model.inference {
      price("inference.input", inference.input)
      price("inference.cached_input", inference.cachedInput)
      price("inference.output", inference.output)
      price("inference.batch_input", inference.batchInput)
      price("inference.batch_output", inference.batchOutput)
      for tier in inference.tiers {
        add(
          "inference.tier > \(MoneyFormat.grouped(Decimal(tier.aboveInputTokens)))",
          "input \(money.price(tier.input)), cached \(tier.cachedInput.map(money.price) ?? "-"), output \(money.price(tier.output)) per 1M (on all tokens of a longer request)"
        )
      }
    }
    if let embedding = model.embedding {
      price("embedding.input", embedding.input)
      price("embedding.batch_input", embedding.batchInput)
    }
    price("gpu_per_hour", model.gpuPerHour, unit: "per GPU-hour")
    if let ft = model.fineTuning {
      price("fine_tuning.training", ft.training)
      price("fine_tuning.training_per_hour", ft.trainingPerHour, unit: "per training hour")
      if let prices = ft.inference {
        price("fine_tuning.inference.input", prices.input)
        price("fine_tuning.inference.cached_input", prices.cachedInput)
        price("fine_tuning.inference.output", prices.output)
        price("fine_tuning.inference.batch_input", prices.batchInput)
        price("fine_tuning.inference.batch_output", prices.batchOutput)
      }
      add("fine_tuning.max_tokens_per_example", ft.maxTokensPerExample.map { MoneyFormat.grouped(Decimal($0)) })
      add("fine_tuning.min_examples", (ft.minExamples ?? model.providerFineTuning?.minExamples).map(String.init))
      add(
        "fine_tuning.recommended_examples",
        (ft.recommendedExamples ?? model.providerFineTuning?.recommendedExamples).map(String.init))
      price("fine_tuning.hosting_per_hour", ft.hostingPerHour, unit: "per hour deployed")
      price("fine_tuning.max_job_fee", ft.maxJobFee, unit: "per job (cap)")
      add("fine_tuning.new_jobs_until", model.fineTuningNewJobsUntil?.description)
      add("fine_tuning.deprecation_date", ft.deprecationDate?.description)
      if let stop = model.stopsServing(fineTuned: true), stop != ft.deprecationDate {
        add("fine-tuned models stop serving", "\(stop) (with the base model, the earlier date)")
      }
      add("fine_tuning.note", ft.note)
    } else {
      add(
        "fine_tuning",
        model.providerFineTuning?.api == false
          ? "none: \(model.providerDisplayName) has no public fine-tuning API"
          : "none: the tables list no fine-tuning for this model")
    }
    for change in model.priceChanges {
      let before = model.pricing(on: ISODate(daysSinceEpoch: change.effectiveFrom.daysSinceEpoch - 1))
      let after = model.pricing(on: change.effectiveFrom)
      let fields = change.changedPaths.map { path -> String in
        let old = before.price(at: path).map(money.price) ?? "-"
        let new = after.price(at: path).map(money.price) ?? "-"
        let mark = after.isUnconfirmed(path) ? " (unconfirmed)" : ""
        return "\(path) \(old) -> \(new)\(mark)"
      }
      add(
        "price change \(change.effectiveFrom)",
        fields.joined(separator: ", ") + (change.source.map { " [\($0)]" } ?? ""))
    }
    add("as_of", model.asOf.description)
    add("source", model.source)
    add("note", model.note)
    add("file", model.origin.file + (model.origin.overrides.map { " (overrides \($0))" } ?? ""))
    if !model.overlaidPaths.isEmpty {
      add(
        "from the overlay",
        model.overlaidPaths.joined(separator: ", ")
          + " (the rest from \(model.origin.overrides ?? "the built-in table"))")
    }
    invocation.print(table.rendered(as: invocation.format))
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
    if invocation.format == .json {
      invocation.print(
        JSON.object([
          ("files", .integer(Int64(files))),
          ("models", .integer(Int64(tables.reduce(0) { $0 + $1.models.count }))),
          (
            "problems",
            .array(
              problems.map { problem in
                .object([
                  ("file", .string(problem.file)), ("line", problem.location.map { .integer(Int64($0.line)) } ?? .null),
                  ("column", problem.location.map { .integer(Int64($0.column)) } ?? .null),
                  ("field", .string(problem.path)),
                  ("message", .string(problem.message)),
                ])
              })
          ),
        ]).rendered())
      return problems.isEmpty ? CLI.ExitCode.success : CLI.ExitCode.failure
    }
    for problem in problems { invocation.print("\(problem.description)") }
    if problems.isEmpty {
      let models = tables.reduce(0) { $0 + $1.models.count }
      invocation.print(
        "ok: \(files) file\(files == 1 ? "" : "s"), \(models) model\(models == 1 ? "" : "s"), no problems")
      return CLI.ExitCode.success
    }
    invocation.warn(
      "Error: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(Set(problems.map(\.file)).count) of \(files) files"
    )
    return CLI.ExitCode.failure
  }
}
