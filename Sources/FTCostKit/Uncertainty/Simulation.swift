import Dispatch
import Foundation

/// Monte Carlo over every uncertain input at once: the spread of each candidate's figures, how
/// often it pays back within the horizon, and how often it is the best plan.
public struct Simulation: Sendable {
  /// P10, P50 and P90 of one figure; `nil` where that share of samples never pays back.
  public struct Percentiles: Sendable, Equatable {
    public var p10: Decimal?
    public var p50: Decimal?
    public var p90: Decimal?
  }

  /// One candidate's spread.
  public struct CandidateSpread: Sendable {
    public var name: String
    public var netBenefit: Percentiles
    public var npv: Percentiles
    public var paybackMonths: Percentiles
    /// The share of samples in which it pays back within the horizon and ends it ahead (net
    /// benefit ≥ 0), so a plan with nothing to repay counts only where it saves.
    public var paysBackWithinHorizon: Decimal
    /// The share of samples in which it is the best plan (the largest positive net benefit
    /// among those that pay back).
    public var best: Decimal
  }

  public var samples: Int
  public var seed: UInt64
  public var candidates: [CandidateSpread]
  /// The share of samples in which no candidate pays back: staying is best.
  public var stayIsBest: Decimal

  /// One sample's figures per candidate in binary floating point (for ranking and counting),
  /// and which candidate was best.
  struct Outcome: Sendable {
    var figures: [FastEvaluation.Figures?]
    var best: Int?
  }

