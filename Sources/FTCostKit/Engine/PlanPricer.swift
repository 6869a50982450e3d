import Foundation

/// The table entries a plan is written with.
struct PlanModels: Sendable {
  var serving: ModelPricing
  var embedding: ModelPricing?
  var teacher: ModelPricing?
  var judge: ModelPricing?
  /// The GPU a self-hosted plan rents.
  var gpu: ModelPricing?
}

/// Prices one plan's terms on a given day: its per-request and monthly rates, its training, its
/// teacher's answers and its evaluation, with the prices in effect that day.
struct PlanPricer: Sendable {
  let plan: StrategyPlan
  let workload: Workload
  let catalog: PricingCatalog

  /// Tokens of one request as this plan sends it.
  struct Shape: Sendable {
    var system: Int64
    var fewShot: Int64
    var context: Int64
    var user: Int64
    var output: Int64
    var cachedShare: Decimal

    /// s + f + c + u, saturating at `Int64.max`.
    var totalInput: Int64 { PlanPricer.sum(system, fewShot, context, user) }
  }

  var trains: Bool { plan.strategy.trains }

  var shape: Shape {
    Shape(
      system: plan.systemTokens ?? workload.systemTokens,
      fewShot: plan.fewShotTokens ?? (trains ? 0 : workload.fewShotTokens),
      context: plan.terms.retrieval?.contextTokens ?? 0,
      user: workload.userTokens,
      output: plan.outputTokens ?? workload.outputTokens,
      cachedShare: workload.cachedPrefixShare)
  }

  /// A model's measured throughput on GPUs, or that of the open-weight model a managed entry runs.
  func selfHosting(of model: ModelPricing) -> SelfHosting? { catalog.selfHosting(of: model) }

  /// The models the plan is written with: serving model, embedding model, teacher and judge.
  func models() throws -> PlanModels {
    let serving = try catalog.model(named: plan.model)
    var gpu: ModelPricing?
    if let hosting = plan.hosting {
      let figures = selfHosting(of: serving)
      guard figures != nil || hosting.gpu != nil else { throw CostError.notSelfHostable(serving.id) }
      guard let name = hosting.gpu ?? figures?.gpu else {
        throw CostError.hostingFigureMissing(model: serving.id, field: "a gpu")
      }
      let entry = try catalog.model(named: name)
      guard entry.gpuPerHour != nil else {
        throw CostError.hostingFigureMissing(model: serving.id, field: "a GPU with gpu_per_hour (\(entry.id) has none)")
      }
      if hosting.inputTokensPerSecond == nil && figures?.inputTokensPerSecond == nil {
        throw CostError.hostingFigureMissing(model: serving.id, field: "input_tokens_per_second")
      }
      if hosting.outputTokensPerSecond == nil && figures?.outputTokensPerSecond == nil {
        throw CostError.hostingFigureMissing(model: serving.id, field: "output_tokens_per_second")
      }
      gpu = entry
    } else if trains, serving.fineTuning == nil {
      throw TrainingError.notFineTunable(serving.id)
    }
    let embedding = try plan.terms.retrieval.map { try catalog.model(named: $0.embeddingModel) }
    if let embedding, embedding.embedding == nil { throw CostError.noEmbeddingPrice(embedding.id) }
    let teacher = try plan.terms.teacher.map { try catalog.model(named: $0.model) }
    let judge = try plan.evaluation.map { try catalog.model(named: $0.judge) }
    return PlanModels(serving: serving, embedding: embedding, teacher: teacher, judge: judge, gpu: gpu)
  }

