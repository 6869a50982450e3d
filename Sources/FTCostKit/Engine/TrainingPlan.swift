import Foundation

/// The training terms of a plan, resolved: tokens per epoch, epochs and what they cost.
public struct TrainingPlan: Sendable, Equatable {
  /// Training tokens per epoch (D), after the per-example cap.
  public var tokensPerEpoch: Int64
  /// Epochs (e), given or from the automatic rule.
  public var epochs: Int64
  /// True when epochs came from the automatic rule.
  public var epochsAreAutomatic: Bool
  /// Examples billed at the cap because they were longer (0 when none or unknown).
  public var truncatedExamples: Int64
  /// D · e · Ptrain, or hours · rate for reinforcement fine-tuning, capped at any job fee limit.
  public var cost: Decimal
  /// Training hours billed, for per-hour training.
  public var hours: Decimal?
  /// GPU-hours of a job run on the plan's own GPUs, and the GPU's id.
  public var gpuHours: Decimal?
  public var gpu: String?

  /// Billed training tokens: D · e (resolve refuses plans where the product does not fit).
  public var billedTokens: Int64 {
    let (product, overflow) = tokensPerEpoch.multipliedReportingOverflow(by: epochs)
    return overflow ? Int64.max : product
  }

  /// The epochs a job may run: OpenAI's fine-tuning API takes `n_epochs` from 1 to 50, and no
  /// pricing table names another limit.
  public static let allowedEpochs = ScenarioLimits.epochs

  /// The automatic number of epochs for a dataset of `examples`.
  ///
  /// Epochs auto follows OpenAI's default: 3; if examples·3 < 100 then min(25, ⌊100/examples⌋); if examples·3 > 25,000 then max(1, ⌊25,000/examples⌋). An empty dataset is an error.
  public static func automaticEpochs(examples: Int64) throws(TrainingError) -> Int64 {
    guard examples > 0 else { throw .noExamples }
    let target: Int64 = 3
    // Compared by division, so no example count can overflow: examples·3 < 100 ⇔ examples ≤ 33,
    // examples·3 > 25,000 ⇔ examples > 8,333.
    if examples <= 99 / target { return min(25, 100 / examples) }
    if examples > 25_000 / target { return max(1, 25_000 / examples) }
    return target
  }

  /// Chat-format overhead of one example: 3 tokens per message plus 3 per example
  /// (a system+user+assistant example adds 12, a user+assistant one adds 9).
  public static func exampleOverhead(hasSystemMessage: Bool) -> Int64 {
    (hasSystemMessage ? 3 : 2) * 3 + 3
  }

