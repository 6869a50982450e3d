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
      OptionSpec("--hours", .value("hours"), help: "Training hours, for reinforcement fine-tuning billed per hour."),
      CommonOptions.asOf, CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try run(&invocation) })

  /// `--epochs`: `nil` for auto, else a whole number in `TrainingPlan.allowedEpochs` (a usage error otherwise).
  static func epochs(_ invocation: Invocation) throws -> Int64? {
    guard let text = invocation.string("--epochs"), text != "auto" else { return nil }
    let range = TrainingPlan.allowedEpochs
    return try invocation.wholeNumber(
      "--epochs", in: range, expected: "a whole number from \(range.lowerBound) to \(range.upperBound), or auto")
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
      throw invocation.usageError(
        "Missing expected argument '--examples <n>' (or '--training-tokens <n>', '--dataset <file>', or '--hours <hours>')"
      )
    }
    if examples != nil && perExample == nil && trainingTokens == nil && hours == nil {
      throw invocation.usageError(
        "Missing expected argument '--tokens-per-example <n>' (or '--dataset <file>' to count a real file)")
    }
    let model = try trainableModel(&invocation)
    var resolvedEpochs = epochs
    if epochs == nil, examples == nil, trainingTokens != nil, hours == nil {
      // The automatic rule needs an example count; with tokens alone one epoch is billed.
      resolvedEpochs = 1
      invocation.warn(
        "note: no example count, so 1 epoch (the automatic rule needs --examples); pass --epochs to change it")
    }
    let plan = try TrainingPlan.resolve(
      model: model, examples: examples, tokensPerExample: perExample, trainingTokens: trainingTokens,
      defaultExampleTokens: nil, epochs: resolvedEpochs, hours: hours)
    print(plan, model: model, examples: examples, into: &invocation)
    return CLI.ExitCode.success
  }

  /// The `--model` priced on `--as-of` (default today); an error when it cannot be trained then.
  static func trainableModel(_ invocation: inout Invocation) throws -> ModelPricing {
    let catalog = try invocation.catalog()
    let model = try catalog.model(named: invocation.string("--model") ?? "")
    return try catalog.trainableModel(model, on: try invocation.asOf())
  }

  /// Prints a resolved training plan in the chosen format.
  static func print(_ plan: TrainingPlan, model: ModelPricing, examples: Int64?, into invocation: inout Invocation) {
    let money = invocation.moneyFormat
    let trainingPath = plan.hours == nil ? "fine_tuning.training" : "fine_tuning.training_per_hour"
    let unconfirmed = model.isUnconfirmed(trainingPath)
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
