import Foundation

/// What fine-tuning a model costs and the limits its provider sets.
public struct FineTuningPrices: Sendable, Equatable {
  /// USD per 1M training tokens (tokens per epoch × epochs).
  public var training: Decimal?
  /// USD per training hour, for reinforcement fine-tuning billed by time.
  public var trainingPerHour: Decimal?
  /// Prices for running the fine-tuned model; `nil` when the provider prices it as the base model
  /// and the table does not say.
  public var inference: InferencePrices?
  /// Longer examples are billed (and truncated) at this many tokens.
  public var maxTokensPerExample: Int64?
  /// The provider's hard minimum number of examples for a job.
  public var minExamples: Int64?
  /// The number of examples the provider recommends starting with.
  public var recommendedExamples: Int64?
  /// USD per hour while a fine-tuned model is deployed (Azure OpenAI).
  public var hostingPerHour: Decimal?
  /// The last day new fine-tuning jobs can be created.
  public var newJobsUntil: ISODate?
  /// The day fine-tuned models of this base stop serving.
  public var deprecationDate: ISODate?
  /// True where validation tokens are billed as training tokens.
  public var validationBilled: Bool?
  /// A minimum charge per job, in USD.
  public var minJobFee: Decimal?
  /// A maximum charge per job, in USD (Azure caps RFT jobs).
  public var maxJobFee: Decimal?
  /// USD per month to store a fine-tuned model.
  public var storagePerMonth: Decimal?
  public var note: String?

  /// True when training is billed by the hour rather than by the token.
  public var isBilledPerHour: Bool { training == nil && trainingPerHour != nil }
}

/// A provider's fine-tuning service as a whole.
public struct ProviderFineTuning: Sendable, Equatable {
  /// Whether the provider offers a public fine-tuning API at all.
  public var api: Bool
  public var dataFormats: [String]
  public var newJobsUntil: ISODate?
  public var minExamples: Int64?
  public var recommendedExamples: Int64?
  public var distillation: Bool?
  /// The largest training file the provider accepts, in bytes.
  public var maxFileBytes: Int64?
  public var note: String?
}