  /// The plan's rates on `day` serving on `model` (and embedding with `embedding`).
  ///
  /// cost_req = (s+f)·(1−h)·Pin + (s+f)·h·Pcache + (c+u)·Pin + o·Pout, plus u·Pemb for RAG.
  func rates(
    on day: ISODate, model base: ModelPricing, embedding embeddingBase: ModelPricing?, gpu gpuBase: ModelPricing? = nil
  ) throws -> (PlanRates, [PriceUse]) {
    let model = base.pricing(on: day)
    let shape = self.shape
    var perRequest = ComponentAmounts()
    var perMonth = ComponentAmounts()
    var modelPaths: [String] = []
    var uses: [PriceUse] = []
    var hosted: HostedServing?
    if let hosting = plan.hosting, let gpuBase {
      // On its own GPUs no per-token price applies: the plan pays for replica time.
      let gpu = gpuBase.pricing(on: day)
      hosted = HostedServing.make(
        figures: selfHosting(of: model), terms: hosting, gpu: gpu, inputTokens: shape.totalInput,
        outputTokens: shape.output)
      uses.append(PriceUse(model: gpu, paths: ["gpu_per_hour"]))
    } else {
      let prefix = Decimal(shape.system) + Decimal(shape.fewShot)
      let request = try RequestPricer.cost(
        model: model, fineTuned: trains, batch: false, totalInputTokens: shape.totalInput,
        uncachedInput: prefix * (1 - shape.cachedShare) + Decimal(shape.context) + Decimal(shape.user),
        cachedInput: prefix * shape.cachedShare, output: Decimal(shape.output))
      let pricesPath = trains ? "fine_tuning.inference" : "inference"
      modelPaths = ["\(pricesPath).input", "\(pricesPath).output"]
      if shape.cachedShare > 0 { modelPaths.append("\(pricesPath).cached_input") }
      perRequest[.tokens] = request.total
    }
    perRequest[.failures] = (1 - plan.successRate) * workload.failureCost
    var embedding: ModelPricing?
    if let retrieval = plan.terms.retrieval, let embeddingBase {
      let priced = embeddingBase.pricing(on: day)
      guard let price = priced.embedding?.input else { throw CostError.noEmbeddingPrice(priced.id) }
      perRequest[.tokens] += RequestPricer.perPriceUnit(Decimal(shape.user) * price)
      perMonth[.vectorDatabase] = retrieval.vectorDBMonthly
      perMonth[.reindexing] =
        RequestPricer.perPriceUnit(Decimal(retrieval.corpusTokens) * price) * retrieval.reindexSharePerMonth
      uses.append(PriceUse(model: priced, paths: ["embedding.input"]))
      embedding = priced
    }
    if trains, hosted == nil, let fineTuning = model.fineTuning {
      if let hosting = fineTuning.hostingPerHour {
        perMonth[.hosting] = hosting * PlanCost.hoursPerMonth
        modelPaths.append("fine_tuning.hosting_per_hour")
      }
      if let storage = fineTuning.storagePerMonth {
        perMonth[.storage] = storage
        modelPaths.append("fine_tuning.storage_per_month")
      }
    }
    perMonth[.operations] = plan.opsMonthly
    uses.insert(PriceUse(model: model, paths: modelPaths), at: 0)
    return (
      PlanRates(model: model, embedding: embedding, perRequest: perRequest, perMonth: perMonth, hosted: hosted), uses
    )
  }

  /// The training job on `model` with the prices of `day`, from the plan's terms.
  ///
  /// `sameAs` reuses another job's tokens per epoch and epochs (a migration retrains on the
  /// successor with the same training tokens and epochs).
  func training(
    on day: ISODate, model base: ModelPricing, sameAs original: TrainingPlan? = nil, gpu gpuBase: ModelPricing? = nil
  ) throws -> (TrainingPlan, PriceUse) {
    let model = base.pricing(on: day)
    guard let terms = plan.terms.training else { throw TrainingError.notFineTunable(model.id) }
    if let hosting = plan.hosting, let gpuBase {
      // A self-hosted plan trains on its hosting GPU type and GPUs per replica.
      let gpu = gpuBase.pricing(on: day)
      let shape = self.shape
      let overhead = TrainingPlan.exampleOverhead(hasSystemMessage: shape.system > 0)
      let answer = plan.terms.teacher?.outputTokens ?? shape.output
      let figures = selfHosting(of: model)
      let method = terms.method ?? .lora
      let job = try TrainingPlan.onGPUs(
        model: model, method: method, speed: figures?.trainingTokensPerSecond[method], gpu: gpu,
        gpusPerReplica: hosting.gpusPerReplica ?? figures?.gpusPerReplica ?? 1, examples: terms.examples,
        tokensPerExample: terms.tokensPerExample, trainingTokens: terms.trainingTokens,
        defaultExampleTokens: PlanPricer.sum(shape.system, shape.user, answer, overhead), epochs: terms.epochs,
        hours: terms.trainingHours)
      return (job, PriceUse(model: gpu, paths: ["gpu_per_hour"]))
    }
    let training: TrainingPlan
    if let original {
      training = try TrainingPlan.resolve(
        model: model, examples: terms.examples, tokensPerExample: nil, trainingTokens: original.tokensPerEpoch,
        defaultExampleTokens: nil, epochs: original.epochs, hours: terms.trainingHours)
    } else {
      let shape = self.shape
      let answer = plan.terms.teacher?.outputTokens ?? shape.output
      let overhead = TrainingPlan.exampleOverhead(hasSystemMessage: shape.system > 0)
      training = try TrainingPlan.resolve(
        model: model, examples: terms.examples, tokensPerExample: terms.tokensPerExample,
        trainingTokens: terms.trainingTokens,
        defaultExampleTokens: PlanPricer.sum(shape.system, shape.user, answer, overhead), epochs: terms.epochs,
        hours: terms.trainingHours)
    }
    let path = model.fineTuning?.isBilledPerHour == true ? "fine_tuning.training_per_hour" : "fine_tuning.training"
    return (training, PriceUse(model: model, paths: [path]))
  }

