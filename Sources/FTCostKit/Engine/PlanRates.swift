import Foundation

/// What a plan costs while it serves its own way on one day: per request and per month, by
/// component, with the prices in effect that day.
struct PlanRates: Sendable, Equatable {
  /// The serving model, priced on the day.
  var model: ModelPricing
  /// The embedding model of a RAG plan, priced on the day.
  var embedding: ModelPricing?
  /// Token and failure cost of one request.
  var perRequest: ComponentAmounts
  /// Fixed costs of a whole month.
  var perMonth: ComponentAmounts
  /// Serving on the plan's own GPUs, whose cost follows the volume in steps of one replica.
  var hosted: HostedServing?

  /// cost_req: the token cost of one request.
  var tokenCost: Decimal { perRequest[.tokens] }

  /// cost_req of one answer on the day these rates hold, where another rule needs it (evaluation
  /// answers, the baseline's answer on a retraining day): the token cost, plus for a plan on its
  /// own GPUs its month-1 GPU cost at R_1 = `monthOneRequests` / R_1; `nil` when that is undefined.
  func answerCost(monthOneRequests: Decimal) -> Decimal? {
    guard let hosted else { return tokenCost }
    return hosted.costPerRequest(monthOneRequests: monthOneRequests).map { tokenCost + $0 }
  }

  /// True when the two rates charge the same amounts (a price changed that this plan does not use).
  func chargesSame(as other: PlanRates) -> Bool {
    perRequest == other.perRequest && perMonth == other.perMonth && hosted == other.hosted
  }
}
