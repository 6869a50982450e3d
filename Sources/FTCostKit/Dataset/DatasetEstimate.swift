import Foundation

/// The training cost of an inspected dataset on one model.
public struct DatasetEstimate: Sendable, Equatable {
  public var model: ModelPricing
  public var encoding: Encoding
  /// True when the model's tokenizer is not public and o200k_base stood in.
  public var isEstimate: Bool
  public var billedTokensPerEpoch: Int64
  public var epochs: Int64
  public var trainingTokens: Int64 { billedTokensPerEpoch * epochs }
  public var cost: Decimal

  /// Estimates for `models` (those billed per training token) from an inspection.
  public static func estimates(
    _ inspection: DatasetInspection, models: [ModelPricing], epochs: Int64?
  ) throws(TrainingError) -> [DatasetEstimate] {
    let examples = Int64(inspection.countedExamples)
    let resolvedEpochs: Int64
    if let epochs {
      resolvedEpochs = epochs
    } else {
      resolvedEpochs = try TrainingPlan.automaticEpochs(examples: examples)
    }
    return models.compactMap { model -> DatasetEstimate? in
      guard let fineTuning = model.fineTuning, let price = fineTuning.training else { return nil }
      let exact = TokenizerRegistry.encoding(for: model)
      let encoding = exact ?? TokenizerRegistry.estimateEncoding
      guard let column = inspection.encodings.firstIndex(of: encoding) else { return nil }
      let cap = fineTuning.maxTokensPerExample ?? Int64.max
      let billed = inspection.tokensPerExample[column].reduce(Int64(0)) { $0 + min($1, cap) }
      var cost = Decimal(billed) * Decimal(resolvedEpochs) * price / RequestPricer.tokensPerPriceUnit
      if let floor = fineTuning.minJobFee { cost = max(cost, floor) }
      if let ceiling = fineTuning.maxJobFee { cost = min(cost, ceiling) }
      return DatasetEstimate(
        model: model, encoding: encoding, isEstimate: exact == nil, billedTokensPerEpoch: billed,
        epochs: resolvedEpochs, cost: cost)
    }
  }
}
