import Foundation

/// A plan priced per the cost model: its per-request cost, one-time cost I and fixed monthly F.
public struct PlanCost: Sendable, Equatable {
  public var plan: StrategyPlan
  public var model: ModelPricing
  /// cost_req, embedding of the query included for RAG strategies.
  public var costPerRequest: Decimal
  /// One-time cost I: setup, corpus embedding, teacher, training, labeling and evaluation.
  public var oneTimeCost: Decimal
  /// Fixed monthly cost F: vector DB, re-indexing, hosting of a deployed fine-tune.
  public var fixedMonthlyCost: Decimal
  public var training: TrainingPlan?
  public var teacherCost: Decimal = 0
  public var evaluationCost: Decimal = 0
  public var corpusCost: Decimal = 0
  public var labelingCost: Decimal = 0
  /// Every model this plan prices with, for lifecycle and currency checks.
  public var modelsUsed: [ModelPricing]
  /// Unconfirmed prices used, as `model: field`.
  public var unconfirmedUsed: [String]

  /// With retrain_every_months = k, training_cost is paid again at the start of months 1+k, 1+2k, … inside the horizon.
  public func retrainCost(inMonth month: Int) -> Decimal {
    guard let every = plan.retrainEveryMonths, every > 0, month > 1, let training else { return 0 }
    return (month - 1) % Int(every) == 0 ? training.cost : 0
  }

  /// C_m = R_m · cost_req + F + retrain_m.
  public func monthlyCost(requests: Decimal, month: Int) -> Decimal {
    requests * costPerRequest + fixedMonthlyCost + retrainCost(inMonth: month)
  }

  /// A month is 730 hours (8,760 / 12) wherever an hourly rate becomes a monthly one.
  public static let hoursPerMonth: Decimal = 730
}

extension PlanCost {
  /// Prices `plan` for `workload` from `catalog`.
  ///
  /// `baselineCostPerRequest` is needed only for a candidate's evaluation cost (each test case
  /// is answered by the baseline too).
  static func resolve(
    _ plan: StrategyPlan, workload: Workload, catalog: PricingCatalog, baselineCostPerRequest: Decimal?
  ) throws -> PlanCost {
    let model = try catalog.model(named: plan.model)
    var used = [model]
    var unconfirmed: [String] = []
    func note(_ model: ModelPricing, _ paths: [String]) {
      for path in paths where model.isUnconfirmed(path) { unconfirmed.append("\(model.id): \(path)") }
    }
    let fineTuned = plan.strategy.trains
    if fineTuned, model.fineTuning == nil { throw TrainingError.notFineTunable(model.id) }

    // Per-request run cost.
    let s = plan.systemTokens ?? workload.systemTokens
    let f = plan.fewShotTokens ?? (fineTuned ? 0 : workload.fewShotTokens)
    let o = plan.outputTokens ?? workload.outputTokens
    let u = workload.userTokens
    let c = plan.strategy.retrieves ? plan.contextTokens : 0
    let h = workload.cachedPrefixShare
    let prefix = Decimal(s + f)
    let request = try RequestPricer.cost(
      model: model, fineTuned: fineTuned, batch: false, totalInputTokens: s + f + c + u,
      uncachedInput: prefix * (1 - h) + Decimal(c + u), cachedInput: prefix * h, output: Decimal(o))
    let pricesPath = fineTuned ? "fine_tuning.inference" : "inference"
    note(model, ["\(pricesPath).input", "\(pricesPath).output"] + (h > 0 ? ["\(pricesPath).cached_input"] : []))
    var costPerRequest = request.total
    var oneTime = plan.setupCost
    var fixed: Decimal = 0
    var corpusCost: Decimal = 0

    if plan.strategy.retrieves {
      let embedding = try catalog.model(named: plan.embeddingModel ?? "")
      guard let price = embedding.embedding?.input else { throw CostError.noEmbeddingPrice(embedding.id) }
      used.append(embedding)
      note(embedding, ["embedding.input"])
      costPerRequest += Decimal(u) * price / RequestPricer.tokensPerPriceUnit
      corpusCost = Decimal(plan.corpusTokens) * price / RequestPricer.tokensPerPriceUnit
      oneTime += corpusCost
      fixed += plan.vectorDBMonthly + corpusCost * plan.reindexSharePerMonth
    }

    var training: TrainingPlan?
    var teacherCost: Decimal = 0
    var labeling: Decimal = 0
    var teacherPerExample: Decimal = 0
    var teacherOutput = o
    if plan.strategy == .distillation {
      let teacher = try catalog.model(named: plan.teacher ?? "")
      used.append(teacher)
      teacherOutput = plan.teacherOutputTokens ?? o
      let teacherInput = workload.systemTokens + workload.fewShotTokens + u
      let answer = try RequestPricer.cost(
        model: teacher, fineTuned: false, batch: plan.teacherBatch, totalInputTokens: teacherInput,
        uncachedInput: Decimal(teacherInput), cachedInput: 0, output: Decimal(teacherOutput))
      note(
        teacher,
        plan.teacherBatch
          ? ["inference.batch_input", "inference.batch_output"] : ["inference.input", "inference.output"])
      teacherPerExample = answer.total
      teacherCost = Decimal(plan.examples ?? 0) * teacherPerExample
      oneTime += teacherCost
    }
    if fineTuned {
      let exampleSize = s + u + teacherOutput + TrainingPlan.exampleOverhead(hasSystemMessage: s > 0)
      training = try TrainingPlan.resolve(
        model: model, examples: plan.examples, tokensPerExample: plan.tokensPerExample,
        trainingTokens: plan.trainingTokens, defaultExampleTokens: exampleSize, epochs: plan.epochs,
        hours: plan.trainingHours)
      note(
        model, [model.fineTuning?.isBilledPerHour == true ? "fine_tuning.training_per_hour" : "fine_tuning.training"])
      labeling = Decimal(plan.examples ?? 0) * plan.labelingCostPerExample
      oneTime += (training?.cost ?? 0) + labeling
      if let hosting = model.fineTuning?.hostingPerHour {
        fixed += hosting * hoursPerMonth
        note(model, ["fine_tuning.hosting_per_hour"])
      }
    }

    var evaluationCost: Decimal = 0
    if let evaluation = plan.evaluation {
      let judge = try catalog.model(named: evaluation.judge)
      used.append(judge)
      let judgeCall = try RequestPricer.cost(
        model: judge, fineTuned: false, batch: false, totalInputTokens: evaluation.judgeInputTokens,
        uncachedInput: Decimal(evaluation.judgeInputTokens), cachedInput: 0,
        output: Decimal(evaluation.judgeOutputTokens))
      note(judge, ["inference.input", "inference.output"])
      let answers: Decimal = plan.strategy == .distillation ? 3 : 2
      let answerCosts =
        (baselineCostPerRequest ?? 0) + costPerRequest + (plan.strategy == .distillation ? teacherPerExample : 0)
      evaluationCost =
        Decimal(evaluation.testCases) * answerCosts + Decimal(evaluation.testCases) * answers * judgeCall.total
      oneTime += evaluationCost
    }

    return PlanCost(
      plan: plan, model: model, costPerRequest: costPerRequest, oneTimeCost: oneTime, fixedMonthlyCost: fixed,
      training: training, teacherCost: teacherCost, evaluationCost: evaluationCost, corpusCost: corpusCost,
      labelingCost: labeling, modelsUsed: used, unconfirmedUsed: unconfirmed)
  }
}
