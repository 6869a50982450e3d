import Foundation

extension Advisor {
  /// The whole advice for complete answers: the tree's leaf, revised by the market and the
  /// calendar, priced by the engine when the answers give a volume.
  public func advise(_ answers: [String: String], files: AdviceFiles = AdviceFiles()) throws -> Advice {
    switch walk(answers) {
    case .needs(let question, _):
      throw AdviceError.missingAnswer(key: question.key, allowed: allowed(question.key))
    case .done(let advice):
      return try finish(advice, answers: answers, files: files)
    }
  }

  /// Revises the tree's advice by the market and the calendar, then prices it: with `backing`
  /// (the user's `--scenario`) by that scenario, else, when `requests_per_month` is answered, by a
  /// scenario built from the answers, which may revise it once more when training never pays back.
  public func finish(
    _ treeAdvice: Advice, answers: [String: String], files: AdviceFiles = AdviceFiles(),
    backing: ScenarioResult? = nil
  ) throws -> Advice {
    var advice = treeAdvice
    var outcome = Outcome(
      recommendation: advice.recommendation, summary: advice.summary, nextSteps: [], caveats: [])
    outcome = leafOutcome(for: advice) ?? outcome
    let market = marketRevision(outcome, answers: answers)
    if let market {
      advice.revisions.append(market.revision)
      outcome = market.outcome
    }
    if let backing {
      fill(&advice, from: outcome, answers: answers, files: files)
      return backed(advice, by: backing)
    }
    if let volume = answers["requests_per_month"].flatMap({ try? DecimalParser.parse($0) }),
      let built = builder(answers, volume: volume).build(tree: advice.treeRecommendation, final: outcome.recommendation)
    {
      let result = try ScenarioEngine.run(built.scenario, catalog: catalog, today: startDate(answers), file: "advice")
      advice.builtScenario = built
      advice.costs = result
      if let volumeRevision = volumeRevision(outcome, built: built, result: result, answers: answers) {
        advice.revisions.append(volumeRevision.revision)
        outcome = volumeRevision.outcome
      }
      fill(&advice, from: outcome, answers: answers, files: files)
      advice.conflicts += unmadeSwitch(advice, result: result)
      advice.caveats += built.assumptions.isEmpty ? [] : ["Assumed: \(built.assumptions.joined(separator: "; "))."]
    } else {
      fill(&advice, from: outcome, answers: answers, files: files)
      advice.caveats.append(
        answers["requests_per_month"] == nil
          ? "No numbers yet: answer requests_per_month (and current_model, prompt_tokens, output_tokens) to price the advice, or pass --scenario."
          : answers["current_model"] == nil
            ? "No numbers: with no current_model there is nothing to price staying on; answer current_model."
            : "No numbers: no candidate against staying on \(answers["current_model"] ?? "") can be priced (it is already the cheapest current model)."
      )
    }
    if market?.revision.reason.contains("takes no new fine-tuning job") == true {
      let shape = TokenShape(answers: answers)
      advice.nextSteps.append(
        "where fine-tuning is open on \(startDate(answers)): "
          + ModelAvailability(catalog: catalog, date: startDate(answers)).trainingMarket(shape: shape).joined(
            separator: "; "))
    }
    return advice
  }

  /// When the advice is not to switch models but the numbers' verdict is a switch (a plan with
  /// no investment that saves money), the sentence that says so: the advice and the verdict
  /// must not part silently.
  func unmadeSwitch(_ advice: Advice, result: ScenarioResult) -> [String] {
    guard advice.recommendation != .switchModel, let best = result.best, let figures = best.figures,
      best.plan.strategy == .prompting, best.plan.model != result.scenario.baseline.model
    else { return [] }
    let money = MoneyFormat(currency: result.currency)
    return [
      "the advice says \(advice.recommendation.rawValue), but \(best.name) saves \(money.total(figures.netBenefit)) over \(ScenarioReport.months(result.scenario.horizonMonths)) with no investment: evaluate it on your test set (module 20.5) before deciding"
    ]
  }

