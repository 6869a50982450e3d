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

  /// One sample's figures per candidate, and which candidate was best.
  struct Outcome: Sendable {
    var netBenefit: [Decimal?]
    var npv: [Decimal?]
    var payback: [Decimal?]
    var best: Int?
  }

  /// Draws `samples` sets of values from `seed` and prices each, on `workers` threads.
  ///
  /// Sample i draws from its own stream of `seed`, so the result does not depend on `workers`.
  public static func run(
    _ scenario: UncertainScenario, samples: Int, seed: UInt64,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws(UncertaintyError) -> Simulation {
    guard samples > 0 else { throw .sample("a simulation needs at least one sample") }
    let names = scenario.base.candidates.map(\.name)
    let store = OutcomeStore(count: samples)
    let chunks = max(1, min(workers, samples))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var outcomes: [(Int, Outcome)] = []
      var index = chunk
      while index < samples {
        var generator = SplitMix64(seed: seed, stream: index)
        let values = scenario.inputs.map { $0.value(at: generator.unitInterval()) }
        do throws(UncertaintyError) {
          let result = try scenario.result(values)
          let figures = names.map { name in result.candidates.first { $0.name == name }?.figures }
          let best = result.best.flatMap { best in names.firstIndex(of: best.name) }
          outcomes.append(
            (
              index,
              Outcome(
                netBenefit: figures.map { $0?.netBenefit }, npv: figures.map { $0?.npv },
                payback: figures.map { $0?.paybackMonths }, best: best)
            ))
        } catch {
          store.fail(index, error)
          return
        }
        index += chunks
      }
      store.put(outcomes)
    }
    if let failure = store.firstFailure { throw failure }
    let outcomes = store.outcomes
    let count = Decimal(samples)
    let horizon = Decimal(scenario.base.scenario.horizonMonths)
    let spreads = names.indices.map { position -> CandidateSpread in
      let paybacks = outcomes.map { $0.payback[position] }
      let ahead = outcomes.filter { outcome in
        guard let payback = outcome.payback[position], let net = outcome.netBenefit[position] else { return false }
        return payback <= horizon && net >= 0
      }
      return CandidateSpread(
        name: names[position],
        netBenefit: percentiles(outcomes.map { $0.netBenefit[position] }),
        npv: percentiles(outcomes.map { $0.npv[position] }),
        paybackMonths: percentiles(paybacks),
        paysBackWithinHorizon: Decimal(ahead.count) / count,
        best: Decimal(outcomes.filter { $0.best == position }.count) / count)
    }
    return Simulation(
      samples: samples, seed: seed, candidates: spreads,
      stayIsBest: Decimal(outcomes.filter { $0.best == nil }.count) / count)
  }

  /// P10, P50 and P90 by the nearest-rank method (the ⌈p·N⌉-th smallest sample), so each is a
  /// figure some sample had; `nil` (never, or cannot run) ranks above every number.
  static func percentiles(_ values: [Decimal?]) -> Percentiles {
    let sorted = values.sorted { a, b in
      switch (a, b) {
      case (let x?, let y?): return x < y
      case (.some, nil): return true
      case (nil, _): return false
      }
    }
    func rank(_ percent: Int) -> Decimal? {
      guard !sorted.isEmpty else { return nil }
      let position = (percent * sorted.count + 99) / 100
      return sorted[max(0, min(sorted.count - 1, position - 1))]
    }
    return Percentiles(p10: rank(10), p50: rank(50), p90: rank(90))
  }
}

/// Where worker threads leave their samples' outcomes (and the first failure, by sample index).
final class OutcomeStore: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Simulation.Outcome?]
  private var failures: [(Int, UncertaintyError)] = []

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func put(_ outcomes: [(Int, Simulation.Outcome)]) {
    lock.lock()
    defer { lock.unlock() }
    for (index, outcome) in outcomes { slots[index] = outcome }
  }

  func fail(_ index: Int, _ error: UncertaintyError) {
    lock.lock()
    defer { lock.unlock() }
    failures.append((index, error))
  }

  /// The failure of the lowest-numbered sample, so the error is the same on every run.
  var firstFailure: UncertaintyError? {
    lock.lock()
    defer { lock.unlock() }
    return failures.min { $0.0 < $1.0 }?.1
  }

  var outcomes: [Simulation.Outcome] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