  /// Resolves training for `model` from the plan's terms.
  ///
  /// Tokens per epoch are `trainingTokens` if given; else `examples · tokensPerExample`; else
  /// `examples · defaultExampleTokens`. An example longer than the model's
  /// `max_tokens_per_example` is billed at the cap. Epochs outside `allowedEpochs` and token
  /// counts whose products do not fit in an `Int64` are errors, so no input can trap.
  public static func resolve(
    model: ModelPricing, examples: Int64?, tokensPerExample: Int64?, trainingTokens: Int64?,
    defaultExampleTokens: Int64?, epochs: Int64?, hours: Decimal?
  ) throws(TrainingError) -> TrainingPlan {
    guard let fineTuning = model.fineTuning else { throw .notFineTunable(model.id) }
    if let epochs, !allowedEpochs.contains(epochs) { throw .badEpochs(epochs) }
    if fineTuning.isBilledPerHour {
      guard let hours, let rate = fineTuning.trainingPerHour else { throw .needsHours(model.id) }
      var cost = hours * rate
      if let cap = fineTuning.maxJobFee { cost = min(cost, cap) }
      try checkBilledTokens(trainingTokens ?? 0, epochs: epochs ?? 1)
      return TrainingPlan(
        tokensPerEpoch: trainingTokens ?? 0, epochs: epochs ?? 1, epochsAreAutomatic: false,
        truncatedExamples: 0, cost: cost, hours: hours)
    }
    guard let price = fineTuning.training else { throw .notFineTunable(model.id) }
    for (name, value, limit) in [
      ("examples", examples, ScenarioLimits.examples), ("tokens per example", tokensPerExample, 10_000_000),
      ("training tokens per epoch", trainingTokens, 1_000_000_000_000_000),
    ] as [(String, Int64?, Decimal)] {
      if let value, Decimal(value) > limit { throw .outOfRange(name, value: value, maximum: limit) }
    }
    if let epochs, !ScenarioLimits.epochs.contains(epochs) { throw .badEpochs(epochs) }
    var truncated: Int64 = 0
    let tokens: Int64
    if let trainingTokens {
      tokens = trainingTokens
    } else {
      guard let examples else { throw .needsSize }
      guard examples > 0 else { throw .noExamples }
      guard var perExample = tokensPerExample ?? defaultExampleTokens else { throw .needsSize }
      if let cap = fineTuning.maxTokensPerExample, perExample > cap {
        perExample = cap
        truncated = examples
      }
      let (product, overflow) = examples.multipliedReportingOverflow(by: perExample)
      if overflow { throw .tooManyTokensPerEpoch(examples: examples, tokensPerExample: perExample) }
      tokens = product
    }
    let resolvedEpochs: Int64
    if let epochs {
      resolvedEpochs = epochs
    } else {
      guard let examples else { throw .autoEpochsNeedExamples }
      resolvedEpochs = try automaticEpochs(examples: examples)
    }
    try checkBilledTokens(tokens, epochs: resolvedEpochs)
    var cost = RequestPricer.perPriceUnit(Decimal(tokens) * Decimal(resolvedEpochs) * price)
    if let cap = fineTuning.maxJobFee { cost = min(cost, cap) }
    if let floor = fineTuning.minJobFee { cost = max(cost, floor) }
    return TrainingPlan(
      tokensPerEpoch: tokens, epochs: resolvedEpochs, epochsAreAutomatic: epochs == nil,
      truncatedExamples: truncated, cost: cost, hours: nil)
  }

  /// Checks that `billedTokens` (tokens per epoch × epochs) of a plan fits in an `Int64`.
  private static func checkBilledTokens(_ tokensPerEpoch: Int64, epochs: Int64) throws(TrainingError) {
    if tokensPerEpoch.multipliedReportingOverflow(by: epochs).overflow {
      throw .tooManyTokens(perEpoch: tokensPerEpoch, epochs: epochs)
    }
  }
}

