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
      CommonOptions.asOf, CommonOptions.format(), CommonOptions.table, CommonOptions.pricing, CommonOptions.rounding,
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
      try printGPUQuote(quote, examples: examples, into: &invocation)
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
    try print(plan, model: model, examples: examples, into: &invocation)
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
  static func printGPUQuote(_ quote: GPUTrainingQuote, examples: Int64?, into invocation: inout Invocation) throws {
    if let stale = quote.gpu.stalenessWarning(today: invocation.today) { invocation.warn("warning: \(stale)") }
    try invocation.emit(quote.report(examples: examples))
  }

  /// The `--model` priced on `--as-of` (default today); an error when it cannot be trained then.
  static func trainableModel(_ invocation: inout Invocation) throws -> ModelPricing {
    let catalog = try invocation.catalog()
    let model = try catalog.model(named: invocation.string("--model") ?? "")
    return try catalog.trainableModel(model, on: try invocation.asOf())
  }

  /// Prints a resolved training plan in the chosen format.
  static func print(
    _ plan: TrainingPlan, model: ModelPricing, examples: Int64?, into invocation: inout Invocation
  ) throws {
    let trainingPath = plan.hours == nil ? "fine_tuning.training" : "fine_tuning.training_per_hour"
    if let stale = model.stalenessWarning(today: invocation.today) { invocation.warn("warning: \(stale)") }
    if let closes = model.fineTuningNewJobsUntil {
      invocation.warn("warning: \(model.providerDisplayName) fine-tuning takes its last new jobs on \(closes)")
    }
    if let stop = model.stopsServing(fineTuned: true) {
      invocation.warn("warning: fine-tuned \(model.id) models stop serving on \(stop)")
    }
    let overlaid = PriceUse.overlaid(in: [PriceUse(model: model, paths: [trainingPath])])
    for line in overlaid { invocation.warn("note: from your pricing overlay: \(line)") }
    try invocation.emit(
      plan.report(
        model: model, examples: examples, asOf: try? invocation.asOf(),
        unconfirmed: model.isUnconfirmed(trainingPath), overlaid: overlaid))
  }
}
