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
      CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
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
    if invocation.format == .json {
      invocation.print(
        inspectionJSON(
          inspection, estimates: estimates, epochs: resolvedEpochs, warnings: warnings, task: task, model: chosen
        ).rendered())
    } else {
      invocation.print(
        inspectionText(
          inspection, estimates: estimates, epochs: resolvedEpochs, task: task, model: chosen, invocation: invocation))
    }
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

  static func inspectionJSON(
    _ inspection: DatasetInspection, estimates: [DatasetEstimate], epochs: Int64?, warnings: [String],
    task: TrainingTask?, model: ModelPricing? = nil
  ) -> JSON {
    func stats(_ values: CountHistogram) -> JSON { Distribution(values)?.json ?? .null }
    let keys = inspection.errorCounts.keys.sorted()
    var members: [(String, JSON)] = [
      ("file", .string(inspection.file)),
      ("format", .string(inspection.format.rawValue)),
      ("examples", .integer(Int64(inspection.examples))),
      ("blank_lines", .integer(Int64(inspection.blankLines))),
      ("errors", .object(keys.map { ($0.rawValue, JSON.integer(Int64(inspection.errorCounts[$0] ?? 0))) })),
      (
        "error_lines",
        .object(keys.map { ($0.rawValue, JSON.array((inspection.errorLines[$0] ?? []).map { .integer(Int64($0)) })) })
      ),
      ("warnings", .array(warnings.map { .string($0) })),
      ("messages_per_example", stats(inspection.messagesPerExample)),
      ("tokens_per_example", stats(inspection.tokensPerExample.first ?? CountHistogram())),
      ("assistant_tokens_per_example", stats(inspection.assistantTokensPerExample.first ?? CountHistogram())),
      ("encoding", .string(inspection.encodings.first?.rawValue)),
      ("content_tokens", .integer(inspection.contentTokens.first ?? 0)),
      ("chat_tokens", .integer(inspection.chatTokens.first ?? 0)),
      (
        "billed_tokens_per_epoch",
        .integer(estimates.first?.billedTokensPerEpoch ?? inspection.billedTokensPerEpoch.first ?? 0)
      ),
      ("epochs", epochs.map { .integer($0) } ?? .null),
      (
        "estimates",
        .array(
          estimates.map { estimate in
            .object([
              ("model", .string(estimate.model.id)), ("encoding", .string(estimate.encoding.rawValue)),
              ("estimate", .bool(estimate.isEstimate)), ("training_tokens", .integer(estimate.trainingTokens)),
              ("cost", .number(estimate.cost)),
              ("unconfirmed", .bool(estimate.model.isUnconfirmed("fine_tuning.training"))),
            ])
          })
      ),
      ("examples_missing_system", .integer(Int64(inspection.missingSystem))),
      ("examples_missing_user", .integer(Int64(inspection.missingUser))),
      ("truncated_examples", .integer(Int64(inspection.truncatedExamples))),
    ]
    if let task {
      let thresholds = ExampleThresholds(task: task, model: model)
      members.append(
        (
          "task",
          .object([
            ("task", .string(task.rawValue)), ("minimum", .integer(Int64(thresholds.minimum))),
            ("recommended", .integer(Int64(thresholds.recommended))),
            ("ideal", .integer(Int64(task.ideal))), ("basis", .string(thresholds.basis)),
            ("verdict", .string(thresholds.verdict(examples: inspection.countedExamples))),
          ])
        ))
    }
    return .object(members)
  }

  static func inspectionText(
    _ inspection: DatasetInspection, estimates: [DatasetEstimate], epochs: Int64?, task: TrainingTask?,
    model: ModelPricing?, invocation: Invocation
  ) -> String {
    let money = invocation.moneyFormat
    let encoding = inspection.encodings.first?.rawValue ?? "o200k_base"
    var out =
      "\(inspection.file): \(inspection.format == .openai ? "OpenAI chat" : "Vertex Gemini contents") format, \(MoneyFormat.grouped(Decimal(inspection.fileBytes))) bytes\n"
    out +=
      "examples: \(MoneyFormat.grouped(Decimal(inspection.examples)))  blank lines: \(inspection.blankLines)  errors: \(inspection.errorTotal)\n\n"
    var stats = TextTable(columns: [
      .init(""), .init("min", .right), .init("p5", .right), .init("median", .right), .init("mean", .right),
      .init("p95", .right), .init("max", .right),
    ])
    func row(_ title: String, _ values: CountHistogram) {
      guard let d = Distribution(values) else { return }
      stats.append(
        [title]
          + [d.min, d.p5, d.median, d.mean, d.p95, d.max].map { MoneyFormat.grouped($0.rounded(scale: 1, .plain)) })
    }
    row("messages per example", inspection.messagesPerExample)
    row("tokens per example (\(encoding))", inspection.tokensPerExample.first ?? CountHistogram())
    row("assistant tokens per example", inspection.assistantTokensPerExample.first ?? CountHistogram())
    out += stats.rendered(as: invocation.format == .json ? .table : invocation.format) + "\n"
    out += "missing a system message: \(inspection.missingSystem); missing a user message: \(inspection.missingUser)\n"
    let billed = estimates.first?.billedTokensPerEpoch ?? inspection.billedTokensPerEpoch.first ?? 0
    out +=
      "tokens (\(encoding)): content \(MoneyFormat.grouped(Decimal(inspection.contentTokens.first ?? 0))), chat \(MoneyFormat.grouped(Decimal(inspection.chatTokens.first ?? 0))), billed per epoch \(MoneyFormat.grouped(Decimal(billed))) (\(inspection.truncatedExamples) over the per-example limit)\n"
    if let epochs {
      out +=
        "epochs: \(epochs)\(invocation.string("--epochs") == nil || invocation.string("--epochs") == "auto" ? " (auto)" : "")\n"
    }
    if inspection.errorTotal > 0 {
      out += "\nerrors:\n"
      for key in inspection.errorCounts.keys.sorted() {
        let lines = (inspection.errorLines[key] ?? []).map(String.init).joined(separator: ", ")
        out +=
          "  \(key.rawValue): \(inspection.errorCounts[key] ?? 0) (lines \(lines)\((inspection.errorCounts[key] ?? 0) > 20 ? ", …" : ""))\n"
      }
    }
    if let task {
      let thresholds = ExampleThresholds(task: task, model: model)
      out +=
        "\ntask \(task.rawValue) (\(task.title)): \(inspection.countedExamples) examples is \(thresholds.verdict(examples: inspection.countedExamples)) - minimum \(thresholds.minimum) (\(thresholds.basis)), recommended \(MoneyFormat.grouped(Decimal(thresholds.recommended))), ideal \(MoneyFormat.grouped(Decimal(task.ideal)))+ (the advisor uses the same table)\n"
    }
    if !estimates.isEmpty {
      var table = TextTable(columns: [
        .init("model"), .init("encoding"), .init("training tokens", .right), .init("cost", .right),
      ])
      for estimate in estimates {
        let marks =
          (estimate.isEstimate ? " (estimate)" : "")
          + (estimate.model.isUnconfirmed("fine_tuning.training") ? " (unconfirmed price)" : "")
        table.append([
          estimate.model.id, estimate.encoding.rawValue + (estimate.isEstimate ? "~" : ""),
          MoneyFormat.grouped(Decimal(estimate.trainingTokens)), money.total(estimate.cost) + marks,
        ])
      }
      out += "\ntraining cost\n" + table.rendered(as: invocation.format == .json ? .table : invocation.format)
    }
    return out
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
    TrainCommand.print(withTruncation, model: model, examples: Int64(inspection.countedExamples), into: &invocation)
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
    if invocation.format == .json {
      invocation.print(
        JSON.object([
          ("input", .string(input)), ("output", .string(output)),
          ("validation_output", .string(options.validationShare > 0 ? validationOut : nil)),
          ("lines", .integer(Int64(summary.linesRead))), ("blank_lines", .integer(Int64(summary.blankLines))),
          ("kept", .integer(Int64(summary.kept))), ("training", .integer(Int64(summary.training))),
          ("validation", .integer(Int64(summary.validation))),
          ("dropped", .object(reasons.map { ($0.rawValue, JSON.integer(Int64(summary.dropped[$0.rawValue] ?? 0))) })),
        ]).rendered())
    } else {
      var text =
        "read \(MoneyFormat.grouped(Decimal(summary.linesRead))) lines from \(input): kept \(MoneyFormat.grouped(Decimal(summary.kept)))"
      text += ", dropped \(MoneyFormat.grouped(Decimal(summary.linesRead - summary.kept - summary.blankLines)))"
      text += summary.blankLines > 0 ? ", \(summary.blankLines) blank\n" : "\n"
      for reason in reasons { text += "  dropped \(reason.rawValue): \(summary.dropped[reason.rawValue] ?? 0)\n" }
      text += "wrote \(MoneyFormat.grouped(Decimal(summary.training))) examples to \(output)"
      if options.validationShare > 0, let validationOut {
        text += " and \(MoneyFormat.grouped(Decimal(summary.validation))) to \(validationOut)"
      }
      invocation.print(text)
    }
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
    if invocation.format == .json {
      invocation.print(
        JSON.object([
          ("input", .string(input)), ("output", .string(output)), ("format", .string(target.rawValue)),
          ("examples", .integer(Int64(result.written))),
        ]).rendered())
    } else {
      invocation.print(
        "wrote \(MoneyFormat.grouped(Decimal(result.written))) examples in \(target.rawValue) format to \(output)")
    }
    return CLI.ExitCode.success
  }
}