  /// The teacher's cost for one training answer on `day`: (s + f + u)·Pin_T + o_T·Pout_T with the
  /// workload's s and f, at batch prices when `teacher_batch` is true.
  func teacherAnswer(on day: ISODate, teacher base: ModelPricing?) throws -> (Decimal, [PriceUse]) {
    guard let terms = plan.terms.teacher, let base else { return (0, []) }
    let teacher = base.pricing(on: day)
    let input = Decimal(workload.systemTokens) + Decimal(workload.fewShotTokens) + Decimal(workload.userTokens)
    let answer = try RequestPricer.cost(
      model: teacher, fineTuned: false, batch: terms.batch,
      totalInputTokens: PlanPricer.sum(workload.systemTokens, workload.fewShotTokens, workload.userTokens),
      uncachedInput: input, cachedInput: 0, output: Decimal(terms.outputTokens ?? shape.output))
    let paths =
      terms.batch ? ["inference.batch_input", "inference.batch_output"] : ["inference.input", "inference.output"]
    return (answer.total, [PriceUse(model: teacher, paths: paths)])
  }

  /// True when pricing `plan` reads the workload's month-1 volume.
  ///
  /// Only an evaluation set does (a self-hosted answer costs month-1 GPU cost / R_1); a sweep and
  /// a simulation price such a plan again at each volume.
  static func readsVolume(_ plan: StrategyPlan) -> Bool { plan.evaluation != nil }

  /// eval_cost on `day`, the cost of the evaluation set.
  ///
  /// K · (baseline + candidate (+ teacher) answer costs) + K · answers · judge cost per call. An
  /// answer costs cost_req at the rates of the day (`baseline` is `nil` on days
  /// the baseline does not serve its own way); a self-hosted answer, month-1 GPU cost / R_1.
  func evaluation(
    on day: ISODate, judge base: ModelPricing?, candidate: PlanRates, baseline: PlanRates?, teacherAnswer: Decimal
  ) throws -> (Decimal, [PriceUse]) {
    guard let evaluation = plan.evaluation, let base else { return (0, []) }
    let judge = base.pricing(on: day)
    let call = try RequestPricer.cost(
      model: judge, fineTuned: false, batch: false, totalInputTokens: evaluation.judgeInputTokens,
      uncachedInput: Decimal(evaluation.judgeInputTokens), cachedInput: 0,
      output: Decimal(evaluation.judgeOutputTokens))
    func answer(_ rates: PlanRates?) throws -> Decimal {
      guard let rates else { return 0 }
      guard let cost = rates.answerCost(monthOneRequests: workload.requestsPerMonth) else {
        throw CostError.selfHostedAnswerAtZeroVolume(rates.model.id)
      }
      return cost
    }
    let distils = plan.strategy == .distillation
    let answers: Decimal = distils ? 3 : 2
    let answerCosts = try answer(baseline) + answer(candidate) + (distils ? teacherAnswer : 0)
    let cases = Decimal(evaluation.testCases)
    return (
      cases * answerCosts + cases * answers * call.total,
      [PriceUse(model: judge, paths: ["inference.input", "inference.output"])]
    )
  }

  /// The sum of token counts, saturating at `Int64.max` (a tier check then picks the top tier).
  static func sum(_ values: Int64...) -> Int64 {
    var total: Int64 = 0
    for value in values {
      let (next, overflow) = total.addingReportingOverflow(value)
      if overflow { return Int64.max }
      total = next
    }
    return total
  }
}
