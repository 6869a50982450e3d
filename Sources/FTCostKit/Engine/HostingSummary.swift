import Foundation

/// A self-hosted plan's GPUs over the horizon: replicas, allocated and used GPU-hours, the idle
/// share and the effective cost per 1M tokens.
public struct HostingSummary: Sendable {
  public var serving: HostedServing
  /// Month by month.
  public var months: [HostingUsage]
  /// The horizon as a whole.
  public var total: HostingUsage
  /// GPU cost per 1M tokens processed on the plan's own GPUs (input and output), over the
  /// horizon; `nil` with no traffic there.
  public var costPerMillionTokens: Decimal?

  /// The summary of `months` (the plan's own GPUs only) for a plan whose requests carry
  /// `cost.tokensPerRequest` tokens; `nil` when the plan does not serve on its own GPUs.
  public init?(cost: PlanCost, months: [HostingUsage]) {
    guard let serving = cost.hosting, !months.isEmpty else { return nil }
    self.serving = serving
    self.months = months
    var total = HostingUsage()
    for month in months { total.add(month) }
    self.total = total
    let tokens = total.requests * Decimal(cost.tokensPerRequest)
    costPerMillionTokens = tokens > 0 ? total.cost / tokens * 1_000_000 : nil
  }

  /// Used GPU-hours / allocated GPU-hours over the horizon.
  public var utilization: Decimal? { total.idleShare.map { 1 - $0 } }
}
