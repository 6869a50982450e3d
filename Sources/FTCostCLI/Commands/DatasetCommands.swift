import FTCostKit
import Foundation

/// `ftcost dataset inspect|build|convert` (and `train --dataset`).
enum DatasetCommands {
  static let group = CommandSpec(
    name: "dataset", abstract: "Check, count, price, build and convert fine-tuning JSONL files.",
    subcommands: [inspect, build, convert])

  static let formatOption = OptionSpec(
    "--data-format", .value("format"), help: "The file's format (default: detected).",
    completion: .values(DatasetFormat.allCases.map(\.rawValue)))
  static let epochsOption = OptionSpec("--epochs", .value("n|auto"), help: "Epochs, or auto (default).")
  static let quietOption = OptionSpec("--quiet", .flag, help: "No progress on stderr.")
  static let maxErrorsOption = OptionSpec("--max-errors", .value("n"), help: "Stop after this many errors.")

  static let inspect = CommandSpec(
    name: "inspect",
    abstract: "Format checks with line numbers, exact token statistics and training cost of a JSONL file.",
    discussion:
      "Streams the file with bounded memory. Tokens per example follow OpenAI's chat counting rule (3 per message, the tokens of each string value, 1 per name, 3 per example) in each model's own encoding; examples longer than the model's limit are billed at the limit. Exits 1 when any line has an error.",
    arguments: [ArgumentSpec("file", help: "A JSONL training file.", completion: .files)],
    options: [
      OptionSpec(
        "--model", short: "-m", .value("model"), help: "Price for this model (default: every fine-tunable model).",
        completion: .models),
      OptionSpec(
        "--task", .value("task"), help: "Judge the example count against module 20.2's guide.",
        completion: .values(TrainingTask.allCases.map(\.rawValue))),
      epochsOption, formatOption, maxErrorsOption, quietOption,
      CommonOptions.format(), CommonOptions.table, CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try runInspect(&invocation) })

  static let build = CommandSpec(
    name: "build",
    abstract: "Build a training set from production logs (module 20.2's createTrainingDataset, made safe).",
    discussion:
      "Keeps conversations rated --min-rating or better with at least --min-messages messages and an assistant reply, keeps only the keys the target format allows, and reports what was dropped and why. Writes through a temporary file and a rename; never overwrites without --force and never touches the input.",
    arguments: [
      ArgumentSpec(
        "logs", help: "Production logs, one JSON conversation per line (messages, rating, category).",
        completion: .files)
    ],
    options: [
      OptionSpec(
        "--out", short: "-o", .value("file"), help: "The training file to write.", required: true, completion: .files),
      OptionSpec("--min-rating", .value("n"), help: "Keep conversations rated at least this (default: 4)."),
      OptionSpec(
        "--min-messages", .value("n"), help: "Keep conversations with at least this many messages (default: 2)."),
      OptionSpec("--category", .repeating("name"), help: "Keep only these categories."),
      OptionSpec("--system", .value("text"), help: "Add or replace the system message."),
      OptionSpec("--dedupe", .flag, help: "Drop conversations identical to an earlier one."),
      OptionSpec("--validation-split", .value("share"), help: "Share of examples (0 to 1) for a validation file."),
      OptionSpec("--validation-out", .value("file"), help: "Where the validation examples go.", completion: .files),
      OptionSpec("--seed", .value("n"), help: "Seed for a reproducible validation split (default: 0)."),
      OptionSpec(
        "--data-format", .value("format"), help: "The output format (default: openai).",
        completion: .values(DatasetFormat.allCases.map(\.rawValue))),
      OptionSpec("--force", .flag, help: "Overwrite existing output files."),
      quietOption, CommonOptions.format([.table, .json]),
    ],
    run: { invocation in try runBuild(&invocation) })

  static let convert = CommandSpec(
    name: "convert", abstract: "Convert OpenAI chat JSONL to Vertex Gemini contents, or back.",
    arguments: [ArgumentSpec("file", help: "The JSONL file to convert.", completion: .files)],
    options: [
      OptionSpec(
        "--to", .value("format"), help: "The target format.", required: true,
        completion: .values(DatasetFormat.allCases.map(\.rawValue))),
      OptionSpec("--out", short: "-o", .value("file"), help: "The file to write.", required: true, completion: .files),
      OptionSpec("--force", .flag, help: "Overwrite an existing output file."),
      quietOption, CommonOptions.format([.table, .json]),
    ],
    run: { invocation in try runConvert(&invocation) })

  /// Progress on stderr when it is a terminal and not silenced.
  static func progress(_ invocation: Invocation, total: Int) -> ((Int, Int) -> Void)? {
    guard invocation.environment.stderrIsTerminal, !invocation.flag("--quiet") else { return nil }
    let environment = invocation.environment
    var last = Date.distantPast
    return { bytes, lines in
      let now = Date()
      guard now.timeIntervalSince(last) > 0.2 || bytes >= total else { return }
      last = now
      let percent = total > 0 ? min(100, bytes * 100 / total) : 0
      environment.writeError(
        "\r\(percent)% (\(MoneyFormat.grouped(Decimal(bytes / 1_000_000))) of \(MoneyFormat.grouped(Decimal(total / 1_000_000))) MB, \(MoneyFormat.grouped(Decimal(lines))) lines)\u{1B}[K"
      )
    }
  }

