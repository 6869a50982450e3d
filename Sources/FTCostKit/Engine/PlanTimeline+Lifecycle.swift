import Foundation

/// Retirements, migrations, fallbacks and retraining along a plan's timeline.
extension PlanTimeline {
  /// The serving model stops on `day`: migrate to its successor when the plan can, else fall back
  /// to the baseline (a baseline that cannot migrate is an error inside the horizon).
  func retireServingModel(on day: ISODate, _ walk: inout Walk, models: PlanModels, original: TrainingPlan?) throws {
    let model = walk.current
    walk.events.append(event(day, .retirement, "\(trains ? "fine-tuned " : "")\(model.id) stops serving"))
    // The date (and the successor) behind this event, so an unconfirmed one is reported.
    let dated = trains && model.fineTuning?.deprecationDate == day ? "fine_tuning.deprecation_date" : "deprecation_date"
    walk.uses.append(PriceUse(model: model, paths: [dated, "successor"]))
    let named = model.id == models.serving.id ? (plan.successorModel ?? model.successor) : model.successor
    switch try migration(from: model, to: named, on: day, walk: walk, models: models, original: original) {
    case .migrated(let successor, let rates, let charge, let uses):
      // A price change of the successor on the same day is a price the plan is served with then.
      for change in successor.priceChanges where change.effectiveFrom == day && !isLeadTimeDay(day) {
        if let served = PriceChangeDescription.served(change, of: successor, fineTuned: trains) {
          walk.events.insert(event(day, .priceChange, served), at: walk.events.count - 1)
        }
      }
      let what =
        trains
        ? "retrained on \(successor.id) (same training tokens and epochs) and served fine-tuned from \(day)"
        : "served on \(successor.id) from \(day), same token shape"
      walk.events.append(event(day, .migration, what + chargeNote(charge, successor.currency)))
      if charge > 0 { walk.charges.append(.init(date: day, component: .migration, amount: charge)) }
      walk.current = successor
      walk.rates = rates
      walk.ownChanges.append((day, rates))
      walk.uses += uses
    case .impossible(let reason):
      try cannotMigrate(
        on: day, reason: "\(trains ? "fine-tuned " : "")\(model.id) retires on \(day) and \(reason)", &walk)
    }
  }

  /// The embedding model stops on `day`: embed with its successor from then on (the corpus is
  /// embedded again on it, with `migration_cost`), else fall back.
  func retireEmbeddingModel(_ embedding: ModelPricing, on day: ISODate, _ walk: inout Walk) throws {
    walk.events.append(event(day, .retirement, "embedding model \(embedding.id) stops serving"))
    guard let name = embedding.successor, let successor = try? catalog.model(named: name),
      successor.embedding != nil, successor.serves(on: day, fineTuned: false)
    else {
      let reason = embedding.successor.map { "its successor \($0) cannot embed then" } ?? "it has no successor"
      try cannotMigrate(on: day, reason: "embedding model \(embedding.id) retires on \(day) and \(reason)", &walk)
      return
    }
    let (rates, uses) = try pricer.rates(on: day, model: walk.current, embedding: successor, gpu: walk.gpu)
    let corpus = Decimal(plan.terms.retrieval?.corpusTokens ?? 0)
    let charge =
      RequestPricer.perPriceUnit(corpus * (successor.pricing(on: day).embedding?.input ?? 0))
      + plan.migrationCost
    for change in successor.priceChanges where change.effectiveFrom == day && !isLeadTimeDay(day) {
      if let served = PriceChangeDescription.served(change, of: successor, fineTuned: false) {
        walk.events.insert(event(day, .priceChange, served), at: walk.events.count - 1)
      }
    }
    walk.events.append(
      event(
        day, .migration,
        "embeds with \(successor.id) from \(day); the corpus is embedded again" + chargeNote(charge, successor.currency)
      ))
    if charge > 0 { walk.charges.append(.init(date: day, component: .migration, amount: charge)) }
    walk.embedding = successor
    walk.rates = rates
    walk.ownChanges.append((day, rates))
    walk.uses += uses
  }

  /// A scheduled retraining on `day`: billed at the prices in effect when the model still takes
  /// training jobs; otherwise blocked, and a candidate falls back (the retraining is not billed).
  func retrain(on day: ISODate, month: Int, _ walk: inout Walk, models: PlanModels) throws {
    let model = walk.current
    guard hosted || model.acceptsTraining(on: day) else {
      let reason = model.trainingUnavailableReason(on: day) ?? "\(model.id) takes no training jobs then"
      guard !isBaseline else {
        throw ScenarioError.lifecycle(
          path: plan.path, name: plan.name,
          message:
            "its retraining in month \(month) (\(day)) cannot start: \(reason); a baseline cannot fall back to itself: give \(plan.path).retrain_every_months a value that schedules no retraining after then, or a shorter horizon"
        )
      }
      walk.events.append(event(day, .retrainingBlocked, "the retraining due in month \(month) cannot start: \(reason)"))
      fallBack(on: day, reason: "its retraining in month \(month) cannot start (\(reason))", &walk)
      return
    }
    let (job, trainingUse) = try pricer.training(on: day, model: model, gpu: walk.gpu)
    let (answer, teacherUses) = try pricer.teacherAnswer(on: day, teacher: models.teacher)
    let (evaluation, judgeUses) = try pricer.evaluation(
      on: day, judge: models.judge, candidate: walk.rates,
      baseline: baseline?.ownRates(on: day), teacherAnswer: answer)
    let examples = Decimal(plan.terms.training?.retrainExamples ?? 0)
    let labeling = plan.terms.training?.labelingCostPerExample ?? 0
    let amount = job.cost + evaluation + examples * (labeling + answer)
    walk.charges.append(.init(date: day, component: .retraining, amount: amount))
    walk.uses += [trainingUse] + teacherUses + judgeUses
  }

