import Foundation

/// What a plan needs on its start day, and what it costs then.
extension PlanTimeline {
  /// Why the plan cannot start on the scenario's start day, or `nil` when it can: its serving model
  /// (the fine-tuned one for trained plans), its initial training, its teacher, judge and
  /// embedding model must all be available on the start day.
  func startProblem(_ models: PlanModels) -> String? {
    let start = calendar.start
    let serving = models.serving
    if let stop = servingStops(serving), stop <= start {
      return "\(trains ? "fine-tuned " : "")\(serving.id) \(stop < start ? "retired" : "retires") on \(stop)"
    }
    if trains, !hosted, !serving.acceptsTraining(on: start), let reason = serving.trainingUnavailableReason(on: start) {
      return reason
    }
    let others: [(String, ModelPricing?)] = [
      ("teacher", models.teacher), ("judge", models.judge), ("embedding model", models.embedding),
    ]
    for (role, model) in others {
      if let model, let stop = model.stopsServing(fineTuned: false), stop <= start {
        return "its \(role) \(model.id) \(stop < start ? "retired" : "retires") on \(stop)"
      }
    }
    return nil
  }

  /// The error for a baseline that cannot run on the start day: it names the model, the date and
  /// the successor to use instead.
  func baselineCannotStart(_ model: ModelPricing, reason: String) -> ScenarioError {
    let name = plan.successorModel ?? model.successor
    // Only the serving model has a successor to suggest; a teacher, judge or embedding model is
    // replaced in its own field.
    let fix =
      reason.hasPrefix("its ")
      ? "replace that model in \(plan.path), or set an earlier start_date"
      : name.map { "its successor is \($0): set \(plan.path).model to \($0), or a start_date before the retirement" }
        ?? "set \(plan.path).model to a model that serves then, or an earlier start_date"
    return ScenarioError.lifecycle(
      path: plan.path, name: plan.name,
      message: "\(reason), before the scenario starts on \(calendar.start); the baseline cannot run: \(fix)")
  }

  /// The plan priced on the start day: one-time cost I by component, month-1 rates and the
  /// training job.
  func priceAtStart(_ models: PlanModels) throws -> (PlanCost, PlanRates, [PriceUse]) {
    let start = calendar.start
    let (rates, rateUses) = try pricer.rates(
      on: start, model: models.serving, embedding: models.embedding, gpu: models.gpu)
    var uses = rateUses
    var oneTime = OneTimeCosts()
    oneTime[.setup] = plan.setupCost
    if let retrieval = plan.terms.retrieval, let price = rates.embedding?.embedding?.input {
      oneTime[.corpusEmbedding] = RequestPricer.perPriceUnit(Decimal(retrieval.corpusTokens) * price)
    }
    let (teacherAnswer, teacherUses) = try pricer.teacherAnswer(on: start, teacher: models.teacher)
    uses += teacherUses
    var training: TrainingPlan?
    if let terms = plan.terms.training {
      let (job, use) = try pricer.training(on: start, model: models.serving, gpu: models.gpu)
      training = job
      uses.append(use)
      let examples = Decimal(terms.examples ?? 0)
      oneTime[.teacherAnswers] = examples * teacherAnswer
      oneTime[.training] = job.cost
      oneTime[.labeling] = examples * terms.labelingCostPerExample
    }
    let (evaluation, judgeUses) = try pricer.evaluation(
      on: start, judge: models.judge, candidate: rates,
      baseline: baseline?.ownRates(on: start), teacherAnswer: teacherAnswer)
    oneTime[.evaluation] = evaluation
    uses += judgeUses
    let cost = PlanCost(
      plan: plan, model: rates.model, rates: rates, oneTime: oneTime, training: training,
      teacherAnswerCost: teacherAnswer,
      modelsUsed: [models.serving, models.embedding, models.teacher, models.judge].compactMap { $0 }, uses: uses)
    var priced = cost
    priced.tokensPerRequest = PlanPricer.sum(pricer.shape.totalInput, pricer.shape.output)
    return (priced, rates, uses)
  }
}
