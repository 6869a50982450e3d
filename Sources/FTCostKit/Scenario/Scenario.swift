import Foundation

/// The traffic a scenario prices: volume, growth, the token shape of one request, and what a
/// failed answer costs.
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
  /// USD lost per failed answer (escalation, refund, human review).
  public var failureCost: Decimal = 0
}

/// An LLM-as-judge evaluation run before switching (module 20.5).
public struct Evaluation: Sendable, Equatable {
  public var testCases: Int64
  public var judge: String
  public var judgeInputTokens: Int64
  public var judgeOutputTokens: Int64
}

/// One way of serving the workload: the baseline or a candidate.
///
/// What every plan has lives here; what only some strategies use lives in `terms`, one struct per
/// kind of term, so a plan cannot carry a term its strategy ignores.
public struct StrategyPlan: Sendable, Equatable {
  public var name: String
  public var model: String
  /// Where this plan stands in the scenario file (`baseline`, `candidates[1]`), for messages.
  public var path: String
  /// The strategy with the terms it needs.
  public var terms: StrategyTerms
  /// One-time labour or tooling, USD.
  public var setupCost: Decimal = 0
  public var systemTokens: Int64?
  public var fewShotTokens: Int64?
  public var outputTokens: Int64?
  public var evaluation: Evaluation?
  /// Share q of answers that meet the bar; failures cost (1 − q) · failure_cost per request.
  public var successRate: Decimal = 1
  /// Recurring people and tooling cost, USD per month.
  public var opsMonthly: Decimal = 0
  /// The model to migrate to when the serving model retires; wins over the table's `successor`.
  public var successorModel: String?
  /// USD paid once, on the day of a migration.
  public var migrationCost: Decimal = 0
  /// Months from the start until a candidate serves production (L); its traffic is served the
  /// baseline's way until then.
  public var leadTimeMonths: Decimal = 0
  /// Serving (and, for trained plans, training) on the plan's own rented GPUs.
  public var hosting: HostingTerms?

  public init(name: String, model: String, path: String, terms: StrategyTerms) {
    self.name = name
    self.model = model
    self.path = path
    self.terms = terms
  }

  public var strategy: Strategy { terms.strategy }
}

/// A whole scenario: the workload, the baseline and the candidates compared against it.
public struct Scenario: Sendable, Equatable {
  public var name: String
  /// Months compared (H).
  public var horizonMonths: Int = 12
  /// For NPV: the monthly rate is (1+annual)^(1/12) − 1.
  public var discountRateAnnual: Decimal = 0
  /// The first month's first day; today when the file gives none.
  public var startDate: ISODate?
  public var workload: Workload
  public var baseline: StrategyPlan
  public var candidates: [StrategyPlan]

  /// The longest horizon accepted (50 years).
  public static let maximumHorizonMonths = 600
}
