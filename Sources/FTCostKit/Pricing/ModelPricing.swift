import Foundation

/// Where a model's prices were loaded from.
public struct PricingOrigin: Sendable, Equatable {
  /// The file path as given or found.
  public var file: String
  /// True for the tables shipped with ftcost, false for the user's `--pricing` overlay.
  public var isBuiltIn: Bool
  /// The built-in file this entry replaced, when an overlay overrode an id.
  public var overrides: String?
}

/// Everything ftcost knows about one model (or embedding model, or GPU rate).
public struct ModelPricing: Sendable, Equatable {
  public var id: String
  public var aliases: [String]
  public var provider: String
  public var providerDisplayName: String
  public var currency: String
  /// A known encoding (`o200k_base`, `cl100k_base`) or `approximate`.
  public var tokenizer: String?
  public var contextWindow: Int64?
  public var deprecationDate: ISODate?
  /// The id the provider names as this model's replacement, for migrations.
  public var successor: String?
  public var inference: InferencePrices?
  /// `nil` when the model cannot be fine-tuned (or the table does not know how).
  public var fineTuning: FineTuningPrices?
  public var embedding: EmbeddingPrices?
  public var gpuPerHour: Decimal?
  /// Billions of parameters of an open-weight model.
  public var parametersB: Decimal?
  /// Throughput on rented GPUs, for open-weight models that can be served and trained there.
  public var selfHosting: SelfHosting?
  /// The open-weight model a managed service's entry runs (`together-qwen3-8b` → `qwen3-8b`).
  public var openModel: String?
  public var asOf: ISODate
  public var source: String
  /// Field paths whose values no primary source confirms (`fine_tuning.training`, …).
  public var unconfirmed: [String]
  /// Paths a dated price change confirmed inside a broader unconfirmed mark.
  public var confirmed: [String] = []
  /// Dated price changes, ascending by `effectiveFrom`.
  public var priceChanges: [PriceChange] = []
  /// The leaf paths a user's pricing overlay set on this entry (empty for built-in values).
  public var overlaidPaths: [String] = []
  public var note: String?
  public var origin: PricingOrigin
  /// The provider's fine-tuning service, copied here so a model answers for itself.
  public var providerFineTuning: ProviderFineTuning?

  /// The last day new fine-tuning jobs can be created for this model, from the model or its provider.
  public var fineTuningNewJobsUntil: ISODate? {
    fineTuning?.newJobsUntil ?? providerFineTuning?.newJobsUntil
  }

  /// True when the value at `path` (or any parent object) is marked unconfirmed.
  public func isUnconfirmed(_ path: String) -> Bool {
    if confirmed.contains(path) { return false }
    return unconfirmed.contains { $0 == "*" || path == $0 || path.hasPrefix($0 + ".") }
  }

  /// True when a user's pricing overlay set the value at `path` (or an object or list above it).
  public func isOverlaid(_ path: String) -> Bool {
    overlaidPaths.contains { path == $0 || path.hasPrefix($0 + ".") }
  }

  /// True when the model is retired on `date` (its deprecation date has passed).
  public func isRetired(on date: ISODate) -> Bool {
    guard let deprecationDate else { return false }
    return deprecationDate <= date
  }

  /// What kind of entry this is, for listings.
  public var kind: String {
    if embedding != nil { return "embedding" }
    if gpuPerHour != nil { return "gpu" }
    if selfHosting != nil && inference == nil { return "open-weight" }
    return "chat"
  }
}
