import FTCostKit
import Foundation

/// `ftcost compare`, `roi`, `breakeven` and `report`: the scenario engine's views.
enum ScenarioCommands {
  static let scenarioOption = OptionSpec(
    "--scenario", .value("file"), help: "A scenario JSON file (see examples/).", completion: .files)
  static let requiredScenarioOption = OptionSpec(
    "--scenario", .value("file"), help: "A scenario JSON file (see examples/).", required: true, completion: .files)
  static let setOption = OptionSpec(
    "--set", .repeating("path=value"),
    help:
      "Override a scenario value without editing the file, e.g. workload.requests_per_month=50000 or candidates[0].epochs=3."
  )
  static let horizonOption = OptionSpec(
    "--horizon", .value("months"), help: "Months to compare (overrides horizon_months).")
  static let candidateOption = OptionSpec(
    "--candidate", .value("name"), help: "Only this candidate (by name); breakeven sweeps the first that can run.")

  static let compare = CommandSpec(
    name: "compare", abstract: "Compare every strategy of a scenario: costs, payback, ROI, break-even.",
    discussion:
      "With no --scenario, runs the built-in module 20.4 example (distilling GPT-5 into a fine-tuned GPT-4o-mini).",
    options: [
      scenarioOption, setOption, horizonOption, CommonOptions.format(), CommonOptions.table, CommonOptions.pricing,
      CommonOptions.rounding,
    ],
    run: { invocation in try runCompare(&invocation) })

  static let roi = CommandSpec(
    name: "roi",
    abstract: "The finance view: investment, savings, payback, ROI, NPV, IRR and cash flows that foot.",
    discussion:
      "Tables: summary (the statement), cashflow (month 0 to H, one per candidate: pick one with --candidate), events, assumptions, prices. Shown amounts are rounded once so every part adds up to its total (largest remainder); JSON carries unrounded values.",
    options: [
      requiredScenarioOption,
      candidateOption,
      OptionSpec("--monthly", .flag, help: "Print the cash flows month by month instead of the statement."),
      OptionSpec(
        "--chart", .value("file.svg"), help: "Also write an SVG chart of cumulative cost with payback points.",
        completion: .files),
      OptionSpec(
        "--component-chart", .value("file.svg"), help: "Also write an SVG chart of monthly cost by component.",
        completion: .files),
      OptionSpec("--force", .flag, help: "Replace existing chart files (never an input of the run)."),
      setOption, horizonOption, CommonOptions.format(), CommonOptions.table, CommonOptions.pricing,
      CommonOptions.rounding,
    ],
    run: { invocation in try runROI(&invocation) })

  static let breakeven = CommandSpec(
    name: "breakeven", abstract: "The volume at which a candidate pays off, and payback across volumes.",
    options: [
      requiredScenarioOption,
      candidateOption,
      OptionSpec(
        "--sweep", .value("requests_per_month=from..to"),
        help: "Volumes to sweep, log-spaced (default: a hundredth to 100 times the scenario's)."),
      OptionSpec("--steps", .value("n"), help: "Points in the sweep (default: 13)."),
      setOption, horizonOption, CommonOptions.format(), CommonOptions.table, CommonOptions.pricing,
      CommonOptions.rounding,
    ],
    run: { invocation in try runBreakeven(&invocation) })

  static let report = CommandSpec(
    name: "report", abstract: "Write one self-contained HTML report of a scenario for finance.",
    discussion:
      "The page holds the verdict, the comparison, each candidate's statement and cash flows, the charts, events and warnings, the assumptions, every price with its source and as_of, and the command that made it; a scenario with an uncertainty object also gets its tornado and a 1,000-sample simulation (seed 1). It loads nothing from the network and needs no script; it prints on A4 or Letter and reads on a phone.",
    options: [
      requiredScenarioOption,
      OptionSpec(
        "--out", short: "-o", .value("file.html"), help: "The HTML file to write.", required: true,
        completion: .files),
      candidateOption,
      OptionSpec("--force", .flag, help: "Replace an existing file (never an input of the run)."),
      setOption, horizonOption, CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try runReport(&invocation) })

