import Foundation

/// One fine-tuning job of an open-weight model on rented GPUs, next to what managed services
/// charge for the same job.
public struct GPUTrainingQuote: Sendable {
  public var model: ModelPricing
  public var method: TrainingMethod
  /// The GPU entry, priced on the day.
  public var gpu: ModelPricing
  public var gpusPerReplica: Int64
  /// The replica's measured training speed, tokens per second (`nil` when hours were given).
  public var tokensPerSecond: Decimal?
  /// The job on the GPUs: tokens, epochs, GPU-hours and cost.
  public var plan: TrainingPlan
  /// Managed services that train the same open-weight model, with their price for this job.
  public var managed: [(service: ModelPricing, plan: TrainingPlan)]

  /// Quotes training `model` on `gpu` (default: the GPU its throughput was measured on) with the
  /// prices in effect on `date`.
  public static func make(
    model: ModelPricing, gpu name: String?, method: TrainingMethod, catalog: PricingCatalog, on date: ISODate,
    examples: Int64?, tokensPerExample: Int64?, trainingTokens: Int64?, epochs: Int64?, hours: Decimal?
  ) throws -> GPUTrainingQuote {
    let figures = catalog.selfHosting(of: model)
    guard figures != nil || hours != nil else { throw CostError.notSelfHostable(model.id) }
    guard let gpuName = name ?? figures?.gpu else {
      throw CostError.hostingFigureMissing(model: model.id, field: "a gpu")
    }
    let gpu = try catalog.model(named: gpuName).pricing(on: date)
    guard gpu.gpuPerHour != nil else {
      throw CostError.hostingFigureMissing(model: model.id, field: "a GPU with gpu_per_hour (\(gpu.id) has none)")
    }
    let gpus = figures?.gpusPerReplica ?? 1
    let speed = figures?.trainingTokensPerSecond[method]
    let plan = try TrainingPlan.onGPUs(
      model: model, method: method, speed: speed, gpu: gpu, gpusPerReplica: gpus, examples: examples,
      tokensPerExample: tokensPerExample, trainingTokens: trainingTokens, defaultExampleTokens: nil, epochs: epochs,
      hours: hours)
    let base = model.openModel ?? model.id
    var managed: [(ModelPricing, TrainingPlan)] = []
    for service in catalog.models where service.openModel == base && service.fineTuning?.training != nil {
      let priced = service.pricing(on: date)
      guard priced.acceptsTraining(on: date),
        let job = try? TrainingPlan.resolve(
          model: priced, examples: examples, tokensPerExample: nil, trainingTokens: plan.tokensPerEpoch,
          defaultExampleTokens: nil, epochs: plan.epochs, hours: nil)
      else { continue }
      managed.append((priced, job))
    }
    return GPUTrainingQuote(
      model: model, method: method, gpu: gpu, gpusPerReplica: gpus, tokensPerSecond: hours == nil ? speed : nil,
      plan: plan, managed: managed)
  }
}
