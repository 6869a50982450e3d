import Foundation

/// A plan priced at the start of a scenario: what it costs to set up and to serve one request in
/// month 1, with the prices in effect on the start date.
public struct PlanCost: Sendable, Equatable {
  public var plan: StrategyPlan
  /// The serving model's table entry, priced on the start date.
  public var model: ModelPricing
  /// cost_req: the cost of one request in month 1.
  ///
  /// Its tokens (the query's embedding included for RAG), plus for a plan on its own GPUs the
  /// month-1 GPU cost / R_1. `nil` when that is undefined: a self-hosted plan at R_1 = 0, or one
  /// not yet priced at a volume.
  public var costPerRequest: Decimal?
  /// cost_req plus (1 − success_rate) · failure_cost; `nil` when cost_req is.
  public var effectiveCostPerRequest: Decimal?
  /// The token cost of one request, without any GPU share.
  var tokenCostPerRequest: Decimal
  /// The token and failure cost of one request, without any GPU share.
  var tokenAndFailureCostPerRequest: Decimal
  /// One-time cost I by component.
  public var oneTime: OneTimeCosts
  /// Fixed monthly cost F at the start (vector DB, re-indexing, hosting, storage, operations).
  public var fixedMonthlyCost: Decimal
  public var training: TrainingPlan?
  /// The teacher's cost per training answer, for retraining with new examples.
  public var teacherAnswerCost: Decimal = 0
  /// Every model this plan prices with, for currency checks and source notes.
  public var modelsUsed: [ModelPricing]
  /// The prices the start's figures used.
  let startUses: [PriceUse]
  /// Unconfirmed prices used, as `model: field` (worked out when asked: planning thousands of
  /// samples never asks).
  public var unconfirmedUsed: [String] { PriceUse.unconfirmed(in: startUses) }
  /// Values a pricing overlay set that this plan used, as `model: field (file)`.
  public var overlaidUsed: [String] { PriceUse.overlaid(in: startUses) }
  /// Serving on the plan's own GPUs at the start, when it does.
  public var hosting: HostedServing?
  /// Tokens in and out of one request (s + f + c + u + o), for costs per 1M tokens.
  public var tokensPerRequest: Int64 = 0

  public var oneTimeCost: Decimal { oneTime.total }
  public var teacherCost: Decimal { oneTime[.teacherAnswers] }
  public var evaluationCost: Decimal { oneTime[.evaluation] }
  public var corpusCost: Decimal { oneTime[.corpusEmbedding] }
  public var labelingCost: Decimal { oneTime[.labeling] }

  init(
    plan: StrategyPlan, model: ModelPricing, rates: PlanRates, oneTime: OneTimeCosts, training: TrainingPlan?,
    teacherAnswerCost: Decimal, modelsUsed: [ModelPricing], uses: [PriceUse]
  ) {
    self.plan = plan
    self.model = model
    tokenCostPerRequest = rates.tokenCost
    tokenAndFailureCostPerRequest = rates.perRequest.total
    if rates.hosted == nil {
      costPerRequest = tokenCostPerRequest
      effectiveCostPerRequest = tokenAndFailureCostPerRequest
    }
    self.oneTime = oneTime
    fixedMonthlyCost = rates.perMonth.total
    self.training = training
    self.teacherAnswerCost = teacherAnswerCost
    self.modelsUsed = modelsUsed
    startUses = uses
    hosting = rates.hosted
  }

  /// The month-1 figures at a month-1 volume of `requests`: a self-hosted plan's cost per request
  /// is its month-1 GPU cost / R_1 on top of any per-request cost (a RAG query's embedding).
  public func atVolume(_ requests: Decimal) -> PlanCost {
    guard let hosting else { return self }
    var cost = self
    let gpu = hosting.costPerRequest(monthOneRequests: requests)
    cost.costPerRequest = gpu.map { tokenCostPerRequest + $0 }
    cost.effectiveCostPerRequest = gpu.map { tokenAndFailureCostPerRequest + $0 }
    return cost
  }

  /// A month is 730 hours (8,760 / 12) wherever an hourly rate becomes a monthly one.
  public static let hoursPerMonth: Decimal = 730
}
