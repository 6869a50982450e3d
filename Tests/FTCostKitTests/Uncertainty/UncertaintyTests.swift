import Foundation
import Testing

@testable import FTCostKit

/// The example with uncertain inputs, parsed with the shipped tables.
func uncertainExample(varies: [String] = [], overrides: [ScenarioOverride] = []) throws -> UncertainScenario {
  let (root, _, file) = try ScenarioLoader.loadTree(
    file: repositoryRoot.appendingPathComponent("examples/support-assistant-uncertain.json").path,
    overrides: overrides, horizon: nil)
  let catalog = try shippedCatalog()
  let inputs = try UncertaintyParser.inputs(root: root, file: file, varies: varies, catalog: catalog)
  return try UncertainScenario(root: root, file: file, catalog: catalog, today: testToday, inputs: inputs)
}

/// The example with every range narrowed to its value as written.
func zeroWidthExample() throws -> UncertainScenario {
  var scenario = try uncertainExample()
  scenario.inputs = scenario.inputs.map { input in
    var fixed = input
    fixed.distribution = .triangular(low: input.base, mode: input.base, high: input.base)
    return fixed
  }
  return scenario
}

@Suite struct UncertaintyTests {
  static let tuned = "LoRA Qwen3-8B on Fireworks H100s"

  @Test func theExampleReadsSixInputsWithTheirValues() throws {
    let scenario = try uncertainExample()
    #expect(
      scenario.inputs.map(\.path) == [
        "workload.requests_per_month", "workload.monthly_growth", "candidates[2].examples",
        "candidates[1].success_rate", "candidates[3].success_rate", "prices.h100-80gb-fireworks.gpu_per_hour",
      ])
    #expect(
      scenario.inputs.map(\.base) == [
        2_000_000, Decimal(string: "0.02")!, 2000, Decimal(string: "0.95")!,
        Decimal(string: "0.96")!, Decimal(string: "5.8")!,
      ])
    #expect(scenario.inputs[2].isCount)
    #expect(scenario.inputs[0].distribution == .lognormal(low: 500_000, high: 5_000_000))
  }

  /// With every range of zero width, every sample is the scenario as written: P10 = P50 = P90 =
  /// the compare figure, exactly, and no input swings the figure.
  @Test func zeroWidthRangesGiveTheCompareFigures() throws {
    let scenario = try zeroWidthExample()
    let simulation = try Simulation.run(scenario, samples: 40, seed: 7)
    for (spread, candidate) in zip(simulation.candidates, scenario.base.candidates) {
      let figures = try #require(candidate.figures)
      #expect(spread.netBenefit == .init(p10: figures.netBenefit, p50: figures.netBenefit, p90: figures.netBenefit))
      #expect(spread.npv == .init(p10: figures.npv, p50: figures.npv, p90: figures.npv))
      #expect(
        spread.paybackMonths
          == .init(p10: figures.paybackMonths, p50: figures.paybackMonths, p90: figures.paybackMonths))
    }
    let tornado = try Sensitivity.run(scenario, candidate: Self.tuned, metric: .netBenefit)
    #expect(tornado.bars.count == 6)
    #expect(tornado.bars.allSatisfy { $0.swing == 0 })
  }

  /// The tornado's low end is exactly `compare --set workload.requests_per_month=LOW`.
  @Test func theLowEndIsTheScenarioSetToLow() throws {
    let scenario = try uncertainExample(varies: [])
    var volumeOnly = scenario
    volumeOnly.inputs = [scenario.inputs[0]]
    let tornado = try Sensitivity.run(volumeOnly, candidate: Self.tuned, metric: .netBenefit)
    let (set, _, _) = try ScenarioLoader.load(
      file: repositoryRoot.appendingPathComponent("examples/support-assistant-uncertain.json").path,
      overrides: [ScenarioOverride(path: "workload.requests_per_month", value: "500000")], horizon: nil)
    let compared = try ScenarioEngine.run(set, catalog: shippedCatalog(), today: testToday)
    let figures = try #require(compared.candidates.first { $0.name == Self.tuned }?.figures)
    #expect(tornado.bars[0].atLow == figures.netBenefit)
    // The volume alone breaks even where the engine's break-even volume says.
    let breakEven = try #require(tornado.bars[0].breakEven)
    let (written, _, _) = try ScenarioLoader.load(
      file: repositoryRoot.appendingPathComponent("examples/support-assistant-uncertain.json").path, overrides: [],
      horizon: nil)
    let engine = try #require(
      try ScenarioEngine.run(written, catalog: shippedCatalog(), today: testToday).candidates
        .first { $0.name == Self.tuned }?.figures?.breakEvenRequestsPerMonth)
    #expect(abs(breakEven - engine) < 5)
  }

  /// A seed gives the same figures on every run and for any number of threads; another seed
  /// gives others.
  @Test func aSeedRepeatsExactly() throws {
    let scenario = try uncertainExample()
    let one = try Simulation.run(scenario, samples: 30, seed: 42, workers: 1)
    let two = try Simulation.run(scenario, samples: 30, seed: 42, workers: 2)
    let other = try Simulation.run(scenario, samples: 30, seed: 43, workers: 2)
    let text = { (run: Simulation) in run.json(scenario: "s", inputs: scenario.inputs).rendered() }
    #expect(text(one) == text(two))
    #expect(text(one) != text(other))
    let shares = one.candidates.map(\.best).reduce(one.stayIsBest, +)
    // Each share is a count over 30, so the sum is 1 to Decimal's 38 digits.
    #expect(abs(shares - 1) < Decimal(string: "1e-30")!)
  }

  /// The samples the simulation prices for P10, P50 and P90: nearest rank, never ranked last.
  @Test func percentilesAreSampleFiguresAndNeverRanksLast() {
    let values: [Double?] = [5, nil, 1, 4, 2, 3, nil, 6, 7, 8]
    let picked = Simulation.percentileSamples(values).map { values[$0] }
    #expect(picked == [1, 5, nil])
    #expect(Simulation.percentileSamples([3]) == [0, 0, 0])
    #expect(Simulation.percentileSamples([]).isEmpty)
  }

  @Test func drawsStayInRangeAndCountsAreWhole() {
    let input = UncertainInput(
      path: "candidates[0].examples", base: 2000, distribution: .triangular(low: 1000, mode: 2000, high: 5000),
      isCount: true)
    var generator = SplitMix64(seed: 3)
    for _ in 0..<500 {
      let value = input.value(at: generator.unitInterval())
      #expect(value >= 1000 && value <= 5000)
      #expect(value == value.rounded(scale: 0, rule: .halfAwayFromZero))
    }
    let lognormal = InputDistribution.lognormal(low: 100, high: 400)
    // P10 and P90 of the lognormal are its low and high.
    #expect(abs(lognormal.value(at: 0.1) - 100) < Decimal(string: "0.001")!)
    #expect(abs(lognormal.value(at: 0.9) - 400) < Decimal(string: "0.001")!)
    #expect(abs(lognormal.value(at: 0.5) - 200) < Decimal(string: "0.001")!)
  }

  @Test(arguments: [
    ("workload.request_per_month=1..2", "does not exist in the scenario"),
    ("workload.requests_per_month=3000000..4000000", "excludes the scenario's value 2000000"),
    ("workload.requests_per_month=9..1", "low 9 is above high 1"),
    ("workload.requests_per_month", "expected PATH=LOW..HIGH"),
    ("prices.no-such-model.inference.input=1..2", "no-such-model"),
    ("prices.gpt-6-luna.fine_tuning.training=1..2", "has no price at 'fine_tuning.training'"),
    ("candidates[9].examples=1..2", "has 4 entries"),
    // A plan's system tokens left out are the workload's, not 0: the range needs a written value.
    ("candidates[1].system_tokens=0..700", "the scenario does not set 'candidates[1].system_tokens'"),
    ("horizon_months=12..36", "horizon_months cannot take a range"),
    ("prices.gemini-3.8-flash.inference.output=3..4", "changes on 2027-01-01 in the tables"),
    ("candidates[2].examples=1500.5..3000", "is a count: give whole numbers"),
    ("candidates[1].success_rate=0.9..1.2", "1.2 is not a value 'candidates[1].success_rate' can take"),
  ])
  func badRangesAreClearErrors(vary: String, message: String) throws {
    do {
      _ = try uncertainExample(varies: [vary])
      Issue.record("accepted \(vary)")
    } catch let error as UncertaintyError {
      #expect(error.description.hasPrefix("--vary '\(vary)': "), "\(error)")
      #expect(error.description.contains(message), "\(error)")
    }
  }

  @Test func lognormalIsRefusedOnABoundedValue() throws {
    let text = """
      {"name": "u", "workload": {"requests_per_month": 1000, "user_tokens": 10, "output_tokens": 10},
       "baseline": {"name": "b", "strategy": "prompting", "model": "gpt-6.1-terra"},
       "candidates": [{"name": "c", "strategy": "prompting", "model": "gpt-6-luna", "success_rate": 0.9}],
       "uncertainty": {"candidates[0].success_rate": {"low": 0.8, "high": 0.95, "distribution": "lognormal"}}}
      """
    let root = try JSONParser.parse(Array(text.utf8))
    #expect(throws: UncertaintyError.self) {
      try UncertaintyParser.inputs(root: root, file: "u.json", varies: [], catalog: shippedCatalog())
    }
  }

  /// Uniform draws are strictly inside (0, 1), even for the largest and smallest raw values.
  @Test func unitIntervalNeverReachesItsEnds() {
    var generator = SplitMix64(seed: 0)
    for _ in 0..<10_000 {
      let u = generator.unitInterval()
      #expect(u > 0 && u < 1)
    }
    #expect((Double(UInt64.max >> 12) + 0.5) * 0x1p-52 < 1)
    #expect((Double(UInt64(0) >> 12) + 0.5) * 0x1p-52 > 0)
  }

  @Test func aFileRangeProblemNamesItsLine() throws {
    let text = """
      {"name": "u", "workload": {"requests_per_month": 1000, "user_tokens": 10, "output_tokens": 10},
       "baseline": {"name": "b", "strategy": "prompting", "model": "gpt-6.1-terra"},
       "candidates": [{"name": "c", "strategy": "prompting", "model": "gpt-6-luna"}],
       "uncertainty": {"workload.requests_per_month": {"low": 10, "hihg": 20}}}
      """
    let root = try JSONParser.parse(Array(text.utf8))
    do {
      _ = try UncertaintyParser.inputs(root: root, file: "u.json", varies: [], catalog: shippedCatalog())
      Issue.record("accepted a misspelt key")
    } catch let error as UncertaintyError {
      #expect(
        error.description
          == "u.json:4:61: field 'uncertainty.workload.requests_per_month': unknown key 'hihg'; a range takes low, high, distribution. Did you mean 'high'?"
      )
    }
  }

  /// An uncertain price changes the figures as an overlay would.
  @Test func aDearerGPUCostsMore() throws {
    let scenario = try uncertainExample()
    var values = scenario.baseValues
    values[5] = 8
    let dearer = try scenario.result(values).candidates.first { $0.name == Self.tuned }?.figures?.netBenefit
    let base = scenario.base.candidates.first { $0.name == Self.tuned }?.figures?.netBenefit
    #expect(try #require(dearer) < #require(base))
  }
}
