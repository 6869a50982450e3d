import Foundation

/// A named part of what a plan costs while it runs; reports, JSON and CSV list them by iterating
/// `allCases`, so a new kind of cost is one new case here and its pricing in `PlanPricer`.
public enum CostComponent: Int, CaseIterable, Sendable {
  /// Requests × cost_req: input, cached input, output and the query's embedding.
  case tokens
  /// Requests × (1 − success_rate) × failure_cost.
  case failures
  /// vector_db_monthly.
  case vectorDatabase
  /// corpus_tokens · reindex_share_per_month · Pemb.
  case reindexing
  /// A deployed fine-tuned model's hourly fee × 730.
  case hosting
  /// Rented GPUs of a self-hosted plan: replicas × GPUs per replica × hours × the GPU's price.
  case gpuServing
  /// fine_tuning.storage_per_month of a fine-tuned model.
  case storage
  /// ops_monthly: recurring people and tooling.
  case operations
  /// Scheduled retraining: training, evaluation and new examples.
  case retraining
  /// Moving to a successor model: migration_cost, and a retraining for trained plans.
  case migration

  /// How the component scales: with requests, with days of a month, or as a charge on one day.
  public enum Basis: Sendable {
    case perRequest, perMonth, dated
  }

  public var basis: Basis {
    switch self {
    case .tokens, .failures: return .perRequest
    case .vectorDatabase, .reindexing, .hosting, .storage, .operations, .gpuServing: return .perMonth
    case .retraining, .migration: return .dated
    }
  }

  /// The key in JSON and CSV output.
  public var key: String {
    switch self {
    case .tokens: return "tokens"
    case .failures: return "failures"
    case .vectorDatabase: return "vector_db"
    case .reindexing: return "reindexing"
    case .hosting: return "hosting"
    case .gpuServing: return "gpu_serving"
    case .storage: return "storage"
    case .operations: return "operations"
    case .retraining: return "retraining"
    case .migration: return "migration"
    }
  }

  /// The label in tables.
  public var label: String {
    switch self {
    case .tokens: return "tokens"
    case .failures: return "failed answers"
    case .vectorDatabase: return "vector database"
    case .reindexing: return "re-indexing"
    case .hosting: return "hosting"
    case .gpuServing: return "GPU serving"
    case .storage: return "model storage"
    case .operations: return "operations"
    case .retraining: return "retraining"
    case .migration: return "migration"
    }
  }
}

/// A running cost by component, per request, per month or per month of a plan.
public typealias ComponentAmounts = Amounts<CostComponent>
