import Foundation

/// Plans a simulation's samples without decoding the scenario again: each drawn value is written
/// into the decoded scenario (or the catalog, for a price), and only the plans a sampled input can
/// change are priced and scheduled again; the others keep the scenario's own plan.
///
/// A sample gives the figures `UncertainScenario.planned` would give (a test holds the two
/// routes together). Every sample goes the decoding route when an input has no direct field.
///
/// Values are written only where decoding is known to accept them. Decoding checks each numeric
/// field against bounds (a share at most 1, a count whole and within its limit), so the values a
/// field accepts, the others fixed, form an interval: every value between two accepted ones is
/// accepted. Both ends of each range were accepted when it was read; a draw beyond them (a
/// lognormal tail) is decoded once to check it, which widens the known interval, and a draw
/// decoding refuses goes the decoding route and fails as it would there.
struct SamplePlanner: Sendable {
  let scenario: UncertainScenario
  /// The scenario as written, planned.
  let base: PlannedScenario
  /// `base`'s schedules converted once, for the plans a sample keeps.
  let baseEvaluation: FastEvaluation
  /// Where each input's value goes: a field of the decoded scenario, or a price.
  let targets: [Target]
  /// True when a sampled input reaches the baseline or the whole workload: every plan is planned again.
  let replansAll: Bool
  /// The candidates planned again for each sample when `replansAll` is false.
  let replanned: Set<Int>
  /// False when some input can only be set through the scenario's JSON.
  let direct: Bool

  enum Target: Sendable {
    case field(ScenarioField)
    case price(PricePath)
    /// A path only the JSON route can set.
    case json
  }

  init(_ scenario: UncertainScenario) {
    self.scenario = scenario
    base = scenario.base.planned
    baseEvaluation = FastEvaluation(planned: base).workingOutMonths()
    var targets: [Target] = []
    var replansAll = false
    var replanned = Set<Int>()
    for input in scenario.inputs {
      if let price = PricePath(input.path) {
        targets.append(.price(price))
        let id = (try? scenario.catalog.model(named: price.model))?.id
        if base.baselineCost.modelsUsed.contains(where: { $0.id == id })
          || base.baselineSchedule.uses.contains(where: { $0.model.id == id })
        {
          replansAll = true
        }
        for (position, candidate) in base.candidates.enumerated() {
          switch candidate {
          case .scheduled(let schedule, let cost):
            if cost.modelsUsed.contains(where: { $0.id == id }) || schedule.uses.contains(where: { $0.model.id == id })
            {
              replanned.insert(position)
            }
          case .infeasible:
            replanned.insert(position)
          }
        }
      } else if let field = ScenarioField(path: input.path, in: base.scenario) {
        targets.append(.field(field))
        switch field.part {
        case .volume:
          if PlanPricer.readsVolume(base.scenario.baseline) { replansAll = true }
          for (position, plan) in base.scenario.candidates.enumerated() where PlanPricer.readsVolume(plan) {
            replanned.insert(position)
          }
        case .evaluationOnly:
          break
        case .workload, .baseline:
          replansAll = true
        case .candidate(let position):
          replanned.insert(position)
        }
      } else {
        targets.append(.json)
      }
    }
    self.targets = targets
    self.replansAll = replansAll
    self.replanned = replanned
    direct = !targets.contains { if case .json = $0 { return true } else { return false } }
  }

  /// What one worker thread keeps between samples: its own catalog, whose sampled prices each
  /// sample overwrites, and the values each input is known to accept.
  struct Workspace {
    var catalog: PricingCatalog
    /// For each input, an interval of values decoding accepts.
    var accepted: [ClosedRange<Decimal>]
  }

  /// A workspace for one worker.
  func workspace() -> Workspace {
    Workspace(catalog: scenario.catalog, accepted: scenario.inputs.map { $0.distribution.low...$0.distribution.high })
  }

  /// Each candidate's figures in binary floating point for `values`.
  func figures(_ values: [Decimal], in workspace: inout Workspace) throws(UncertaintyError) -> [FastEvaluation.Figures?]
  {
    let (planned, replanned) = try plan(values, in: &workspace)
    guard let replanned else { return FastEvaluation(planned: planned).figures() }
    return FastEvaluation(planned: planned, reusing: baseEvaluation, except: replanned).figures()
  }

  /// The scenario planned for `values`, as `UncertainScenario.planned` plans it.
  func planned(_ values: [Decimal], in workspace: inout Workspace) throws(UncertaintyError) -> PlannedScenario {
    try plan(values, in: &workspace).planned
  }

  /// The planned scenario, and the candidates planned again when the others are `base`'s (`nil`
  /// when every plan was planned again).
  private func plan(
    _ values: [Decimal], in workspace: inout Workspace
  ) throws(UncertaintyError) -> (planned: PlannedScenario, replanned: Set<Int>?) {
    guard direct, values.indices.allSatisfy({ accepts(values[$0], at: $0, &workspace) }) else {
      return (try scenario.planned(values), nil)
    }
    var decoded = base.scenario
    for (target, value) in zip(targets, values) {
      switch target {
      case .field(let field): field.apply(value, to: &decoded)
      case .price(let price):
        guard workspace.catalog.set(price: value, of: price.model, at: price.field) else {
          throw .sample("\(price.model) has no price at \(price.field)")
        }
      case .json: break
      }
    }
    do {
      if replansAll {
        let planned = try ScenarioEngine.plan(
          decoded, catalog: workspace.catalog, today: scenario.today, file: scenario.file)
        return (planned, nil)
      }
      let planned = try ScenarioEngine.replan(
        base, scenario: decoded, catalog: workspace.catalog, candidates: replanned, file: scenario.file)
      return (planned, replanned)
    } catch {
      throw scenario.sampleFailure(values, error)
    }
  }

  /// True when decoding accepts `value` at input `position` (the others as written); a value
  /// beyond the known interval is decoded once, and widens it when accepted.
  private func accepts(_ value: Decimal, at position: Int, _ workspace: inout Workspace) -> Bool {
    // Triangular and uniform draws are held between the range's ends, which were accepted.
    guard case .lognormal = scenario.inputs[position].distribution else { return true }
    let known = workspace.accepted[position]
    if known.contains(value) { return true }
    let input = scenario.inputs[position]
    // A price takes any value, as the decoding route sets it without checks.
    if input.isPrice { return true }
    guard let root = try? ScenarioOverride(path: input.path, value: value.description).apply(to: scenario.root),
      Scenario.decode(root, file: scenario.file).scenario != nil
    else { return false }
    workspace.accepted[position] = min(known.lowerBound, value)...max(known.upperBound, value)
    return true
  }
}
