import FTCostKit
import Foundation

/// `ftcost train`: what one fine-tuning job costs.
enum TrainCommand {
  static let spec = CommandSpec(
    name: "train", abstract: "Price a fine-tuning job: tokens per epoch, epochs and training cost.",
    discussion:
      "Epochs 'auto' follows OpenAI's default rule: 3, raised (up to 25) so examples x epochs reaches 100, lowered (down to 1) so it stays near 25,000. Examples longer than the model's per-example limit are billed at the limit.",
    options: [
      CommonOptions.model,
      OptionSpec("--examples", .value("n"), help: "Number of training examples."),
      OptionSpec("--tokens-per-example", .value("n"), help: "Tokens per example (chat overhead included)."),
      OptionSpec("--training-tokens", .value("n"), help: "Training tokens per epoch, when known."),
      OptionSpec("--dataset", .value("file"), help: "A JSONL training file to count exactly.", completion: .files),
      OptionSpec("--epochs", .value("n|auto"), help: "Epochs, or auto (default)."),
      OptionSpec(
        "--hours", .value("hours"),
        help:
          "Training hours: reinforcement fine-tuning billed per hour, or GPU-hours with --gpu (instead of measured speed)."
      ),
      OptionSpec(
        "--gpu", .value("gpu"),
        help:
          "Train an open-weight model on rented GPUs of this type (default for such models: the GPU it was measured on).",
        completion: .models),
      OptionSpec(
        "--method", .value("method"), help: "With --gpu: lora (default) or full fine-tuning.",
        completion: .values(TrainingMethod.allCases.map(\.rawValue))),
      CommonOptions.asOf, CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try run(&invocation) })

