import FTCostKit
import Foundation

/// `ftcost sensitivity` and `simulate`: the scenario's uncertain inputs, one at a time and all
/// together.
enum UncertaintyCommands {
  static let varyOption = OptionSpec(
    "--vary", .repeating("path=low..high"),
    help:
      "Give an input a range (triangular, the scenario's value most likely), e.g. workload.requests_per_month=50000..200000; replaces the file's range for that path."
  )
  static let metricOption = OptionSpec(
    "--metric", .value("metric"), help: "The figure to move: net_benefit (default), npv or payback_months.",
    completion: .values(OutcomeMetric.allCases.map(\.rawValue)))

  static let sensitivity = CommandSpec(
    name: "sensitivity",
    abstract: "A tornado: each uncertain input moved alone to its low and high value, widest swing first.",
    discussion:
      "Uncertain inputs come from the scenario's \"uncertainty\" object and --vary. For each, the candidate's figure with the input at its low and at its high value (the others as written), and the input's value at which the candidate's net benefit over the horizon is 0. Without --candidate, the plan the verdict recommends (else the first that can run).",
    options: [
      ScenarioCommands.requiredScenarioOption, ScenarioCommands.candidateOption, metricOption, varyOption,
      OptionSpec(
        "--chart", .value("file.svg"), help: "Also write the tornado as an SVG chart.", completion: .files),
      OptionSpec("--force", .flag, help: "Replace an existing --chart file (never an input of the run)."),
      ScenarioCommands.setOption, ScenarioCommands.horizonOption, CommonOptions.format(), CommonOptions.table,
      CommonOptions.pricing,
      CommonOptions.rounding,
    ],
    run: { invocation in try runSensitivity(&invocation) })

  static let simulate = CommandSpec(
    name: "simulate",
    abstract: "Monte Carlo over every uncertain input: P10/P50/P90 of net benefit, NPV and payback.",
    discussion:
      "Draws every uncertain input at once, --samples times, from --seed (the same seed gives the same figures on any machine), and prices each draw as compare would. Reports each candidate's P10, P50 and P90, how often it pays back within the horizon and how often it is the best plan.",
    options: [
      ScenarioCommands.requiredScenarioOption,
      OptionSpec("--samples", .value("n"), help: "Draws (default: 1000; at most 1,000,000)."),
      OptionSpec("--seed", .value("n"), help: "The random seed (default: 1)."),
      varyOption, ScenarioCommands.setOption, ScenarioCommands.horizonOption, CommonOptions.format(),
      CommonOptions.table,
      CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try runSimulate(&invocation) })

  /// The scenario's tree with `--set` applied, its uncertain inputs, and the catalog.
  static func uncertainScenario(_ invocation: inout Invocation) throws -> UncertainScenario {
    let (root, applied, file) = try ScenarioCommands.scenarioTree(invocation)
    let catalog = try invocation.catalog()
    let inputs = try UncertaintyParser.inputs(
      root: root, file: file, varies: invocation.strings("--vary"), catalog: catalog)
    if inputs.isEmpty { throw UncertaintyError.noInputs(file: file) }
    var scenario = try UncertainScenario(
      root: root, file: file, catalog: catalog, today: invocation.today, inputs: inputs)
    scenario.base.overrides = applied
    for warning in scenario.base.warnings { invocation.warn("warning: \(warning)") }
    return scenario
  }

  static func runSensitivity(_ invocation: inout Invocation) throws -> Int32 {
    let metricName = invocation.string("--metric") ?? OutcomeMetric.netBenefit.rawValue
    guard let metric = OutcomeMetric(rawValue: metricName) else {
      throw UsageError.invalidValue(
        metricName, option: "--metric", reason: .notOneOf(OutcomeMetric.allCases.map(\.rawValue), given: metricName))
    }
    let outputs = try ScenarioCommands.outputs(invocation, [("--chart", ["svg"], "SVG charts")])
    let chartFile = outputs.1.isEmpty ? nil : outputs
    let scenario = try uncertainScenario(&invocation)
    let candidates = try ScenarioCommands.selected(scenario.base, invocation)
    let named = invocation.string("--candidate") != nil
    // Without --candidate: the verdict's plan, else the first that can run.
    guard
      let candidate = named
        ? candidates.first : (scenario.base.best ?? candidates.first { $0.figures != nil } ?? candidates.first)
    else { throw CommandFailure("the scenario has no candidates") }
    let result = try Sensitivity.run(scenario, candidate: candidate.name, metric: metric)
    if let (policy, files) = chartFile {
      _ = try AtomicFile.writeAll(
        files.map { ($0.1, TornadoChart(sensitivity: result, result: scenario.base).svg()) }, policy: policy)
    }
    try invocation.emit(result.report(scenario: scenario))
    return CLI.ExitCode.success
  }

  static func runSimulate(_ invocation: inout Invocation) throws -> Int32 {
    let samples = Int(try invocation.count("--samples", in: 1...1_000_000) ?? 1_000)
    let seed = UInt64(try invocation.count("--seed", in: 0...Int64.max) ?? 1)
    let scenario = try uncertainScenario(&invocation)
    let result = try Simulation.run(scenario, samples: samples, seed: seed)
    try invocation.emit(result.report(scenario: scenario))
    return CLI.ExitCode.success
  }
}
