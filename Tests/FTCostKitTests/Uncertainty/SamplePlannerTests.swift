import Foundation
import Testing

@testable import FTCostKit

/// The simulation's fast route (values written into the decoded scenario, only touched plans
/// planned again) must give what `--set` and decoding give.
@Suite struct SamplePlannerTests {
  static let examples = [
    "azure-hosted-fine-tune.json", "growing-workload-quarterly-retraining.json", "module-20-distillation-now.json",
    "module-20-distillation.json", "self-hosted-qwen-vs-api.json", "support-assistant-uncertain.json",
    "support-assistant.json",
  ]

  /// Every path the field table knows, for a scenario with `candidates` candidates.
  static func knownPaths(candidates: Int) -> [String] {
    let planKeys =
      Array(ScenarioField.commonPlanFields.keys) + Array(ScenarioField.retrievalFields.keys)
      + Array(ScenarioField.trainingFields.keys) + Array(ScenarioField.teacherFields.keys)
      + ScenarioField.hostingFields.keys.map { "hosting.\($0)" }
      + ScenarioField.evaluationFields.keys.map { "evaluation.\($0)" }
    let plans = ["baseline"] + (0..<candidates).map { "candidates[\($0)]" }
    return ["discount_rate_annual"] + ScenarioField.workloadFields.keys.map { "workload.\($0)" }
      + plans.flatMap { plan in planKeys.map { "\(plan).\($0)" } }
  }

  /// Writing a value straight into the decoded scenario gives the scenario `--set` and decoding
  /// give, for every field of every example that decoding accepts the value at.
  @Test func everyFieldWritesWhatDecodingReads() throws {
    var trees: [(String, JSONNode, String)] = []
    for example in Self.examples {
      let (root, _, file) = try ScenarioLoader.loadTree(
        file: repositoryRoot.appendingPathComponent("examples/\(example)").path, overrides: [], horizon: nil)
      trees.append((example, root, file))
    }
    // `--set` changes only hosting fields a scenario writes, so one example writes them all.
    let text = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/support-assistant-uncertain.json"), encoding: .utf8)
    let hosted = text.replacingOccurrences(
      of: "\"min_replicas\": 1,",
      with:
        "\"min_replicas\": 1, \"gpus_per_replica\": 1, \"input_tokens_per_second\": 9000, \"output_tokens_per_second\": 900,"
    )
    trees.append(("hosting written out", try JSONParser.parse(Array(hosted.utf8)), "hosted.json"))
    var written = Set<String>()
    for (example, root, file) in trees {
      let scenario = try #require(Scenario.decode(root, file: file).scenario)
      for path in Self.knownPaths(candidates: scenario.candidates.count) {
        for text in ["0", "1", "0.5", "3", "250", "0.125"] {
          // A path `--set` refuses cannot take a range either, so its field is never used.
          guard let changed = try? ScenarioOverride(path: path, value: text).apply(to: root),
            let decoded = Scenario.decode(changed, file: file).scenario
          else { continue }
          let field = try #require(ScenarioField(path: path, in: scenario), "\(example) \(path) has no field")
          var direct = scenario
          field.apply(try DecimalParser.parse(text), to: &direct)
          #expect(direct == decoded, "\(example) \(path)=\(text)")
          written.insert(String(path.split(separator: ".").last ?? ""))
        }
      }
    }
    let tables: [[String]] = [
      Array(ScenarioField.workloadFields.keys), Array(ScenarioField.commonPlanFields.keys),
      Array(ScenarioField.retrievalFields.keys), Array(ScenarioField.trainingFields.keys),
      Array(ScenarioField.teacherFields.keys), Array(ScenarioField.hostingFields.keys),
      Array(ScenarioField.evaluationFields.keys), ["discount_rate_annual"],
    ]
    let everyKey = Set(tables.flatMap { $0 })
    #expect(everyKey.subtracting(written).isEmpty, "never checked: \(everyKey.subtracting(written).sorted())")
  }