  /// Draws `samples` sets of values from `seed` and prices each, on `workers` threads.
  ///
  /// Sample i draws from its own stream of `seed`, so the result does not depend on `workers`.
  /// Samples are ranked and counted by a binary floating-point evaluation of the planned
  /// scenario; each P10, P50 and P90 shown is its sample priced again by the decimal engine.
  public static func run(
    _ scenario: UncertainScenario, samples: Int, seed: UInt64,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws(UncertaintyError) -> Simulation {
    guard samples > 0 else { throw .sample("a simulation needs at least one sample") }
    let names = scenario.base.candidates.map(\.name)
    let store = SampleStore<Outcome>(count: samples)
    let chunks = max(1, min(workers, samples))
    let planner = SamplePlanner(scenario)
    let samplers = scenario.inputs.map(UncertainInput.Sampler.init)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var outcomes: [(Int, Outcome)] = []
      var workspace = planner.workspace()
      var index = chunk
      while index < samples {
        do throws(UncertaintyError) {
          let figures = try planner.figures(values(samplers, seed: seed, sample: index), in: &workspace)
          outcomes.append((index, Outcome(figures: figures, best: best(figures))))
        } catch {
          store.fail(index, error)
          return
        }
        index += chunks
      }
      store.put(outcomes)
    }
    if let failure = store.firstFailure { throw failure }
    let outcomes = store.values
    let count = Decimal(samples)
    let horizon = Double(scenario.base.scenario.horizonMonths)
    // The samples at P10, P50 and P90 of each candidate's figures, ranked in Double...
    let metrics: [OutcomeMetric] = [.netBenefit, .npv, .paybackMonths]
    let chosen = names.indices.map { position in
      metrics.map { metric in
        percentileSamples(outcomes.map { $0.figures[position].flatMap(metric.value) })
      }
    }
    // ...then priced again, exactly, by the decimal engine (on every core), each for the
    // candidates it was chosen for.
    let pairs = Set(
      names.indices.flatMap { position in
        chosen[position].flatMap { $0 }.map { SamplePick(sample: $0, candidate: position) }
      }
    ).sorted()
    let slots = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1, $0) })
    let exact = SampleStore<CandidateFigures>(count: pairs.count)
    let exactWorkers = max(1, min(workers, pairs.count))
    DispatchQueue.concurrentPerform(iterations: exactWorkers) { worker in
      var workspace = planner.workspace()
      for slot in stride(from: worker, to: pairs.count, by: exactWorkers) {
        let pick = pairs[slot]
        let values = values(samplers, seed: seed, sample: pick.sample)
        do throws(UncertaintyError) {
          let planned = try planner.planned(values, in: &workspace)
          let name = names[pick.candidate]
          let result = ScenarioEngine.evaluate(
            planned, months: PlannedMonths(planned, through: planned.scenario.horizonMonths, only: name), only: name,
            breakEven: false)
          if let reason = result.unrepresentable {
            throw scenario.sampleFailure(values, ScenarioError.notRepresentable(file: scenario.file, reason: reason))
          }
          if let figures = result.candidates.first?.figures { exact.put([(slot, figures)]) }
        } catch {
          exact.fail(pick.sample, error)
        }
      }
    }
    if let failure = exact.firstFailure { throw failure }
    func spread(_ position: Int, _ metric: Int) -> Percentiles {
      let picked = chosen[position][metric].map { sample in
        metrics[metric].value(slots[SamplePick(sample: sample, candidate: position)].flatMap(exact.value))
      }
      return Percentiles(p10: picked[0], p50: picked[1], p90: picked[2])
    }
    var spreads: [CandidateSpread] = []
    for position in names.indices {
      let ahead = outcomes.filter { outcome in
        guard let figures = outcome.figures[position], let payback = figures.paybackMonths else { return false }
        return payback <= horizon && figures.netBenefit >= 0
      }
      spreads.append(
        CandidateSpread(
          name: names[position], netBenefit: spread(position, 0), npv: spread(position, 1),
          paybackMonths: spread(position, 2), paysBackWithinHorizon: Decimal(ahead.count) / count,
          best: Decimal(outcomes.filter { $0.best == position }.count) / count))
    }
    return Simulation(
      samples: samples, seed: seed, candidates: spreads,
      stayIsBest: Decimal(outcomes.filter { $0.best == nil }.count) / count)
  }

  /// A sample chosen for one candidate's percentile, priced again exactly for that candidate.
  struct SamplePick: Hashable, Comparable {
    var sample: Int
    var candidate: Int

    static func < (a: SamplePick, b: SamplePick) -> Bool {
      (a.sample, a.candidate) < (b.sample, b.candidate)
    }
  }

  /// Sample `sample`'s values, drawn from its own stream of `seed`.
  static func values(_ inputs: [UncertainInput.Sampler], seed: UInt64, sample: Int) -> [Decimal] {
    var generator = SplitMix64(seed: seed, stream: sample)
    return inputs.map { $0.value(at: generator.unitInterval()) }
  }

  /// The best candidate as the verdict picks it: the largest positive net benefit of those that
  /// pay back.
  static func best(_ figures: [FastEvaluation.Figures?]) -> Int? {
    var best: Int?
    for (index, figure) in figures.enumerated() {
      guard let figure, figure.netBenefit > 0, figure.paybackMonths != nil else { continue }
      if let current = best, let leader = figures[current], leader.netBenefit >= figure.netBenefit { continue }
      best = index
    }
    return best
  }

  /// Sample indexes from the smallest figure to the largest, `nil` (never, cannot run) last; ties
  /// in sample order.
  static func rankedSamples(_ values: [Double?]) -> [Int] {
    values.indices.sorted { a, b in
      switch (values[a], values[b]) {
      case (let x?, let y?): return x != y ? x < y : a < b
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a < b
      }
    }
  }

  /// The samples at P10, P50 and P90 by the nearest-rank method (the ⌈p·N⌉-th smallest), so
  /// each shown figure is one a sample had; `nil` (never, or cannot run) ranks above every number.
  static func percentileSamples(_ values: [Double?]) -> [Int] {
    let ranked = rankedSamples(values)
    guard !ranked.isEmpty else { return [] }
    return [10, 50, 90].map { ranked[max(0, min(ranked.count - 1, ($0 * ranked.count + 99) / 100 - 1))] }
  }
}

/// Where worker threads leave what they computed for each slot, and each sample's failure.
final class SampleStore<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]
  private var failures: [(Int, UncertaintyError)] = []

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func put(_ values: [(Int, Value)]) {
    lock.lock()
    defer { lock.unlock() }
    for (slot, value) in values { slots[slot] = value }
  }

  func fail(_ sample: Int, _ error: UncertaintyError) {
    lock.lock()
    defer { lock.unlock() }
    failures.append((sample, error))
  }

  func value(_ slot: Int) -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return slot < slots.count ? slots[slot] : nil
  }

  /// Every value put, in slot order.
  var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }

  /// The failure of the lowest-numbered sample, so the error is the same on every run.
  var firstFailure: UncertaintyError? {
    lock.lock()
    defer { lock.unlock() }
    return failures.min { $0.0 < $1.0 }?.1
  }
}
