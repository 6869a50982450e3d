import Foundation

/// The ways a team can meet a quality bar, each priced by its own rules in the cost model.
public enum Strategy: String, Sendable, CaseIterable {
  case prompting
  case rag
  case fineTuning = "fine-tuning"
  case distillation
  case ragFineTuning = "rag+fine-tuning"

  /// True for strategies that train a model (and so run on fine-tuned prices).
  public var trains: Bool { self == .fineTuning || self == .distillation || self == .ragFineTuning }

  /// True for strategies that retrieve context and embed queries.
  public var retrieves: Bool { self == .rag || self == .ragFineTuning }
}

/// A strategy with the terms only it uses.
public enum StrategyTerms: Sendable, Equatable {
  case prompting
  case rag(RetrievalTerms)
  case fineTuning(TrainingTerms)
  case distillation(TrainingTerms, TeacherTerms)
  case ragFineTuning(RetrievalTerms, TrainingTerms)

  public var strategy: Strategy {
    switch self {
    case .prompting: return .prompting
    case .rag: return .rag
    case .fineTuning: return .fineTuning
    case .distillation: return .distillation
    case .ragFineTuning: return .ragFineTuning
    }
  }

  /// The retrieval terms of RAG strategies.
  public var retrieval: RetrievalTerms? {
    switch self {
    case .rag(let terms), .ragFineTuning(let terms, _): return terms
    case .prompting, .fineTuning, .distillation: return nil
    }
  }

  /// The training terms of strategies that train a model.
  public var training: TrainingTerms? {
    switch self {
    case .fineTuning(let terms), .distillation(let terms, _), .ragFineTuning(_, let terms): return terms
    case .prompting, .rag: return nil
    }
  }

  /// The teacher of a distillation.
  public var teacher: TeacherTerms? {
    switch self {
    case .distillation(_, let teacher): return teacher
    case .prompting, .rag, .fineTuning, .ragFineTuning: return nil
    }
  }
}

/// What a RAG strategy retrieves and embeds.
public struct RetrievalTerms: Sendable, Equatable {
  public var embeddingModel: String
  /// Retrieved context per request (c).
  public var contextTokens: Int64
  public var corpusTokens: Int64 = 0
  public var reindexSharePerMonth: Decimal = 0
  public var vectorDBMonthly: Decimal = 0

  public init(embeddingModel: String, contextTokens: Int64) {
    self.embeddingModel = embeddingModel
    self.contextTokens = contextTokens
  }
}

/// How a trained strategy sizes, trains and retrains its model.
public struct TrainingTerms: Sendable, Equatable {
  public var examples: Int64?
  public var tokensPerExample: Int64?
  public var trainingTokens: Int64?
  /// `nil` means the automatic rule.
  public var epochs: Int64?
  public var trainingHours: Decimal?
  public var labelingCostPerExample: Decimal = 0
  public var retrainEveryMonths: Int64?
  /// New examples gathered (labelled, and answered by the teacher) for each retraining.
  public var retrainExamples: Int64 = 0
  /// How a self-hosted plan trains on its GPUs: a low-rank adapter (default) or all weights.
  public var method: TrainingMethod?

  public init() {}
}

/// The teacher that answers a distillation's training prompts.
public struct TeacherTerms: Sendable, Equatable {
  public var model: String
  /// The teacher's answer length (o_T); the workload's output when `nil`.
  public var outputTokens: Int64?
  /// True to use the teacher's batch prices.
  public var batch: Bool = false

  public init(model: String) {
    self.model = model
  }
}

/// How a plan serves on its own rented GPUs (`hosting` in a scenario); unset fields take the
/// model's measured `self_hosting` figures.
public struct HostingTerms: Sendable, Equatable {
  public var gpu: String?
  public var gpusPerReplica: Int64?
  /// Replicas kept running whatever the traffic (default 1).
  public var minReplicas: Int64 = 1
  /// The share of a replica's time it may be busy, to keep latency at the measured target (default 0.6).
  public var maxUtilization: Decimal = Decimal(string: "0.6") ?? 0
  public var inputTokensPerSecond: Decimal?
  public var outputTokensPerSecond: Decimal?

  public init() {}
}