  /// Figures of the fast route and of the decoding route, sample by sample.
  static func compareRoutes(_ scenario: UncertainScenario, samples: Int = 40) throws {
    let planner = SamplePlanner(scenario)
    #expect(planner.direct)
    var workspace = planner.workspace()
    let samplers = scenario.inputs.map(UncertainInput.Sampler.init)
    for sample in 0..<samples {
      let values = Simulation.values(samplers, seed: 11, sample: sample)
      let fast = try planner.figures(values, in: &workspace)
      let decoded = FastEvaluation(planned: try scenario.planned(values)).figures()
      #expect(fast.count == decoded.count)
      for (a, b) in zip(fast, decoded) {
        #expect(a?.netBenefit == b?.netBenefit, "sample \(sample): \(scenario.describe(values))")
        #expect(a?.npv == b?.npv, "sample \(sample)")
        #expect(a?.paybackMonths == b?.paybackMonths, "sample \(sample)")
      }
    }
  }

  /// The example re-plans only the candidates its inputs reach (not the baseline or the RAG plan).
  @Test func theExamplePlansAgainOnlyWhatItsInputsTouch() throws {
    let scenario = try uncertainExample()
    let planner = SamplePlanner(scenario)
    #expect(!planner.replansAll)
    #expect(planner.replanned == [1, 2, 3])
    try Self.compareRoutes(scenario)
  }

  /// Inputs that reach the baseline or the whole workload plan every plan again; a price of the
  /// baseline's model does too.
  @Test(arguments: [
    ["workload.user_tokens=100..300"], ["baseline.setup_cost=0..500"],
    ["prices.gpt-6.1-terra.inference.output=1..20"], ["candidates[0].corpus_tokens=1000000..9000000"],
  ])
  func inputsThatReachEveryPlanAgree(varies: [String]) throws {
    let scenario = try uncertainExample(varies: varies)
    let planner = SamplePlanner(scenario)
    #expect(planner.replansAll == !varies[0].hasPrefix("candidates"))
    try Self.compareRoutes(scenario, samples: 25)
  }

  /// A volume range re-plans a candidate whose evaluation set reads the volume, and only it.
  @Test func aVolumeRangePlansAgainAPlanThatReadsTheVolume() throws {
    let root = try selfHostedWithEvaluation()
    let catalog = try shippedCatalog()
    let inputs = try UncertaintyParser.inputs(
      root: root, file: "hosted-eval.json", varies: ["workload.requests_per_month=500000..9000000"], catalog: catalog)
    let scenario = try UncertainScenario(
      root: root, file: "hosted-eval.json", catalog: catalog, today: testToday, inputs: inputs)
    let planner = SamplePlanner(scenario)
    #expect(!planner.replansAll)
    #expect(planner.replanned == [0])
    try Self.compareRoutes(scenario, samples: 15)
  }

  /// A range reaching down to 0 draws values below the smallest number a scenario file holds
  /// (10^-100); they are 0, so both routes take them.
  @Test func drawsTooSmallForAScenarioAreZero() throws {
    let (root, _, file) = try ScenarioLoader.loadTree(
      file: repositoryRoot.appendingPathComponent("examples/support-assistant.json").path, overrides: [],
      horizon: nil)
    let catalog = try shippedCatalog()
    let inputs = try UncertaintyParser.inputs(
      root: root, file: file, varies: ["candidates[1].migration_cost=0..1e-99"], catalog: catalog)
    let scenario = try UncertainScenario(root: root, file: file, catalog: catalog, today: testToday, inputs: inputs)
    #expect(inputs[0].value(at: 1e-6) == 0)
    try Self.compareRoutes(scenario, samples: 30)
    // The decoding route took such draws too, so the simulation runs rather than failing a sample.
    #expect(throws: Never.self) { try Simulation.run(scenario, samples: 60, seed: 3) }
  }

  /// A lognormal draw beyond its range's ends is written directly once decoding accepts it, and
  /// one decoding refuses fails exactly as on the decoding route.
  @Test func drawsBeyondTheEndsAreCheckedByDecoding() throws {
    let scenario = try uncertainExample()
    let planner = SamplePlanner(scenario)
    var workspace = planner.workspace()
    var values = scenario.baseValues
    values[0] = 9_000_000
    let beyond = try planner.figures(values, in: &workspace)
    #expect(workspace.accepted[0].upperBound == 9_000_000)
    let decoded = FastEvaluation(planned: try scenario.planned(values)).figures()
    #expect(beyond.map { $0?.netBenefit } == decoded.map { $0?.netBenefit })
    values[0] = 2_000_000_000_000
    #expect(throws: UncertaintyError.self) { try planner.figures(values, in: &workspace) }
    #expect(workspace.accepted[0].upperBound == 9_000_000)
  }