  /// Runs an inspection with the encodings the models need.
  static func inspection(_ invocation: inout Invocation, file: String, models: [ModelPricing], cap: Int64) throws
    -> DatasetInspection
  {
    var encodings: [Encoding] = []
    for model in models {
      let encoding = TokenizerRegistry.encoding(for: model) ?? TokenizerRegistry.estimateEncoding
      if !encodings.contains(encoding) { encodings.append(encoding) }
    }
    if encodings.isEmpty { encodings = [.o200kBase] }
    let folder = try invocation.dataLocation().tokenizers
    let tokenizers = try encodings.map { try TokenizerRegistry.tokenizer($0, folder: folder) }
    var options = InspectOptions()
    options.format = invocation.string("--data-format").flatMap(DatasetFormat.init(rawValue:))
    options.encodings = encodings
    options.perExampleCap = cap
    if let limit = try invocation.count("--max-errors", in: 1...1_000_000_000) {
      options.maxErrors = Int(limit)
    }
    let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
    options.progress = progress(invocation, total: size)
    let environment = invocation.environment
    options.onFinding = { finding in environment.writeError(finding.rendered(file: file) + "\n") }
    let result = try DatasetInspector.inspect(path: file, tokenizers: tokenizers, options: options)
    if options.progress != nil { environment.writeError("\r\u{1B}[K") }
    return result
  }

  static func runInspect(_ invocation: inout Invocation) throws -> Int32 {
    let file = invocation.positionals[0]
    let catalog = try invocation.catalog()
    let chosen = try invocation.string("--model").map { try catalog.model(named: $0) }
    if let chosen, chosen.fineTuning == nil { throw CostError.notFineTunable(chosen.id) }
    let models = chosen.map { [$0] } ?? catalog.models.filter { $0.fineTuning?.training != nil }
    let cap = chosen?.fineTuning?.maxTokensPerExample ?? 65_536
    let inspection = try inspection(&invocation, file: file, models: models, cap: cap)
    let epochs = try TrainCommand.epochs(invocation)
    let estimates =
      inspection.countedExamples > 0 ? try DatasetEstimate.estimates(inspection, models: models, epochs: epochs) : []
    let warnings = warnings(inspection, model: chosen, catalog: catalog)
    for warning in warnings { invocation.warn("warning: \(warning)") }
    let task = invocation.string("--task").flatMap(TrainingTask.init(rawValue:))
    let resolvedEpochs = estimates.first?.epochs ?? epochs
    let epochsText = invocation.string("--epochs")
    try invocation.emit(
      inspection.report(
        estimates: estimates, epochs: resolvedEpochs, epochsAreAutomatic: epochsText == nil || epochsText == "auto",
        warnings: warnings, task: task, model: chosen))
    return inspection.errorTotal > 0 ? CLI.ExitCode.failure : CLI.ExitCode.success
  }

  static func warnings(_ inspection: DatasetInspection, model: ModelPricing?, catalog: PricingCatalog) -> [String] {
    var lines: [String] = []
    let minimum = model.flatMap { $0.fineTuning?.minExamples ?? $0.providerFineTuning?.minExamples } ?? 10
    if inspection.countedExamples < minimum {
      lines.append("\(inspection.countedExamples) examples is fewer than the provider's minimum of \(minimum)")
    }
    let provider = model?.providerFineTuning ?? catalog.table(forProvider: "openai")?.fineTuning
    if let limit = provider?.maxFileBytes, inspection.fileBytes > limit {
      lines.append(
        "the file (\(MoneyFormat.grouped(Decimal(inspection.fileBytes))) bytes) is larger than the provider's upload limit of \(MoneyFormat.grouped(Decimal(limit))) bytes; split it"
      )
    }
    if inspection.legacyGeminiLines > 0 {
      lines.append(
        "\(inspection.legacyGeminiLines) lines use the legacy Gemini text_input/output format, which no current API accepts; use Vertex contents ('ftcost dataset convert --to vertex')"
      )
    }
    if inspection.stoppedEarly { lines.append("stopped early at --max-errors; the counts cover only the lines read") }
    return lines
  }

  static func trainFromDataset(_ invocation: inout Invocation, file: String, epochs: Int64?) throws -> Int32 {
    let model = try TrainCommand.trainableModel(&invocation)
    let cap = model.fineTuning?.maxTokensPerExample ?? Int64.max
    let inspection = try inspection(&invocation, file: file, models: [model], cap: cap)
    guard inspection.countedExamples > 0 else { throw TrainingError.noExamples }
    let plan = try TrainingPlan.resolve(
      model: model, examples: Int64(inspection.countedExamples), tokensPerExample: nil,
      trainingTokens: inspection.billedTokensPerEpoch[0], defaultExampleTokens: nil, epochs: epochs,
      hours: try invocation.decimal("--hours"))
    var withTruncation = plan
    withTruncation.truncatedExamples = Int64(inspection.truncatedExamples)
    if TokenizerRegistry.encoding(for: model) == nil {
      invocation.warn("warning: \(model.id)'s tokenizer is not public; token counts are o200k_base estimates")
    }
    try TrainCommand.print(withTruncation, model: model, examples: Int64(inspection.countedExamples), into: &invocation)
    return inspection.errorTotal > 0 ? CLI.ExitCode.failure : CLI.ExitCode.success
  }

