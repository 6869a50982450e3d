import Foundation

/// How fine-tuning runs on rented GPUs: a low-rank adapter or all weights.
public enum TrainingMethod: String, Sendable, CaseIterable {
  case lora
  case full
}

/// Measured throughput of one replica of an open-weight model on rented GPUs (cost model v2,
/// "Self-hosted open models").
///
/// Serving figures are at a stated latency target; training figures at a stated sequence length.
/// A replica is `gpusPerReplica` GPUs of type `gpu` serving together.
public struct SelfHosting: Sendable, Equatable {
  /// The id of the GPU entry the figures were measured on (its `gpu_per_hour` prices the time).
  public var gpu: String
  public var gpusPerReplica: Int64
  /// Input tokens one replica processes per second.
  public var inputTokensPerSecond: Decimal
  /// Output tokens one replica generates per second.
  public var outputTokensPerSecond: Decimal
  /// Training tokens one replica processes per second, by method.
  public var trainingTokensPerSecond: [TrainingMethod: Decimal]
  public var source: String?
  public var note: String?
}
