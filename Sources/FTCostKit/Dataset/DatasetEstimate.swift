import Foundation

/// The training cost of an inspected dataset on one model.
public struct DatasetEstimate: Sendable, Equatable {
  public var model: ModelPricing
  public var encoding: Encoding
  /// True when the model's tokenizer is not public and o200k_base stood in.
  public var isEstimate: Bool
  public var billedTokensPerEpoch: Int64
  public var epochs: Int64
  /// Billed tokens per epoch × epochs, checked when the estimate was made to fit in an `Int64`.
  public var trainingTokens: Int64
  public var cost: Decimal

  /// Estimates for `models` (those billed per training token) from an inspection.
  ///
  /// Every product is checked: a total that does not fit in an `Int64` is an error naming it,
  /// never a trap.
  public static func estimates(
    _ inspection: DatasetInspection, models: [ModelPricing], epochs: Int64?
  ) throws(TrainingError) -> [DatasetEstimate] {
    let examples = Int64(inspection.countedExamples)
    let resolvedEpochs: Int64
    if let epochs {
      guard TrainingPlan.allowedEpochs.contains(epochs) else { throw .badEpochs(epochs) }
      resolvedEpochs = epochs
    } else {
      resolvedEpochs = try TrainingPlan.automaticEpochs(examples: examples)
    }
    var result: [DatasetEstimate] = []
    for model in models {
      guard let fineTuning = model.fineTuning, let price = fineTuning.training else { continue }
      let exact = TokenizerRegistry.encoding(for: model)
      let encoding = exact ?? TokenizerRegistry.estimateEncoding
      guard let column = inspection.encodings.firstIndex(of: encoding) else { continue }
      let cap = fineTuning.maxTokensPerExample ?? Int64.max
      // Σ min(tokens, cap) never exceeds the chat-token total the inspection already checked.
      guard let billed = inspection.tokensPerExample[column].sum(cappedAt: cap) else {
        throw .tooManyTokens(perEpoch: nil, epochs: resolvedEpochs)
      }
      let (training, overflow) = billed.multipliedReportingOverflow(by: resolvedEpochs)
      if overflow { throw .tooManyTokens(perEpoch: billed, epochs: resolvedEpochs) }
      var cost = RequestPricer.perPriceUnit(Decimal(billed) * Decimal(resolvedEpochs) * price)
      if let floor = fineTuning.minJobFee { cost = max(cost, floor) }
      if let ceiling = fineTuning.maxJobFee { cost = min(cost, ceiling) }
      result.append(
        DatasetEstimate(
          model: model, encoding: encoding, isEstimate: exact == nil, billedTokensPerEpoch: billed,
          epochs: resolvedEpochs, trainingTokens: training, cost: cost))
    }
    return result
  }
}