  static func runBuild(_ invocation: inout Invocation) throws -> Int32 {
    var options = TrainingSetBuilder.Options()
    if let rating = try invocation.decimal("--min-rating", allowNegative: true) { options.minRating = rating }
    if let messages = try invocation.count("--min-messages", in: 0...10_000) {
      options.minMessages = Int(clamping: messages)
    }
    options.categories = Set(invocation.strings("--category"))
    options.systemMessage = invocation.string("--system")
    options.dedupe = invocation.flag("--dedupe")
    options.format = invocation.string("--data-format").flatMap(DatasetFormat.init(rawValue:)) ?? .openai
    if let seed = try invocation.count("--seed", in: 0...1_000_000_000_000) { options.seed = UInt64(seed) }
    let validationOut = invocation.string("--validation-out")
    if let share = try invocation.decimal("--validation-split") {
      guard share >= 0, share < 1 else {
        throw UsageError.invalidValue(
          invocation.string("--validation-split") ?? "\(share)", option: "--validation-split",
          reason: .notInRange(lower: "0", upper: "1", upperIncluded: false, orElse: []))
      }
      guard validationOut != nil || share == 0 else {
        throw UsageError.missingDependency("--validation-out", requiredBy: "--validation-split")
      }
      options.validationShare = share
    } else if validationOut != nil {
      throw UsageError.missingDependency("--validation-split", requiredBy: "--validation-out")
    }
    let input = invocation.positionals[0]
    let output = invocation.string("--out") ?? ""
    let summary = try TrainingSetBuilder(options: options).build(
      input: input, output: output, validationOutput: options.validationShare > 0 ? validationOut : nil,
      overwrite: invocation.flag("--force"))
    let reasons = TrainingSetBuilder.DropReason.allCases.filter { summary.dropped[$0.rawValue] != nil }
    let json = JSON.object([
      ("input", .string(input)), ("output", .string(output)),
      ("validation_output", .string(options.validationShare > 0 ? validationOut : nil)),
      ("lines", .integer(Int64(summary.linesRead))), ("blank_lines", .integer(Int64(summary.blankLines))),
      ("kept", .integer(Int64(summary.kept))), ("training", .integer(Int64(summary.training))),
      ("validation", .integer(Int64(summary.validation))),
      ("dropped", .object(reasons.map { ($0.rawValue, JSON.integer(Int64(summary.dropped[$0.rawValue] ?? 0))) })),
    ])
    var first =
      "read \(MoneyFormat.grouped(Decimal(summary.linesRead))) lines from \(input): kept \(MoneyFormat.grouped(Decimal(summary.kept)))"
    first += ", dropped \(MoneyFormat.grouped(Decimal(summary.linesRead - summary.kept - summary.blankLines)))"
    first += summary.blankLines > 0 ? ", \(summary.blankLines) blank" : ""
    var lines = [first]
    for reason in reasons { lines.append("  dropped \(reason.rawValue): \(summary.dropped[reason.rawValue] ?? 0)") }
    var wrote = "wrote \(MoneyFormat.grouped(Decimal(summary.training))) examples to \(output)"
    if options.validationShare > 0, let validationOut {
      wrote += " and \(MoneyFormat.grouped(Decimal(summary.validation))) to \(validationOut)"
    }
    lines.append(wrote)
    try invocation.emit(Report(title: output, blocks: [.lines(lines)], json: json))
    return CLI.ExitCode.success
  }

  static func runConvert(_ invocation: inout Invocation) throws -> Int32 {
    let input = invocation.positionals[0]
    let output = invocation.string("--out") ?? ""
    let target = invocation.string("--to").flatMap(DatasetFormat.init(rawValue:)) ?? .vertex
    let result = try FormatConverter.convert(
      input: input, output: output, to: target, overwrite: invocation.flag("--force"))
    if !result.problems.isEmpty {
      for problem in result.problems { invocation.warn("\(input):\(problem.line): \(problem.message)") }
      throw CommandFailure(
        "\(result.problems.count) line\(result.problems.count == 1 ? "" : "s") of \(input) cannot be converted to \(target.rawValue); nothing was written"
      )
    }
    let json = JSON.object([
      ("input", .string(input)), ("output", .string(output)), ("format", .string(target.rawValue)),
      ("examples", .integer(Int64(result.written))),
    ])
    let line =
      "wrote \(MoneyFormat.grouped(Decimal(result.written))) examples in \(target.rawValue) format to \(output)"
    try invocation.emit(Report(title: output, blocks: [.lines([line])], json: json))
    return CLI.ExitCode.success
  }
}