  /// The outcome at the leaf the walk reached.
  func leafOutcome(for advice: Advice) -> Outcome? {
    tree.outcomes.first { $0.recommendation == advice.recommendation && $0.summary == advice.summary }
  }

  func builder(_ answers: [String: String], volume: Decimal) -> ScenarioBuilder {
    let start = startDate(answers)
    var current = answers["current_model"].flatMap { try? catalog.model(named: $0) }
    // A model retired on the start date is priced as its successor, as a migration would.
    var hops = 0
    while let model = current, !model.serves(on: start, fineTuned: false), hops < 10 {
      current = model.successor.flatMap { try? catalog.model(named: $0) }
      hops += 1
    }
    let examples = answers["examples"].flatMap { Int64($0) }.map { max(1, $0) }
    return ScenarioBuilder(
      availability: ModelAvailability(catalog: catalog, date: start), shape: TokenShape(answers: answers),
      requestsPerMonth: volume, current: current, provider: answers["provider"],
      examples: examples ?? Int64(thresholds(answers).recommended))
  }

  /// True when the answers say cost drives the decision.
  func costMatters(_ answers: [String: String]) -> Bool {
    answers["problem"] == "cost" || answers["cost_critical"] == "yes"
  }

  /// True when the answers say latency drives the decision.
  func latencyMatters(_ answers: [String: String]) -> Bool {
    answers["problem"] == "latency" || answers["latency_critical"] == "yes"
  }

  /// The cheapest untuned model that serves through the horizon and costs less per request than
  /// the current model (any, when no current model is known).
  func cheaperModel(_ answers: [String: String]) -> (model: ModelPricing, costPerRequest: Decimal)? {
    let start = startDate(answers)
    let shape = TokenShape(answers: answers)
    let current = answers["current_model"].flatMap { try? catalog.model(named: $0) }
    let own = current.flatMap { shape.cost(on: $0, fineTuned: false, date: start) }
    let preferred = answers["provider"] ?? current?.provider
    return ModelAvailability(catalog: catalog, date: start).untuned(shape: shape, preferring: preferred).first {
      candidate in
      candidate.model.id != current?.id && own.map { candidate.costPerRequest < $0 } ?? true
    }
  }

  /// The market and the calendar before any number: a provider that cannot train on the start
  /// date, too few examples when cost or latency drives, and a current model cheaper than the
  /// fine-tuned candidate.
  func marketRevision(_ outcome: Outcome, answers: [String: String]) -> (revision: Revision, outcome: Outcome)? {
    let start = startDate(answers)
    let availability = ModelAvailability(catalog: catalog, date: start)
    let shape = TokenShape(answers: answers)
    let money = MoneyFormat()
    let cheaper = cheaperModel(answers)
    func revised(_ to: Outcome, _ reason: String, _ source: String) -> (Revision, Outcome) {
      (Revision(from: outcome.recommendation, to: to.recommendation, reason: reason, source: source), to)
    }
    switch outcome.recommendation {
    case .fineTuning, .distillation, .ragFineTuning:
      guard let provider = answers["provider"], let table = catalog.table(forProvider: provider) else { return nil }
      if !availability.canTrain(provider: provider) {
        var reason = "\(table.displayName) takes no new fine-tuning job on \(start) for any model in the pricing tables"
        if let closed = table.fineTuning?.newJobsUntil, closed < start {
          reason += " (its fine-tuning closed to new jobs on \(closed))"
        }
        let source = "pricing tables (lifecycle dates on \(start))"
        if outcome.recommendation == .ragFineTuning {
          return revised(DecisionTree.ragWithoutTraining, reason + " -> RAG, with the style in the prompt", source)
        }
        if latencyMatters(answers) {
          return revised(DecisionTree.latencyAdvice, reason + " -> cut latency without training", source)
        }
        if costMatters(answers), cheaper != nil {
          return revised(DecisionTree.switchForCost, reason + " -> a cheaper current model", source)
        }
        return revised(DecisionTree.noTrainingOnDate, reason + " -> stay with prompting", source)
      }
      guard outcome.recommendation != .ragFineTuning, costMatters(answers), let cheaper,
        let tuned = availability.trainable(provider: provider, shape: shape).first,
        cheaper.costPerRequest <= tuned.costPerRequest
      else { return nil }
      return revised(
        DecisionTree.switchForCost,
        "\(cheaper.model.id) costs \(money.unit(cheaper.costPerRequest)) a request untuned, no more than fine-tuned \(tuned.model.id) at \(money.unit(tuned.costPerRequest)) (\(shape.words)): try the cheaper current model first",
        "pricing tables on \(start); module 20.1 (fine-tune when cost is critical only if it is cheaper)")
    case .collectData:
      let thresholds = thresholds(answers)
      let have = answers["examples"] ?? "0"
      let why = "\(have) examples are fewer than the \(thresholds.minimum) needed to train (\(thresholds.basis))"
      if latencyMatters(answers) {
        return revised(
          DecisionTree.latencyAdvice, why + ", and latency matters -> cut it without training", "module 20.1")
      }
      if costMatters(answers), cheaper != nil {
        return revised(DecisionTree.switchForCost, why + ", and cost matters -> a cheaper current model", "module 20.1")
      }
      return nil
    case .prompting, .rag, .switchModel:
      return nil
    }
  }

