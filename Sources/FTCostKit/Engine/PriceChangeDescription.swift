import Foundation

/// Words for a dated price change, listing the prices a plan is served with that changed.
enum PriceChangeDescription {
  /// The served prices `change` sets on `model`, old → new; `nil` when it sets none of them.
  ///
  /// Served prices are the inference prices (the fine-tuned ones for a fine-tuned model, with its
  /// hosting and storage fees) and embedding prices; training, teacher and judge prices change
  /// one-time costs only and are not events.
  static func served(_ change: PriceChange, of model: ModelPricing, fineTuned: Bool) -> String? {
    let prefixes =
      fineTuned
      ? ["fine_tuning.inference.", "fine_tuning.hosting_per_hour", "fine_tuning.storage_per_month"]
      : ["inference.", "embedding.", "gpu_per_hour"]
    // Plans are never served at batch prices (only a teacher's answers may be).
    let paths = change.changedPaths.filter { path in
      prefixes.contains { path.hasPrefix($0) } && !path.contains("batch_")
    }
    guard !paths.isEmpty else { return nil }
    let before = model.pricing(on: ISODate(daysSinceEpoch: change.effectiveFrom.daysSinceEpoch - 1))
    let after = model.pricing(on: change.effectiveFrom)
    let money = MoneyFormat(currency: model.currency)
    let parts = paths.map { path -> String in
      let name = path.split(separator: ".").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? path
      let old = before.price(at: path).map(money.price) ?? "none"
      let new = after.price(at: path).map(money.price) ?? "none"
      return "\(name) \(old) -> \(new)"
    }
    return "\(fineTuned ? "fine-tuned " : "")\(model.id) prices change: " + parts.joined(separator: ", ")
  }
}
