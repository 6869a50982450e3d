import Foundation

/// Builds a plan's schedule: prices it at the start, checks it can start, then walks its dated
/// facts in order (price changes, then retirements with a migration or a fallback, then scheduled
/// retraining, per day) until the payback search window ends.
struct PlanTimeline {
  let pricer: PlanPricer
  let calendar: ScenarioCalendar
  /// The baseline's schedule when this plan is a candidate; `nil` for the baseline itself.
  let baseline: PlanSchedule?
  /// The baseline's name, for fallback events.
  let baselineName: String

  var plan: StrategyPlan { pricer.plan }
  var catalog: PricingCatalog { pricer.catalog }
  var isBaseline: Bool { baseline == nil }
  var trains: Bool { pricer.trains }
  /// True for a plan on its own GPUs: its open-weight model never retires and always trains.
  var hosted: Bool { plan.hosting != nil }

  /// The day the plan's serving model stops, or `nil` when it does not (self-hosted models never retire).
  func servingStops(_ model: ModelPricing) -> ISODate? {
    hosted ? nil : model.stopsServing(fineTuned: trains)
  }

  /// A plan that can start, priced and scheduled; or one that cannot, with the reason.
  enum Outcome {
    case scheduled(PlanSchedule, PlanCost)
    case infeasible(reason: String, model: ModelPricing)
  }

  func build() throws -> Outcome {
    let models = try pricer.models()
    let start = calendar.start
    if let successor = plan.successorModel { _ = try catalog.model(named: successor) }
    if let reason = startProblem(models) {
      guard !isBaseline else { throw baselineCannotStart(models.serving, reason: reason) }
      return .infeasible(reason: reason, model: models.serving)
    }
    let (startCost, firstRates, startUses) = try priceAtStart(models)
    var walk = Walk(
      current: models.serving, embedding: models.embedding, gpu: models.gpu, rates: firstRates,
      ownChanges: [(start, firstRates)], uses: startUses)
    try walkEvents(&walk, models: models, original: startCost.training)
    let leadEnd = isBaseline ? start : calendar.leadTimeEnd(months: plan.leadTimeMonths)
    let schedule = PlanSchedule(
      segments: segments(walk.ownChanges, leadEnd: leadEnd, fallback: walk.fallback?.date),
      charges: walk.charges.filter { $0.date >= leadEnd }, events: walk.events, fallback: walk.fallback,
      serviceEnd: walk.serviceEnd, uses: walk.uses)
    return .scheduled(schedule, startCost)
  }

  /// The state of the walk through a plan's dated facts.
  struct Walk {
    var current: ModelPricing
    var embedding: ModelPricing?
    var gpu: ModelPricing?
    var rates: PlanRates
    var ownChanges: [(ISODate, PlanRates)]
    var uses: [PriceUse]
    var charges: [PlanSchedule.Charge] = []
    var events: [PlanEvent] = []
    var fallback: (date: ISODate, reason: String)?
    var serviceEnd: ISODate?

    init(
      current: ModelPricing, embedding: ModelPricing?, gpu: ModelPricing?, rates: PlanRates,
      ownChanges: [(ISODate, PlanRates)], uses: [PriceUse]
    ) {
      self.current = current
      self.embedding = embedding
      self.gpu = gpu
      self.rates = rates
      self.ownChanges = ownChanges
      self.uses = uses
    }
  }

  private func walkEvents(
    _ walk: inout Walk, models: PlanModels, original: TrainingPlan?
  ) throws {
    let start = calendar.start
    // Retraining is paid at the start of months 1+k, 1+2k, … inside the horizon only.
    let every = plan.terms.training?.retrainEveryMonths.map { Int(min($0, Int64(calendar.horizonMonths + 1))) }
    var retrainMonth = every.map { 1 + $0 }
    var cursor = start
    while walk.fallback == nil, walk.serviceEnd == nil {
      var candidates: [ISODate] = []
      candidates += walk.current.priceChanges.map(\.effectiveFrom)
      candidates += walk.embedding?.priceChanges.map(\.effectiveFrom) ?? []
      candidates += walk.gpu?.priceChanges.map(\.effectiveFrom) ?? []
      candidates += [servingStops(walk.current), walk.embedding?.stopsServing(fineTuned: false)]
        .compactMap { $0 }
      if let month = retrainMonth, month <= calendar.horizonMonths {
        candidates.append(calendar.firstDay(ofMonth: month))
      }
      guard let day = candidates.filter({ $0 > cursor }).min(), day < calendar.searchEnd else { return }
      cursor = day
      try applyPriceChanges(on: day, &walk)
      if servingStops(walk.current) == day {
        try retireServingModel(on: day, &walk, models: models, original: original)
        if walk.fallback != nil || walk.serviceEnd != nil { return }
      }
      if let embedding = walk.embedding, embedding.stopsServing(fineTuned: false) == day {
        try retireEmbeddingModel(embedding, on: day, &walk)
        if walk.fallback != nil || walk.serviceEnd != nil { return }
      }
      if let month = retrainMonth, let every, calendar.firstDay(ofMonth: month) == day {
        retrainMonth = month + every
        try retrain(on: day, month: month, &walk, models: models)
      }
    }
  }

  /// Price changes first: the plan's own rates follow the prices in effect from `day`.
  private func applyPriceChanges(on day: ISODate, _ walk: inout Walk) throws {
    var changes = walk.current.priceChanges.filter { $0.effectiveFrom == day }.map { (walk.current, $0) }
    if let embedding = walk.embedding {
      changes += embedding.priceChanges.filter { $0.effectiveFrom == day }.map { (embedding, $0) }
    }
    if let gpu = walk.gpu {
      changes += gpu.priceChanges.filter { $0.effectiveFrom == day }.map { (gpu, $0) }
    }
    guard !changes.isEmpty else { return }
    let (rates, uses) = try pricer.rates(on: day, model: walk.current, embedding: walk.embedding, gpu: walk.gpu)
    guard !rates.chargesSame(as: walk.rates) else {
      walk.rates = rates
      return
    }
    // A model that retires the same day never serves at its new price: its change is no event.
    let served = changes.compactMap { model, change -> String? in
      let fineTuned = trains && !hosted && model.id == walk.current.id
      if model.id == walk.current.id ? servingStops(model) == day : model.stopsServing(fineTuned: false) == day {
        return nil
      }
      return PriceChangeDescription.served(change, of: model, fineTuned: fineTuned)
    }
    if !served.isEmpty, !isLeadTimeDay(day) {
      walk.events.append(event(day, .priceChange, served.joined(separator: "; ")))
    }
    walk.rates = rates
    walk.ownChanges.append((day, rates))
    walk.uses += uses
  }

  /// True on days a candidate is still served the baseline's way because of its lead time.
  func isLeadTimeDay(_ day: ISODate) -> Bool {
    !isBaseline && day < calendar.leadTimeEnd(months: plan.leadTimeMonths)
  }

  func event(_ day: ISODate, _ kind: PlanEvent.Kind, _ detail: String) -> PlanEvent {
    PlanEvent(date: day, month: calendar.month(containing: day) ?? calendar.searchMonths, kind: kind, detail: detail)
  }
}