/// Why training could not be priced.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
  case noExamples
  case needsSize
  case autoEpochsNeedExamples
  case badEpochs(Int64)
  /// A size beyond the limits a training job is priced for.
  case outOfRange(String, value: Int64, maximum: Decimal)
  /// A job on the plan's own GPUs needs a measured training speed for its method.
  case noTrainingThroughput(model: String, method: String)
  /// Tokens per epoch × epochs (or a per-epoch total, when `perEpoch` is nil) exceed an `Int64`.
  case tooManyTokens(perEpoch: Int64?, epochs: Int64)
  /// Examples × tokens per example exceed an `Int64`.
  case tooManyTokensPerEpoch(examples: Int64, tokensPerExample: Int64)
  case notFineTunable(String)
  case needsHours(String)
  /// Training cannot start on a date: the model's fine-tuning retired or closed to new jobs.
  case closed(model: String, date: ISODate, reason: String, provider: String, stillOpen: [String])

  public var description: String {
    switch self {
    case .noExamples:
      return "the dataset has no examples; training needs at least one (providers ask for 10 or more)"
    case .needsSize:
      return "training size unknown: give training_tokens, or examples with tokens_per_example (or a dataset to count)"
    case .autoEpochsNeedExamples:
      return "automatic epochs need the number of examples; give examples or a fixed number of epochs"
    case .badEpochs(let epochs):
      return
        "epochs must be from \(TrainingPlan.allowedEpochs.lowerBound) to \(TrainingPlan.allowedEpochs.upperBound) (found \(MoneyFormat.grouped(Decimal(epochs))))"
    case .tooManyTokens(let perEpoch, let epochs):
      let tokens =
        perEpoch.map { "\(MoneyFormat.grouped(Decimal($0))) tokens per epoch × \(epochs) epochs" }
        ?? "the tokens per epoch"
      return
        "\(tokens) come to more than \(MoneyFormat.grouped(Decimal(Int64.max))) tokens, the largest count ftcost can represent"
    case .tooManyTokensPerEpoch(let examples, let perExample):
      return
        "\(MoneyFormat.grouped(Decimal(examples))) examples × \(MoneyFormat.grouped(Decimal(perExample))) tokens per example come to more than \(MoneyFormat.grouped(Decimal(Int64.max))) tokens per epoch, the largest count ftcost can represent"
    case .noTrainingThroughput(let model, let method):
      return
        "training \(model) with \(method) on its GPUs needs self_hosting.training_tokens_per_second.\(method) in the pricing tables; add it in a --pricing overlay, or give training_hours"
    case .outOfRange(let name, let value, let maximum):
      return "\(name) must be at most \(MoneyFormat.grouped(maximum)) (found \(MoneyFormat.grouped(Decimal(value))))"
    case .notFineTunable(let model):
      return
        "model '\(model)' cannot be fine-tuned (its pricing has no fine_tuning prices); run 'ftcost pricing list --fine-tunable' for models that can"
    case .closed(let model, let date, let reason, let provider, let open):
      let others =
        open.isEmpty
        ? "no \(provider) model takes new fine-tuning jobs then"
        : "\(provider) models that still take fine-tuning jobs then: \(open.joined(separator: ", "))"
      return
        "\(model) cannot be fine-tuned on \(date): \(reason); \(others) (see 'ftcost pricing list --fine-tunable', or pass an earlier --as-of)"
    case .needsHours(let model):
      return "model '\(model)' bills training by the hour (reinforcement fine-tuning); give training_hours (or --hours)"
    }
  }
}

extension TrainingPlan {
  /// A job on rented GPUs: GPU-hours = D · e / (training tokens per second · 3600) · GPUs per
  /// replica, or `hours` when given; cost = GPU-hours · the GPU's price per hour.
  ///
  /// `speed` is one replica's measured training throughput for `method`.
  ///
  /// D and e follow the same rules as a provider's job (training tokens, or examples times their
  /// size; epochs given or automatic).
  public static func onGPUs(
    model: ModelPricing, method: TrainingMethod, speed: Decimal?, gpu: ModelPricing, gpusPerReplica: Int64,
    examples: Int64?, tokensPerExample: Int64?, trainingTokens: Int64?, defaultExampleTokens: Int64?, epochs: Int64?,
    hours: Decimal?
  ) throws(TrainingError) -> TrainingPlan {
    var sizing = model
    // Size the job with the per-token rules, at a notional price of 1 per 1M tokens.
    sizing.fineTuning = FineTuningPrices(training: 1, maxTokensPerExample: model.fineTuning?.maxTokensPerExample)
    var plan = try resolve(
      model: sizing, examples: examples, tokensPerExample: tokensPerExample, trainingTokens: trainingTokens,
      defaultExampleTokens: defaultExampleTokens, epochs: epochs, hours: nil)
    let gpuHours: Decimal
    if let hours {
      gpuHours = hours
    } else {
      guard let speed else {
        throw .noTrainingThroughput(model: model.id, method: method.rawValue)
      }
      gpuHours = Decimal(plan.tokensPerEpoch) * Decimal(plan.epochs) / (speed * 3600) * Decimal(gpusPerReplica)
    }
    plan.gpuHours = gpuHours
    plan.gpu = gpu.id
    plan.cost = gpuHours * (gpu.gpuPerHour ?? 0)
    return plan
  }
}