  /// The result of trying to move a plan onto a successor model.
  enum Migration {
    case migrated(ModelPricing, PlanRates, charge: Decimal, uses: [PriceUse])
    case impossible(String)
  }

  /// Tries to migrate a plan from `model` to the model `name` on `day`.
  ///
  /// An untrained plan moves when the successor serves then; a trained plan moves only when the successor can be
  /// fine-tuned and takes new jobs on `day`, paying a retraining on it (same training tokens and
  /// epochs, at its prices on `day`) and the evaluation again, plus `migration_cost`.
  func migration(
    from model: ModelPricing, to name: String?, on day: ISODate, walk: Walk, models: PlanModels,
    original: TrainingPlan?
  ) throws -> Migration {
    guard let name else { return .impossible("it has no successor in the pricing tables") }
    guard let successor = try? catalog.model(named: name) else {
      return .impossible("its successor \(name) is not in the pricing tables")
    }
    guard successor.id != model.id else { return .impossible("it names itself as its successor") }
    if trains {
      guard successor.fineTuning != nil else {
        return .impossible("its successor \(successor.id) cannot be fine-tuned")
      }
      guard successor.acceptsTraining(on: day) else {
        let reason = successor.trainingUnavailableReason(on: day) ?? "it takes no training jobs then"
        return .impossible("its successor \(successor.id) cannot be trained then (\(reason))")
      }
    } else if !successor.serves(on: day, fineTuned: false) {
      return .impossible("its successor \(successor.id) does not serve then either")
    }
    let (rates, rateUses) = try pricer.rates(on: day, model: successor, embedding: walk.embedding, gpu: walk.gpu)
    var charge = plan.migrationCost
    var uses = rateUses
    if trains {
      let (job, trainingUse) = try pricer.training(on: day, model: successor, sameAs: original)
      let (answer, teacherUses) = try pricer.teacherAnswer(on: day, teacher: models.teacher)
      let (evaluation, judgeUses) = try pricer.evaluation(
        on: day, judge: models.judge, candidate: rates,
        baseline: baseline?.ownRates(on: day), teacherAnswer: answer)
      charge += job.cost + evaluation
      uses += [trainingUse] + teacherUses + judgeUses
    }
    return .migrated(successor, rates, charge: charge, uses: uses)
  }

  /// A plan that cannot migrate: a candidate falls back; a baseline is an error inside the horizon
  /// and ends the payback search after it.
  func cannotMigrate(on day: ISODate, reason: String, _ walk: inout Walk) throws {
    guard isBaseline else {
      fallBack(on: day, reason: reason, &walk)
      return
    }
    guard day >= calendar.horizonEnd else {
      throw ScenarioError.lifecycle(
        path: plan.path, name: plan.name,
        message:
          "\(reason), inside the \(calendar.horizonMonths)-month horizon (\(calendar.start) to \(calendar.horizonEnd)); the comparison cannot go on without a baseline: set \(plan.path).successor_model, or a horizon that ends by \(day)"
      )
    }
    walk.serviceEnd = day
  }

  /// From `day` the candidate is served the way the baseline is, so its savings are 0 from then.
  func fallBack(on day: ISODate, reason: String, _ walk: inout Walk) {
    walk.fallback = (day, reason)
    walk.events.append(
      event(day, .fallback, "\(reason): served the baseline's way (\(baselineName)) from \(day), saving nothing"))
  }

  private func chargeNote(_ charge: Decimal, _ currency: String) -> String {
    charge > 0 ? " (one-off \(MoneyFormat(currency: currency).total(charge)))" : ""
  }

  /// The serving segments: the baseline's way during the lead time and after a fallback, the
  /// plan's own rates in between.
  func segments(_ ownChanges: [(ISODate, PlanRates)], leadEnd: ISODate, fallback: ISODate?) -> [PlanSchedule.Segment] {
    var segments: [PlanSchedule.Segment] = []
    let start = calendar.start
    if leadEnd > start { segments.append(.init(from: start, mode: .asBaseline)) }
    for (index, (from, rates)) in ownChanges.enumerated() {
      let nextFrom = index + 1 < ownChanges.count ? ownChanges[index + 1].0 : nil
      if let nextFrom, nextFrom <= leadEnd { continue }
      let begins = max(from, leadEnd)
      if let fallback, begins >= fallback { break }
      segments.append(.init(from: begins, mode: .own(rates)))
    }
    if let fallback { segments.append(.init(from: fallback, mode: .asBaseline)) }
    return segments
  }
}