  static func epochs(_ invocation: Invocation) throws(UsageError) -> Int64? {
    guard let text = invocation.string("--epochs"), text != "auto" else { return nil }
    let range = ScenarioLimits.epochs
    guard let value = try? invocation.count("--epochs", in: range) else {
      throw .invalidValue(text, option: "--epochs", reason: .notIn(range, orElse: ["auto"]))
    }
    return value
  }

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let examples = try invocation.count("--examples")
    let perExample = try invocation.count("--tokens-per-example")
    let trainingTokens = try invocation.count("--training-tokens")
    let hours = try invocation.decimal("--hours")
    let epochs = try epochs(invocation)
    if let dataset = invocation.string("--dataset") {
      return try DatasetCommands.trainFromDataset(&invocation, file: dataset, epochs: epochs)
    }
    if examples == nil && trainingTokens == nil && hours == nil {
      throw UsageError.missingOneOf(["--examples", "--training-tokens", "--dataset", "--hours"])
    }
    if examples != nil && perExample == nil && trainingTokens == nil && hours == nil {
      throw UsageError.missingDependency("--tokens-per-example", requiredBy: "--examples")
    }
    let method = try trainingMethod(invocation)
    let catalog = try invocation.catalog()
    let named = try catalog.model(named: invocation.string("--model") ?? "")
    // The automatic rule needs an example count; with tokens alone one epoch is billed (said once the
    // model is known to train).
    let oneEpochByDefault = epochs == nil && examples == nil && trainingTokens != nil && hours == nil
    let resolvedEpochs = oneEpochByDefault ? 1 : epochs
    func noteEpochs(_ invocation: inout Invocation) {
      guard oneEpochByDefault else { return }
      invocation.warn(
        "note: no example count, so 1 epoch (the automatic rule needs --examples); pass --epochs to change it")
    }
    // An open-weight model trains on rented GPUs: asked for with --gpu, or when no service prices it.
    if invocation.string("--gpu") != nil || (named.fineTuning == nil && named.selfHosting != nil) {
      let quote = try GPUTrainingQuote.make(
        model: named, gpu: invocation.string("--gpu"), method: method ?? .lora, catalog: catalog,
        on: try invocation.asOf(), examples: examples, tokensPerExample: perExample, trainingTokens: trainingTokens,
        epochs: resolvedEpochs, hours: hours)
      noteEpochs(&invocation)
      printGPUQuote(quote, examples: examples, into: &invocation)
      return CLI.ExitCode.success
    }
    if let method {
      throw UsageError.missingDependency("--gpu", requiredBy: "--method \(method.rawValue)")
    }
    let model = try trainableModel(&invocation)
    noteEpochs(&invocation)
    let plan = try TrainingPlan.resolve(
      model: model, examples: examples, tokensPerExample: perExample, trainingTokens: trainingTokens,
      defaultExampleTokens: nil, epochs: resolvedEpochs, hours: hours)
    print(plan, model: model, examples: examples, into: &invocation)
    return CLI.ExitCode.success
  }

  /// `--method`, when given.
  static func trainingMethod(_ invocation: Invocation) throws(UsageError) -> TrainingMethod? {
    guard let text = invocation.string("--method") else { return nil }
    guard let method = TrainingMethod(rawValue: text) else {
      let names = TrainingMethod.allCases.map(\.rawValue)
      throw .invalidValue(
        text, option: "--method", reason: .notOneOf(names, suggestion: Suggestions.closest(to: text, in: names).first))
    }
    return method
  }

  /// Prints a job on rented GPUs next to the managed services' price for the same job.
  static func printGPUQuote(_ quote: GPUTrainingQuote, examples: Int64?, into invocation: inout Invocation) {
    let money = invocation.moneyFormat.currency(quote.gpu.currency)
    let plan = quote.plan
    let rate = quote.gpu.gpuPerHour ?? 0
    if let stale = quote.gpu.stalenessWarning(today: invocation.today) { invocation.warn("warning: \(stale)") }
    if invocation.format == .json {
      invocation.print(
        JSON.object([
          ("model", .string(quote.model.id)),
          ("method", .string(quote.method.rawValue)),
          ("gpu", .string(quote.gpu.id)),
          ("gpus_per_replica", .integer(quote.gpusPerReplica)),
          ("gpu_per_hour", .number(rate)),
          ("gpu_price_source", .string(quote.gpu.source)),
          ("gpu_price_as_of", .string(quote.gpu.asOf.description)),
          ("examples", examples.map { .integer($0) } ?? .null),
          ("training_tokens_per_epoch", .integer(plan.tokensPerEpoch)),
          ("epochs", .integer(plan.epochs)),
          ("billed_tokens", .integer(plan.billedTokens)),
          ("training_tokens_per_second", .number(quote.tokensPerSecond)),
          ("gpu_hours", .number(plan.gpuHours)),
          ("cost", .number(plan.cost)),
          (
            "managed",
            .array(
              quote.managed.map { service, job in
                .object([
                  ("service", .string(service.id)), ("training", .number(service.fineTuning?.training)),
                  ("cost", .number(job.cost)),
                ])
              })
          ),
        ]).rendered())
      return
    }
    var table = TextTable(columns: [.init("measure"), .init("value", .right)])
    table.append(["model", quote.model.id])
    table.append(["method", quote.method.rawValue])
    table.append(["GPU", "\(quote.gpusPerReplica)x \(quote.gpu.id) at \(money.price(rate)) per GPU-hour"])
    table.append(["training tokens per epoch", MoneyFormat.grouped(Decimal(plan.tokensPerEpoch))])
    table.append(["epochs", "\(plan.epochs)\(plan.epochsAreAutomatic ? " (auto)" : "")"])
    if let speed = quote.tokensPerSecond {
      table.append(["training speed per replica", MoneyFormat.grouped(speed) + " tokens/s"])
    }
    table.append(["GPU-hours", MoneyFormat.grouped((plan.gpuHours ?? 0).rounded(scale: 2, .plain))])
    table.append(["training cost", money.total(plan.cost)])
    for (service, job) in quote.managed {
      table.append([
        "on \(service.id) (\(service.fineTuning?.training.map(money.price) ?? "-") per 1M)", money.total(job.cost),
      ])
    }
    var text = table.rendered(as: invocation.format)
    if invocation.format != .csv {
      text += "GPU price: \(quote.gpu.source) (as of \(quote.gpu.asOf))\n"
      if quote.tokensPerSecond != nil, let source = quote.model.selfHosting?.source {
        text += "Training speed: \(source)\n"
      }
    }
    invocation.print(text)
  }

  /// The `--model` priced on `--as-of` (default today); an error when it cannot be trained then.
  static func trainableModel(_ invocation: inout Invocation) throws -> ModelPricing {
    let catalog = try invocation.catalog()
    let model = try catalog.model(named: invocation.string("--model") ?? "")
    return try catalog.trainableModel(model, on: try invocation.asOf())
  }

  /// Prints a resolved training plan in the chosen format.
  static func print(_ plan: TrainingPlan, model: ModelPricing, examples: Int64?, into invocation: inout Invocation) {
    let money = invocation.moneyFormat.currency(model.currency)
    let trainingPath = plan.hours == nil ? "fine_tuning.training" : "fine_tuning.training_per_hour"
    let unconfirmed = model.isUnconfirmed(trainingPath)
    if let stale = model.stalenessWarning(today: invocation.today) { invocation.warn("warning: \(stale)") }
    if let closes = model.fineTuningNewJobsUntil {
      invocation.warn("warning: \(model.providerDisplayName) fine-tuning takes its last new jobs on \(closes)")
    }
    if let stop = model.stopsServing(fineTuned: true) {
      invocation.warn("warning: fine-tuned \(model.id) models stop serving on \(stop)")
    }
    for line in PriceUse.overlaid(in: [PriceUse(model: model, paths: [trainingPath])]) {
      invocation.warn("note: from your pricing overlay: \(line)")
    }
    if invocation.format == .json {
      invocation.print(
        JSON.object([
          ("model", .string(model.id)),
          ("examples", examples.map { .integer($0) } ?? .null),
          ("training_tokens_per_epoch", .integer(plan.tokensPerEpoch)),
          ("epochs", .integer(plan.epochs)),
          ("epochs_auto", .bool(plan.epochsAreAutomatic)),
          ("billed_tokens", .integer(plan.billedTokens)),
          ("truncated_examples", .integer(plan.truncatedExamples)),
          ("training_hours", .number(plan.hours)),
          ("cost", .number(plan.cost)),
          ("as_of", .string(try? invocation.asOf().description)),
          ("unconfirmed", .bool(unconfirmed)),
          (
            "pricing_overlay_values",
            .array(PriceUse.overlaid(in: [PriceUse(model: model, paths: [trainingPath])]).map { .string($0) })
          ),
        ]).rendered())
      return
    }
    var table = TextTable(columns: [.init("measure"), .init("value", .right)])
    table.append(["model", model.id])
    if let examples { table.append(["examples", MoneyFormat.grouped(Decimal(examples))]) }
    if let hours = plan.hours {
      table.append(["training hours", MoneyFormat.grouped(hours)])
      table.append(["rate per hour", model.fineTuning?.trainingPerHour.map(money.price) ?? "-"])
    } else {
      table.append(["training tokens per epoch", MoneyFormat.grouped(Decimal(plan.tokensPerEpoch))])
      table.append(["epochs", "\(plan.epochs)\(plan.epochsAreAutomatic ? " (auto)" : "")"])
      table.append(["billed tokens", MoneyFormat.grouped(Decimal(plan.billedTokens))])
      table.append(["price per 1M training tokens", model.fineTuning?.training.map(money.price) ?? "-"])
    }
    if plan.truncatedExamples > 0 {
      table.append(["examples billed at the per-example cap", MoneyFormat.grouped(Decimal(plan.truncatedExamples))])
    }
    table.append(["training cost", money.total(plan.cost) + (unconfirmed ? " (unconfirmed price)" : "")])
    invocation.print(table.rendered(as: invocation.format))
  }
}
