import Foundation

/// A plan priced at the start of a scenario: what it costs to set up and to serve one request in
/// month 1, with the prices in effect on the start date.
public struct PlanCost: Sendable, Equatable {
  public var plan: StrategyPlan
  /// The serving model's table entry, priced on the start date.
  public var model: ModelPricing
  /// cost_req: the token cost of one request (the query's embedding included for RAG).
  public var costPerRequest: Decimal
  /// cost_req plus (1 − success_rate) · failure_cost.
  public var effectiveCostPerRequest: Decimal
  /// One-time cost I by component.
  public var oneTime: OneTimeCosts
  /// Fixed monthly cost F at the start (vector DB, re-indexing, hosting, storage, operations).
  public var fixedMonthlyCost: Decimal
  public var training: TrainingPlan?
  /// The teacher's cost per training answer, for retraining with new examples.
  public var teacherAnswerCost: Decimal = 0
  /// Every model this plan prices with, for currency checks and source notes.
  public var modelsUsed: [ModelPricing]
  /// Unconfirmed prices used, as `model: field`.
  public var unconfirmedUsed: [String]
  /// Values a pricing overlay set that this plan used, as `model: field (file)`.
  public var overlaidUsed: [String]
  /// Serving on the plan's own GPUs at the start, when it does.
  public var hosting: HostedServing?
  /// Tokens in and out of one request (s + f + c + u + o), for costs per 1M tokens.
  public var tokensPerRequest: Int64 = 0

  public var oneTimeCost: Decimal { oneTime.total }
  public var teacherCost: Decimal { oneTime[.teacherAnswers] }
  public var evaluationCost: Decimal { oneTime[.evaluation] }
  public var corpusCost: Decimal { oneTime[.corpusEmbedding] }
  public var labelingCost: Decimal { oneTime[.labeling] }

  /// The month-1 figures at a month-1 volume of `requests`: a self-hosted plan's cost per request
  /// is its month-1 GPU cost / R_1 on top of any per-request cost (a RAG query's embedding).
  public func atVolume(_ requests: Decimal) -> PlanCost {
    guard let hosting, requests > 0 else { return self }
    var cost = self
    let gpu = hosting.usage(requests: requests, share: 1).cost / requests
    cost.costPerRequest += gpu
    cost.effectiveCostPerRequest += gpu
    return cost
  }

  /// A month is 730 hours (8,760 / 12) wherever an hourly rate becomes a monthly one.
  public static let hoursPerMonth: Decimal = 730
}