  /// The scenario file's JSON tree with `--set` and `--horizon` applied, the overrides applied,
  /// and the file's name; a malformed or unknown override is a usage error.
  static func scenarioTree(_ invocation: Invocation) throws -> (JSONNode, [(String, String)], String) {
    var overrides: [ScenarioOverride] = []
    for text in invocation.strings("--set") {
      guard let override = try? ScenarioOverride(parsing: text) else {
        throw UsageError.invalidValue(
          text, option: "--set",
          reason: .malformed(expected: "path=value", example: "workload.requests_per_month=50000"))
      }
      overrides.append(override)
    }
    let horizon = try invocation.count("--horizon", in: 1...Int64(Scenario.maximumHorizonMonths)).map { Int($0) }
    do {
      return try ScenarioLoader.loadTree(file: invocation.string("--scenario"), overrides: overrides, horizon: horizon)
    } catch ScenarioError.badOverride(let message) {
      throw UsageError.invalidOverride(message)
    }
  }

  /// Loads the scenario with overrides (or takes `tree`, already loaded) and runs the engine.
  static func result(
    _ invocation: inout Invocation, tree: (JSONNode, [(String, String)], String)? = nil
  ) throws -> ScenarioResult {
    let (root, applied, file) = try tree ?? scenarioTree(invocation)
    let (decoded, problems) = Scenario.decode(root, file: file)
    guard let scenario = decoded else { throw ScenarioError.invalid(problems) }
    let catalog = try invocation.catalog()
    var result = try ScenarioEngine.run(scenario, catalog: catalog, today: invocation.today, file: file)
    result.overrides = applied
    for warning in result.warnings { invocation.warn("warning: \(warning)") }
    return result
  }

  static func selected(_ result: ScenarioResult, _ invocation: Invocation) throws -> [CandidateResult] {
    guard let name = invocation.string("--candidate") else { return result.candidates }
    guard let match = result.candidates.first(where: { $0.name == name }) else {
      throw UsageError.invalidValue(
        name, option: "--candidate", reason: .notOneOf(result.candidates.map(\.name), given: name))
    }
    return [match]
  }

  static func runCompare(_ invocation: inout Invocation) throws -> Int32 {
    let result = try result(&invocation)
    try invocation.emit(ScenarioReport(result: result, money: invocation.moneyFormat).compareReport())
    return CLI.ExitCode.success
  }

  /// The output files a run writes, checked before any work: none may ever be the scenario or a
  /// pricing table the run reads, each must end in its extension (a one-line runtime error, exit
  /// 1, like the other output-file errors), and none may replace a file without --force.
  static func outputs(
    _ invocation: Invocation, _ options: [(String, [String], String)]
  ) throws -> (OutputPolicy, [(String, String)]) {
    var policy = OutputPolicy(overwrite: invocation.flag("--force"))
    let inputs = [invocation.string("--scenario"), invocation.pricingOverlay, try? invocation.dataLocation().pricing]
    for case let input? in inputs { policy.protect(input) }
    var files: [(String, String)] = []
    for (option, extensions, kind) in options {
      guard let path = invocation.string(option) else { continue }
      // An input is named as such whatever its name; then the name must say what is written.
      if let input = policy.input(at: path) { throw OutputFileError.isInput(path, input: input.path) }
      let lower = path.lowercased()
      guard extensions.contains(where: { lower.hasSuffix("." + $0) }) else {
        throw OutputFileError.wrongExtension(path, expected: extensions[0], kind: kind)
      }
      if files.contains(where: { $0.1 == path }) { throw OutputFileError.duplicate(path) }
      try policy.check(path)
      files.append((option, path))
    }
    return (policy, files)
  }

  static func runROI(_ invocation: inout Invocation) throws -> Int32 {
    let (policy, files) = try outputs(
      invocation, [("--chart", ["svg"], "SVG charts"), ("--component-chart", ["svg"], "SVG charts")])
    let result = try result(&invocation)
    let candidates = try selected(result, invocation)
    let monthly = invocation.flag("--monthly")
    let runnable = candidates.filter { $0.figures != nil }.map(\.name)
    let table = invocation.string("--table") ?? (invocation.format == .csv && monthly ? "cashflow" : nil)
    if table == "cashflow", runnable.count > 1, invocation.format != .json {
      throw UsageError.oneTableOfMany("cashflow", narrowWith: "--candidate", choices: runnable)
    }
    let view = ScenarioReport(result: result, money: invocation.moneyFormat)
    var writes: [(String, String)] = []
    for (option, path) in files {
      let svg =
        option == "--chart"
        ? CumulativeCostChart(result: result, money: invocation.moneyFormat).svg()
        : ComponentCostChart(result: result, money: invocation.moneyFormat, candidates: candidates).svg()
      writes.append((path, svg))
    }
    _ = try AtomicFile.writeAll(writes, policy: policy)
    try invocation.emit(view.roiReport(candidates, monthly: monthly))
    return CLI.ExitCode.success
  }