  /// The fast conversion of a draw to a 12-digit decimal gives what parsing its shortest text with
  /// Foundation and rounding it half to even gives.
  @Test func drawsBecomeTheSameTwelveDigitDecimals() {
    var generator = SplitMix64(seed: 5, stream: 0)
    var draws: [Double] = [
      0, -0.0, 1, 0.1, 1e-5, 123_456_789_012.5, 123_456_789_013.5, 999_999_999_999.5, 5e20, 2.5, -7.25,
      0.30000000000000004, 1e-100, 9.87654321098765e99,
    ]
    for _ in 0..<5_000 {
      let u = generator.unitInterval()
      let scale = Foundation.pow(10, Double(Int(generator.unitInterval() * 40) - 20))
      draws.append((u - 0.3) * scale)
    }
    for x in draws {
      let reference =
        (Decimal(string: "\(x)", locale: Locale(identifier: "en_US_POSIX")) ?? 0)
        .rounded(significantDigits: 12, rule: .halfEven)
      #expect(InputDistribution.decimal(x) == reference, "\(x)")
    }
    // Beyond a decimal's range: nothing, or the largest decimal, never a wrapped value.
    #expect(InputDistribution.decimal(1.5e-300) == 0)
    #expect(InputDistribution.decimal(Double.greatestFiniteMagnitude) == Decimal.greatestFiniteMagnitude)
    #expect(InputDistribution.decimal(.infinity) == Decimal.greatestFiniteMagnitude)
  }
}

/// The arithmetic shortcuts simulation relies on give exactly what the slow ways give.
@Suite struct DecimalShortcutTests {
  static func randomDecimals(_ count: Int) -> [Decimal] {
    var generator = SplitMix64(seed: 9, stream: 0)
    var values: [Decimal] = [
      0, 1, -1, Decimal(sign: .plus, exponent: -1, significand: 6),
      Decimal(sign: .plus, exponent: -1, significand: 58), 730, Decimal(sign: .plus, exponent: -120, significand: 1),
    ]
    for index in 0..<count {
      let digits = Decimal(UInt64(generator.unitInterval() * 9e18))
      let scaled = Decimal(
        sign: index % 3 == 0 ? .minus : .plus, exponent: Int(generator.unitInterval() * 40) - 30, significand: digits)
      // Every other value has a long quotient's 38 digits.
      values.append(index % 2 == 0 ? scaled : scaled / Decimal(Int(generator.unitInterval() * 997) + 3))
    }
    return values
  }

  /// Moving the point gives the quotient (and its text) that long division gives, and a number
  /// where long division gives up near the smallest exponent (NaN for 10^-120 / 10).
  @Test func dividingByAPowerOfTenMovesThePoint() {
    #expect(
      Decimal(sign: .plus, exponent: -120, significand: 1).dividedByPowerOfTen(1)
        == Decimal(sign: .plus, exponent: -121, significand: 1))
    for value in Self.randomDecimals(3_000) {
      for power in [1, 6, 12] {
        let divided = value / Decimal(sign: .plus, exponent: power, significand: 1)
        if divided.isNaN { continue }
        #expect(value.dividedByPowerOfTen(power) == divided, "\(value) / 10^\(power)")
        #expect(value.dividedByPowerOfTen(power).description == divided.description, "\(value) / 10^\(power)")
      }
    }
  }

  /// The fast conversion to Double is the correctly rounded one (as parsing the text gives it)
  /// for short digits, and within one unit in the last place for a quotient's 38.
  @Test func theNearestDoubleIsCorrectlyRoundedOrWithinAnUlp() throws {
    var long = 0
    for value in Self.randomDecimals(3_000) {
      let parsed = Double(value.description) ?? .nan
      let fast = value.nearestDouble
      if value.significand < Decimal(9_007_199_254_740_992) {
        #expect(fast == parsed, "\(value)")
      } else {
        long += 1
        #expect(abs(fast - parsed) <= parsed.ulp, "\(value)")
      }
    }
    #expect(long > 1_000)
    // Whole numbers past 2^53 with trailing zeros, and past 10^22, end too.
    for text in [
      "9500000000000000", "95000000000000000000000000", "12345678901234567890123456789012345678",
      "99999999999999999999.999999999999999999", "100000000000000000000.00000000000000001",
      "0.1000000000000000000000000000000000001",
    ] {
      let value = try #require(Decimal(string: text))
      let parsed = try #require(Double(text))
      #expect(abs(value.nearestDouble - parsed) <= parsed.ulp, "\(text)")
    }
  }
}
