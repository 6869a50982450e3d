import Foundation

/// What differs between the built-in tables and an overlay or a public price file, model by model.
///
/// Prices are compared as they stand on `today` (dated changes applied), upcoming price changes
/// as a list, and lifecycle dates and successors as written. A model the other side retires on
/// or before `today` while the built-in tables show it current (or the reverse) is its own kind
/// of difference, since it changes every plan that uses the model.
public struct PricingDiff: Sendable {
  /// What kind of difference an entry is.
  public enum Kind: String, Sendable, CaseIterable {
    /// A price or the presence of fine-tuning.
    case price
    /// The context window.
    case limit
    /// A retirement date, the last day for new fine-tuning jobs, or the successor.
    case lifecycle
    /// One side retires the model on or before today while the other shows it current.
    case retired
    /// A model only the other side lists.
    case added
    /// A built-in model the price file does not list; reported, not counted as a difference.
    case notInSource = "not-in-source"
  }

  /// A value as a difference shows it.
  public enum Value: Sendable, Equatable {
    case price(Decimal)
    case date(ISODate)
    case tokens(Int64)
    case text(String)
  }

  /// One difference of one model.
  public struct Entry: Sendable, Equatable {
    public var model: String
    public var provider: String
    public var kind: Kind
    /// The field path (`inference.input`), empty for a whole model.
    public var field: String
    /// The built-in value; `nil` when the built-in tables have none.
    public var builtIn: Value?
    /// The other side's value; `nil` when it has none.
    public var other: Value?
  }

  /// What the built-in tables are compared with: a folder or a price file and its version.
  public var otherLabel: String
  public var today: ISODate
  public var entries: [Entry]

  /// True when anything but models the price file does not list differs.
  public var hasDifferences: Bool { entries.contains { $0.kind != .notInSource } }

  /// The differences `overlays` (loaded onto `builtIn`) make, model by model.
  ///
  /// With `listMissing`, built-in models of the overlays' providers that no overlay entry names
  /// are listed as `.notInSource` (a price file's view: it does not list them).
  public static func comparing(
    builtIn: [PricingTable], overlays: [PricingTable], label: String, today: ISODate, listMissing: Bool = false
  ) -> PricingDiff {
    let base = builtIn.flatMap(\.models)
    var entries: [Entry] = []
    var overlaid = Set<String>()
    for model in overlays.flatMap(\.models) {
      if model.origin.overrides != nil, let old = base.first(where: { $0.id == model.id }) {
        overlaid.insert(old.id)
        entries += differences(old, model, today: today)
      } else {
        entries.append(
          Entry(
            model: model.id, provider: model.provider, kind: .added, field: "", builtIn: nil,
            other: .text(summary(model.pricing(on: today), today: today))))
      }
    }
    if listMissing {
      let providers = Set(overlays.map(\.provider))
      for model in base where providers.contains(model.provider) && !overlaid.contains(model.id) {
        entries.append(
          Entry(
            model: model.id, provider: model.provider, kind: .notInSource, field: "",
            builtIn: .text(summary(model.pricing(on: today), today: today)), other: nil))
      }
    }
    return PricingDiff(otherLabel: label, today: today, entries: entries)
  }

  /// The price paths compared, in the order they are listed.
  static let pricePaths = [
    "inference.input", "inference.cached_input", "inference.output", "inference.batch_input", "inference.batch_output",
    "embedding.input", "embedding.batch_input", "gpu_per_hour", "fine_tuning.training", "fine_tuning.training_per_hour",
    "fine_tuning.inference.input", "fine_tuning.inference.cached_input", "fine_tuning.inference.output",
    "fine_tuning.inference.batch_input", "fine_tuning.inference.batch_output", "fine_tuning.hosting_per_hour",
    "fine_tuning.storage_per_month",
  ]