  static func runReport(_ invocation: inout Invocation) throws -> Int32 {
    let (policy, files) = try outputs(invocation, [("--out", ["html", "htm"], "an HTML page")])
    let tree = try scenarioTree(invocation)
    let result = try result(&invocation, tree: tree)
    let candidates = try selected(result, invocation)
    let view = ScenarioReport(result: result, money: invocation.moneyFormat)
    let command = (["ftcost"] + invocation.arguments).map(Self.shellQuoted).joined(separator: " ")
    var document = view.fullReport(candidates, command: command, generatedOn: invocation.today)
    // A scenario with uncertain inputs also gets its tornado and a 1,000-sample simulation.
    let (root, _, file) = tree
    if root["uncertainty"] != nil {
      let inputs = try UncertaintyParser.inputs(root: root, file: file, varies: [], catalog: try invocation.catalog())
      if !inputs.isEmpty {
        let uncertain = try UncertainScenario(
          root: root, file: file, catalog: try invocation.catalog(), today: invocation.today, inputs: inputs)
        let focus = uncertain.base.best ?? uncertain.base.candidates.first { $0.figures != nil }
        if let focus {
          document = document.addingUncertainty(
            try Sensitivity.run(uncertain, candidate: focus.name, metric: .netBenefit),
            try Simulation.run(uncertain, samples: 1_000, seed: 1), scenario: uncertain)
        }
      }
    }
    let html = try document.rendered(as: .html, options: RenderOptions(money: view.money))
    guard let path = files.first?.1 else { return CLI.ExitCode.usage }
    _ = try AtomicFile.writeAll([(path, html)], policy: policy)
    invocation.print(
      "wrote \(path): \(ScenarioReport.months(result.scenario.horizonMonths)) of \(result.scenario.name)")
    return CLI.ExitCode.success
  }

  /// A word as a POSIX shell reads it back: bare when it is safe, else in single quotes.
  static func shellQuoted(_ word: String) -> String {
    let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@%+")
    if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  static func runBreakeven(_ invocation: inout Invocation) throws -> Int32 {
    // Check the sweep's own flags before any work, so a typo is reported alone.
    let steps = Int(try invocation.count("--steps", in: 2...100_000) ?? 13)
    let sweep = try invocation.string("--sweep").map { try parseSweep($0) }
    let base = try result(&invocation)
    // One candidate is swept: the one named, else the first that can run.
    let candidates = try selected(base, invocation)
    let named = invocation.string("--candidate") != nil
    guard let candidate = named ? candidates.first : (candidates.first { $0.figures != nil } ?? candidates.first)
    else { throw CommandFailure("the scenario has no candidates") }
    let current = base.scenario.workload.requestsPerMonth
    let from = sweep?.0 ?? max(1, current / 100)
    let to = sweep?.1 ?? max(from * 10, current * 100)
    guard candidate.figures != nil else {
      throw CommandFailure(
        "candidate '\(candidate.name)' cannot run (\(candidate.status.reason ?? "infeasible")), so it has no break-even volume; change the scenario's start_date or the candidate's model"
      )
    }
    let points = VolumeSweep.run(base, candidate: candidate.name, from: from, to: to, steps: steps)
    let others = base.candidates.filter { $0.name != candidate.name }.map(\.name)
    let more =
      !named && !others.isEmpty
      ? ["Other candidates: \(others.joined(separator: ", ")) (pick one with --candidate)."] : []
    let view = ScenarioReport(result: base, money: invocation.moneyFormat)
    try invocation.emit(view.breakevenReport(candidate, sweep: points, more: more))
    return CLI.ExitCode.success
  }

  static func parseSweep(_ text: String) throws(UsageError) -> (Decimal, Decimal) {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, parts[0] == "requests_per_month" else {
      throw UsageError.invalidValue(
        text, option: "--sweep",
        reason: .malformed(expected: "requests_per_month=from..to", example: "requests_per_month=1000..10000000"))
    }
    let bounds = parts[1].components(separatedBy: "..")
    guard bounds.count == 2, let low = try? DecimalParser.parse(bounds[0]),
      let high = try? DecimalParser.parse(bounds[1]),
      low > 0, high > low
    else {
      throw UsageError.invalidValue(
        text, option: "--sweep", reason: .described("the volumes must be positive, the first smaller"))
    }
    return (low, high)
  }
}
