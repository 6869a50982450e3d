import Foundation

/// A plan serving on its own rented GPUs, priced on one day: what one request takes of a replica's
/// time and what a replica costs (cost model v2, "Self-hosted open models").
public struct HostedServing: Sendable, Equatable {
  /// t_req = (s+f+c+u) / input tokens per second + o / output tokens per second, in seconds.
  public var secondsPerRequest: Decimal
  public var gpusPerReplica: Int64
  /// USD per GPU-hour on the day.
  public var gpuPerHour: Decimal
  public var minReplicas: Int64
  public var maxUtilization: Decimal
  /// The GPU entry's id, for reports.
  public var gpu: String

  /// Serving `inputTokens` in and `outputTokens` out per request under `terms`, with the model's
  /// measured `figures` where the terms leave a value unset, on `gpu` priced on the day.
  public static func make(
    figures: SelfHosting?, terms: HostingTerms, gpu: ModelPricing, inputTokens: Int64, outputTokens: Int64
  ) -> HostedServing {
    let input = terms.inputTokensPerSecond ?? figures?.inputTokensPerSecond ?? 1
    let output = terms.outputTokensPerSecond ?? figures?.outputTokensPerSecond ?? 1
    return HostedServing(
      secondsPerRequest: Decimal(inputTokens) / input + Decimal(outputTokens) / output,
      gpusPerReplica: terms.gpusPerReplica ?? figures?.gpusPerReplica ?? 1, gpuPerHour: gpu.gpuPerHour ?? 0,
      minReplicas: terms.minReplicas, maxUtilization: terms.maxUtilization, gpu: gpu.id)
  }

  /// What serving `requests` in a part of a month that is `share` of it takes and costs.
  ///
  /// need = R · t_req / 3600 / max_utilization replica-hours; replicas n = max(min_replicas,
  /// ⌈need / (730 · share)⌉); GPU cost = n · gpus_per_replica · 730 · share · gpu_per_hour.
  public func usage(requests: Decimal, share: Decimal) -> HostingUsage {
    let hours = PlanCost.hoursPerMonth * share
    guard hours > 0 else { return HostingUsage() }
    let busy = requests * secondsPerRequest / 3600
    let need = busy / maxUtilization
    let replicas = max(minReplicas, Self.ceiling(need / hours))
    let gpus = Decimal(gpusPerReplica)
    var usage = HostingUsage()
    usage.requests = requests
    usage.replicas = replicas
    usage.allocatedGPUHours = Decimal(replicas) * gpus * hours
    usage.usedGPUHours = busy * gpus
    usage.cost = usage.allocatedGPUHours * gpuPerHour
    usage.usedCost = usage.usedGPUHours * gpuPerHour
    return usage
  }

  /// Month-1 GPU cost / R_1 for a month-1 volume of R_1 requests (a whole month at this day's GPU
  /// price); `nil` at R_1 = 0, where a cost per request is undefined.
  public func costPerRequest(monthOneRequests: Decimal) -> Decimal? {
    guard monthOneRequests > 0 else { return nil }
    return usage(requests: monthOneRequests, share: 1).cost / monthOneRequests
  }

  /// The most requests one replica serves in a whole month within the utilisation cap:
  /// 730 · 3600 · max_utilization / t_req; the next replica is needed above each multiple.
  public var requestsPerReplicaMonth: Decimal? {
    secondsPerRequest > 0 ? PlanCost.hoursPerMonth * 3600 * maxUtilization / secondsPerRequest : nil
  }

  /// ⌈value⌉ as a whole number of replicas, capped far above any real fleet so it stays an Int64.
  static func ceiling(_ value: Decimal) -> Int64 {
    guard value.isFinite, value > 0 else { return 0 }
    let capped = min(value, 1_000_000_000_000)
    return Int64(truncating: capped.rounded(scale: 0, .up) as NSDecimalNumber)
  }
}

/// Replicas, GPU-hours and GPU cost of self-hosted serving over a month or a horizon.
public struct HostingUsage: Sendable, Equatable {
  /// Requests served on these GPUs.
  public var requests: Decimal = 0
  /// The most replicas running at once.
  public var replicas: Int64 = 0
  public var allocatedGPUHours: Decimal = 0
  /// GPU-hours spent answering requests (the rest is idle capacity).
  public var usedGPUHours: Decimal = 0
  /// Allocated GPU-hours × the GPU's price.
  public var cost: Decimal = 0
  /// Used GPU-hours × the GPU's price.
  public var usedCost: Decimal = 0

  /// Idle share = 1 − used GPU-hours / allocated GPU-hours; `nil` when nothing was allocated.
  public var idleShare: Decimal? {
    allocatedGPUHours > 0 ? 1 - usedGPUHours / allocatedGPUHours : nil
  }

  /// Adds another part's usage (replicas: the larger of the two).
  public mutating func add(_ other: HostingUsage) {
    requests += other.requests
    replicas = max(replicas, other.replicas)
    allocatedGPUHours += other.allocatedGPUHours
    usedGPUHours += other.usedGPUHours
    cost += other.cost
    usedCost += other.usedCost
  }
}