  /// The engine's word on a training path: when it never pays back at the answered volume over
  /// the horizon (or cannot run), the advice leaves training.
  func volumeRevision(
    _ outcome: Outcome, built: AdviceScenario, result: ScenarioResult, answers: [String: String]
  ) -> (revision: Revision, outcome: Outcome)? {
    guard outcome.recommendation.trains, let name = built.trainingCandidate,
      let candidate = result.candidates.first(where: { $0.name == name })
    else { return nil }
    let money = MoneyFormat(currency: result.currency)
    let volume = MoneyFormat.count(result.scenario.workload.requestsPerMonth)
    let horizon = result.scenario.horizonMonths
    var reason: String
    if let figures = candidate.figures {
      guard figures.paybackMonths == nil || figures.netBenefit <= 0 else { return nil }
      let month1 = figures.monthlyCost.first ?? 0
      let stay = result.baseline.monthlyCost.first ?? 0
      reason =
        "at \(volume) requests a month, \(name) never pays back in \(horizon) months: one-time \(money.total(figures.investment)), \(money.total(month1)) in month 1 against \(money.total(stay)) staying, net \(money.total(figures.netBenefit))"
      if let hosting = candidate.model.fineTuning?.hostingPerHour, hosting > 0 {
        let monthly = hosting * 730
        reason +=
          "; \(candidate.model.providerDisplayName)'s hosting fee for a deployed fine-tuned model, \(money.price(hosting)) an hour (\(money.total(monthly)) a month), \(monthly >= stay ? "alone costs more than staying does" : "eats the savings")"
      }
      if let breakEven = figures.breakEvenRequestsPerMonth {
        reason += "; it breaks even at \(MoneyFormat.count(breakEven.rounded(scale: 0, .up))) requests a month"
      } else {
        reason += "; no volume makes it pay back"
      }
    } else {
      reason = "\(name) cannot run: \(candidate.status.reason ?? "infeasible")"
    }
    let source = "the engine on the answers' scenario (cost model: payback, break-even)"
    let to: Outcome
    if outcome.recommendation == .ragFineTuning {
      to = DecisionTree.ragWithoutTraining
    } else if costMatters(answers) || latencyMatters(answers),
      let switchName = built.switchCandidate,
      let figures = result.candidates.first(where: { $0.name == switchName })?.figures, figures.netBenefit > 0
    {
      to = latencyMatters(answers) ? DecisionTree.latencyAdvice : DecisionTree.switchForCost
    } else {
      to = DecisionTree.stayForVolume
    }
    return (Revision(from: outcome.recommendation, to: to.recommendation, reason: reason, source: source), to)
  }
}
