import Foundation

/// Prices looked up by their field path, as tables and change lists name them.
extension ModelPricing {
  /// The price at a field path such as `inference.input` or `fine_tuning.inference.output`.
  public func price(at path: String) -> Decimal? {
    func inference(_ prices: InferencePrices?, _ field: Substring) -> Decimal? {
      switch field {
      case "input": return prices?.input
      case "cached_input": return prices?.cachedInput
      case "output": return prices?.output
      case "batch_input": return prices?.batchInput
      case "batch_output": return prices?.batchOutput
      default: return nil
      }
    }
    let parts = path.split(separator: ".")
    switch (parts.first, parts.count) {
    case ("inference", 2): return inference(self.inference, parts[1])
    case ("embedding", 2): return parts[1] == "input" ? embedding?.input : embedding?.batchInput
    case ("gpu_per_hour", 1): return gpuPerHour
    case ("fine_tuning", 3) where parts[1] == "inference": return inference(fineTuning?.inference, parts[2])
    case ("fine_tuning", 2):
      switch parts[1] {
      case "training": return fineTuning?.training
      case "training_per_hour": return fineTuning?.trainingPerHour
      case "hosting_per_hour": return fineTuning?.hostingPerHour
      case "storage_per_month": return fineTuning?.storagePerMonth
      default: return nil
      }
    default: return nil
    }
  }
}

extension ModelPricing {
  /// The model with the price at `path` set to `value`, or `nil` when it has no price there.
  ///
  /// Dated price changes of the same field still apply from their dates.
  public func setting(price value: Decimal, at path: String) -> ModelPricing? {
    guard price(at: path) != nil else { return nil }
    func set(_ prices: inout InferencePrices?, _ field: Substring) {
      switch field {
      case "input": prices?.input = value
      case "cached_input": prices?.cachedInput = value
      case "output": prices?.output = value
      case "batch_input": prices?.batchInput = value
      case "batch_output": prices?.batchOutput = value
      default: break
      }
    }
    var model = self
    let parts = path.split(separator: ".")
    switch (parts.first, parts.count) {
    case ("inference", 2): set(&model.inference, parts[1])
    case ("embedding", 2):
      if parts[1] == "input" { model.embedding?.input = value } else { model.embedding?.batchInput = value }
    case ("gpu_per_hour", 1): model.gpuPerHour = value
    case ("fine_tuning", 3):
      guard var fineTuning = model.fineTuning else { return nil }
      set(&fineTuning.inference, parts[2])
      model.fineTuning = fineTuning
    case ("fine_tuning", 2):
      switch parts[1] {
      case "training": model.fineTuning?.training = value
      case "training_per_hour": model.fineTuning?.trainingPerHour = value
      case "hosting_per_hour": model.fineTuning?.hostingPerHour = value
      case "storage_per_month": model.fineTuning?.storagePerMonth = value
      default: return nil
      }
    default: return nil
    }
    return model
  }
}
