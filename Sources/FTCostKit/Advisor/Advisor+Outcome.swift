import Foundation

/// Where the advice cites a scenario file.
public struct AdviceFiles: Sendable, Equatable {
  /// The `--scenario` file the user gave.
  public var scenario: String?
  /// The file `--emit-scenario` writes.
  public var emitted: String?

  public init(scenario: String? = nil, emitted: String? = nil) {
    self.scenario = scenario
    self.emitted = emitted
  }

  /// The file next steps name: the user's, else the emitted one, else a name to emit to.
  var cited: String { scenario ?? emitted ?? "advice-scenario.json" }
}

extension Advisor {
  /// The start date the answers give, else today.
  public func startDate(_ answers: [String: String]) -> ISODate {
    answers["start_date"].flatMap(ISODate.init) ?? today
  }

  /// The advice for an outcome, its next steps filled in from the answers and the catalog.
  func advice(_ outcome: Outcome, path: [PathStep], answers: [String: String]) -> Advice {
    var advice = Advice(
      recommendation: outcome.recommendation, summary: outcome.summary, path: path, nextSteps: [],
      caveats: [], costs: nil, conflicts: [])
    advice.startDate = startDate(answers)
    fill(&advice, from: outcome, answers: answers, files: AdviceFiles())
    return advice
  }

  /// Sets the summary, next steps and caveats of `advice` from `outcome`, naming only models open
  /// on the start date and the scenario file in `files`.
  func fill(_ advice: inout Advice, from outcome: Outcome, answers: [String: String], files: AdviceFiles) {
    let start = startDate(answers)
    let availability = ModelAvailability(catalog: catalog, date: start)
    let shape = TokenShape(answers: answers)
    let thresholds = thresholds(answers)
    let have = answers["examples"].flatMap { Int($0) } ?? 0
    let provider = answers["provider"]
    let trainModel = provider.flatMap { availability.trainable(provider: $0, shape: shape).first?.model.id }
    let current = answers["current_model"].flatMap { try? catalog.model(named: $0) }
    let cheaper = availability.untuned(shape: shape, preferring: provider ?? current?.provider).filter { candidate in
      guard let current, let own = shape.cost(on: current, fineTuned: false, date: start) else { return true }
      return candidate.costPerRequest < own && candidate.model.id != current.id
    }.prefix(3)
    let money = MoneyFormat()
    let switchModels = cheaper.map { "\($0.model.id) (\(money.unit($0.costPerRequest)) a request)" }
      .joined(separator: ", ")
    let task = answers["task"] ?? TrainingTask.forProblem(answers["problem"])?.rawValue
    var steps: [String] = []
    for template in outcome.nextSteps {
      if template.contains("{train_model}") && trainModel == nil { continue }
      if template.contains("{switch_models}") && switchModels.isEmpty { continue }
      steps.append(
        template.replacingOccurrences(of: "{more}", with: String(max(0, thresholds.minimum - have)))
          .replacingOccurrences(of: "{target}", with: String(thresholds.minimum))
          .replacingOccurrences(of: "{recommended}", with: MoneyFormat.grouped(Decimal(thresholds.recommended)))
          .replacingOccurrences(of: "{task}", with: task.map { " --task \($0)" } ?? "")
          .replacingOccurrences(of: "{train_model}", with: trainModel ?? "")
          .replacingOccurrences(of: "{switch_models}", with: switchModels)
          .replacingOccurrences(of: "{scenario}", with: files.cited)
          .replacingOccurrences(of: "{start}", with: start.description))
    }
    var caveats = outcome.caveats
    if outcome.recommendation == .collectData {
      caveats.append(
        "At least \(thresholds.minimum) examples here (\(thresholds.basis)); aim for \(MoneyFormat.grouped(Decimal(thresholds.recommended))). `ftcost dataset inspect --task` judges a file by the same table."
      )
    }
    if outcome.recommendation.trains {
      steps.append(
        "fine-tuning open to new jobs on \(start): " + availability.trainingMarket(shape: shape).joined(separator: "; ")
      )
      if let open = availability.openWeights.first, let figures = open.selfHosting {
        steps.append(
          "price the path no provider can close: LoRA on rented GPUs (`ftcost train --model \(open.id) --gpu \(figures.gpu) --training-tokens N`) and serving there (a candidate with a hosting object in \(files.cited))"
        )
      }
      let tables = provider.flatMap { catalog.table(forProvider: $0) }.map { [$0] } ?? []
      for table in tables {
        guard let closes = table.fineTuning?.newJobsUntil else { continue }
        if closes < start {
          caveats.append(
            "\(table.displayName) fine-tuning closed to new jobs on \(closes): train elsewhere (see the next steps).")
        } else {
          caveats.append(
            "\(table.displayName) fine-tuning closes to new jobs on \(closes): train before then, and plan where retraining will run."
          )
        }
      }
    }
    if files.scenario == nil && files.emitted == nil && advice.builtScenario != nil {
      steps.append("write the scenario behind these numbers and refine it: add --emit-scenario \(files.cited)")
    }
    advice.recommendation = outcome.recommendation
    advice.summary = outcome.summary
    advice.nextSteps = steps
    advice.caveats = caveats
  }
}
