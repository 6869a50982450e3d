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

/// The traffic a scenario prices: volume, growth and the token shape of one request.
public struct Workload: Sendable, Equatable {
  /// Requests in month 1 (R).
  public var requestsPerMonth: Decimal
  /// Monthly growth g: R_m = R · (1+g)^(m−1).
  public var monthlyGrowth: Decimal = 0
  /// Variable input per request (u).
  public var userTokens: Int64
  /// Output per request (o).
  public var outputTokens: Int64
  /// Instructions per request (s).
  public var systemTokens: Int64 = 0
  /// Few-shot examples per request (f).
  public var fewShotTokens: Int64 = 0
  /// Share h of the static prefix s+f billed at the cached-input price.
  public var cachedPrefixShare: Decimal = 0
}

/// An LLM-as-judge evaluation run before switching (module 20.5).
public struct Evaluation: Sendable, Equatable {
  public var testCases: Int64
  public var judge: String
  public var judgeInputTokens: Int64
  public var judgeOutputTokens: Int64
}

/// One way of serving the workload: the baseline or a candidate.
public struct StrategyPlan: Sendable, Equatable {
  public var name: String
  public var strategy: Strategy
  public var model: String
  /// Where this plan stands in the scenario file (`baseline`, `candidates[1]`), for messages.
  public var path: String
  public var setupCost: Decimal = 0
  public var systemTokens: Int64?
  public var fewShotTokens: Int64?
  public var outputTokens: Int64?
  // RAG terms.
  public var embeddingModel: String?
  public var contextTokens: Int64 = 0
  public var corpusTokens: Int64 = 0
  public var reindexSharePerMonth: Decimal = 0
  public var vectorDBMonthly: Decimal = 0
  // Training terms.
  public var examples: Int64?
  public var tokensPerExample: Int64?
  public var trainingTokens: Int64?
  /// `nil` means the automatic rule.
  public var epochs: Int64?
  public var trainingHours: Decimal?
  public var labelingCostPerExample: Decimal = 0
  public var retrainEveryMonths: Int64?
  // Distillation terms.
  public var teacher: String?
  public var teacherOutputTokens: Int64?
  public var teacherBatch = false
  public var evaluation: Evaluation?

  public init(name: String, strategy: Strategy, model: String, path: String) {
    self.name = name
    self.strategy = strategy
    self.model = model
    self.path = path
  }
}

/// A whole scenario: the workload, the baseline and the candidates compared against it.
public struct Scenario: Sendable, Equatable {
  public var name: String
  /// Months compared (H).
  public var horizonMonths: Int = 12
  /// For NPV: the monthly rate is (1+annual)^(1/12) − 1.
  public var discountRateAnnual: Decimal = 0
  /// The first month's first day, for payback dates and lifecycle checks.
  public var startDate: ISODate?
  public var workload: Workload
  public var baseline: StrategyPlan
  public var candidates: [StrategyPlan]

  /// The longest horizon accepted (50 years).
  public static let maximumHorizonMonths = 600
}