  /// Every difference between a built-in model and the other side's view of it.
  static func differences(_ old: ModelPricing, _ new: ModelPricing, today: ISODate) -> [Entry] {
    var entries: [Entry] = []
    func add(_ kind: Kind, _ field: String, _ before: Value?, _ after: Value?) {
      if before != after {
        entries.append(
          Entry(model: old.id, provider: old.provider, kind: kind, field: field, builtIn: before, other: after))
      }
    }
    let oldNow = old.pricing(on: today)
    let newNow = new.pricing(on: today)
    if (oldNow.fineTuning == nil) != (newNow.fineTuning == nil) {
      add(
        .price, "fine_tuning", .text(oldNow.fineTuning == nil ? "none" : "listed"),
        .text(newNow.fineTuning == nil ? "none" : "listed"))
    }
    for path in pricePaths {
      add(.price, path, oldNow.price(at: path).map(Value.price), newNow.price(at: path).map(Value.price))
    }
    add(.price, "inference.tiers", tiers(oldNow.inference?.tiers), tiers(newNow.inference?.tiers))
    add(
      .price, "fine_tuning.inference.tiers", tiers(oldNow.fineTuning?.inference?.tiers),
      tiers(newNow.fineTuning?.inference?.tiers))
    add(.price, "price_changes", upcoming(old, after: today), upcoming(new, after: today))
    add(.limit, "context_window", old.contextWindow.map(Value.tokens), new.contextWindow.map(Value.tokens))
    let retiredKind: Kind = old.isRetired(on: today) != new.isRetired(on: today) ? .retired : .lifecycle
    add(retiredKind, "deprecation_date", old.deprecationDate.map(Value.date), new.deprecationDate.map(Value.date))
    add(
      .lifecycle, "fine_tuning.deprecation_date", old.fineTuning?.deprecationDate.map(Value.date),
      new.fineTuning?.deprecationDate.map(Value.date))
    add(
      .lifecycle, "fine_tuning.new_jobs_until", old.fineTuningNewJobsUntil.map(Value.date),
      new.fineTuningNewJobsUntil.map(Value.date))
    add(.lifecycle, "successor", old.successor.map(Value.text), new.successor.map(Value.text))
    return entries
  }

  /// Tiers in words (`above 200,000: 6 / 0.6 / 22.5`), or `nil` when there are none.
  static func tiers(_ tiers: [PriceTier]?) -> Value? {
    guard let tiers, !tiers.isEmpty else { return nil }
    return .text(
      tiers.map { tier in
        "above \(MoneyFormat.grouped(Decimal(tier.aboveInputTokens))): in \(tier.input.jsonText)"
          + (tier.cachedInput.map { ", cached \($0.jsonText)" } ?? "") + ", out \(tier.output.jsonText)"
      }.joined(separator: "; "))
  }

  /// The price changes after `today` in words, or `nil` when there are none.
  static func upcoming(_ model: ModelPricing, after today: ISODate) -> Value? {
    let changes = model.priceChanges.filter { $0.effectiveFrom > today }
    guard !changes.isEmpty else { return nil }
    return .text(
      changes.map { change in
        let after = model.pricing(on: change.effectiveFrom)
        let fields = change.changedPaths.map { path in
          "\(path) \(after.price(at: path)?.jsonText ?? (path.hasSuffix("tiers") ? "tiers" : "-"))"
        }
        return "from \(change.effectiveFrom): " + fields.joined(separator: ", ")
      }.joined(separator: "; "))
  }

  /// A model in one line: its main prices and its status on `today`.
  static func summary(_ model: ModelPricing, today: ISODate) -> String {
    var parts: [String] = []
    if let inference = model.inference {
      parts.append("input \(inference.input.jsonText), output \(inference.output.jsonText)")
    } else if let embedding = model.embedding {
      parts.append("embedding \(embedding.input.jsonText)")
    } else if let gpu = model.gpuPerHour {
      parts.append("\(gpu.jsonText) per GPU-hour")
    }
    if let training = model.fineTuning?.training { parts.append("training \(training.jsonText)") }
    parts.append(model.status(on: today))
    return parts.joined(separator: "; ")
  }
}
