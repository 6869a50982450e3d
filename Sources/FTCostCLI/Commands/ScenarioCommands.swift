import FTCostKit
import Foundation

/// `ftcost compare`, `roi` and `breakeven`: the scenario engine's three views.
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
      scenarioOption, setOption, horizonOption, CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try runCompare(&invocation) })

  static let roi = CommandSpec(
    name: "roi", abstract: "The finance view: investment, savings, payback, ROI, benefit/cost and NPV.",
    options: [
      requiredScenarioOption,
      candidateOption,
      OptionSpec("--monthly", .flag, help: "Print month by month: baseline, candidate, savings, cumulative net."),
      OptionSpec(
        "--chart", .value("file.svg"), help: "Also write an SVG chart of cumulative cost with payback points.",
        completion: .files),
      OptionSpec("--force", .flag, help: "Replace an existing --chart file (never an input of the run)."),
      setOption, horizonOption, CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
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
      setOption, horizonOption, CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try runBreakeven(&invocation) })

  /// Loads the scenario with overrides and runs the engine.
  static func result(_ invocation: inout Invocation) throws -> ScenarioResult {
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
    let loaded: (Scenario, [(String, String)], String)
    do {
      loaded = try ScenarioLoader.load(file: invocation.string("--scenario"), overrides: overrides, horizon: horizon)
    } catch ScenarioError.badOverride(let message) {
      throw UsageError.invalidOverride(message)
    }
    let (scenario, applied, file) = loaded
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

  static func header(_ result: ScenarioResult) -> String {
    let workload = result.scenario.workload
    var lines = ["\(result.scenario.name)"]
    var shape = "\(MoneyFormat.count(workload.requestsPerMonth)) requests/month"
    if workload.monthlyGrowth != 0 { shape += " growing \(MoneyFormat().percent(workload.monthlyGrowth)) a month" }
    shape +=
      "; per request \(workload.systemTokens) system + \(workload.fewShotTokens) few-shot + \(workload.userTokens) user input, \(workload.outputTokens) output tokens"
    if workload.failureCost != 0 {
      shape += "; a failed answer costs \(MoneyFormat(currency: result.currency).total(workload.failureCost))"
    }
    shape += "; \(result.scenario.horizonMonths)-month horizon from \(result.start)"
    if result.scenario.startDate == nil { shape += " (today)" }
    lines.append(shape)
    if !result.overrides.isEmpty {
      lines.append("overridden: " + result.overrides.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func runCompare(_ invocation: inout Invocation) throws -> Int32 {
    let result = try result(&invocation)
    let report = ScenarioReport(result: result, money: invocation.moneyFormat)
    switch invocation.format {
    case .json:
      invocation.print(result.json().rendered())
    case .csv:
      let text =
        report.comparisonTable.renderedCSV() + report.eventsSection(of: result.candidates, as: .csv)
        + report.hostingSection(as: .csv) + report.verdictCSV + overlayNote(report, .csv)
      invocation.print(text)
    case .markdown:
      var text = report.comparisonTable.renderedMarkdown()
      if !report.events.isEmpty { text += "\n**Events**\n\n" + report.eventsTable.renderedMarkdown() }
      text += report.hostingSection(as: .markdown)
      if !report.overlayLines.isEmpty { text += "\n" + report.overlayLines }
      invocation.print(text + "\n" + report.verdict)
    case .table:
      let hosting = report.hostingSection(as: .table)
      invocation.print(
        header(result) + "\n" + report.comparisonTable.renderedText() + "\n" + report.eventLines
          + (hosting.isEmpty ? "" : hosting.dropFirst() + "") + report.overlayLines
          + invocation.emphasized(report.verdict))
    }
    return CLI.ExitCode.success
  }

  static func runROI(_ invocation: inout Invocation) throws -> Int32 {
    // Check the chart's path before any work: it may not replace a file without --force, nor
    // ever the scenario or a pricing table this run reads.
    let chart = invocation.string("--chart")
    var policy = OutputPolicy(overwrite: invocation.flag("--force"))
    if let chart {
      let inputs = [invocation.string("--scenario"), invocation.pricingOverlay, try? invocation.dataLocation().pricing]
      for case let input? in inputs { policy.protect(input) }
      try policy.check(chart)
    }
    let result = try result(&invocation)
    let candidates = try selected(result, invocation)
    let report = ScenarioReport(result: result, money: invocation.moneyFormat)
    if let chart {
      try AtomicFile.write(
        CumulativeCostChart(result: result, money: invocation.moneyFormat).svg(), to: chart, policy: policy)
    }
    if invocation.flag("--monthly") {
      let table = report.monthlyTable(candidates)
      if invocation.format == .json {
        invocation.print(result.json(candidates: candidates).rendered())
      } else {
        invocation.print(
          table.rendered(as: invocation.format) + report.eventsSection(of: candidates, as: invocation.format)
            + overlayNote(report, invocation.format))
      }
      return CLI.ExitCode.success
    }
    switch invocation.format {
    case .json:
      invocation.print(result.json(candidates: candidates).rendered())
    case .table, .markdown, .csv:
      var text = invocation.format == .table ? header(result) + "\n" : ""
      text += candidates.map { candidate in
        var block = report.financeTable(candidate).rendered(as: invocation.format)
        if let note = report.statusNote(candidate) {
          block +=
            invocation.format == .csv
            ? "\n" + TextTable(columns: [.init("status")], rows: [[note]]).renderedCSV() : "\n" + note + "\n"
        }
        return block + report.eventsSection(of: [candidate], as: invocation.format)
      }.joined(separator: "\n")
      text += overlayNote(report, invocation.format)
      invocation.print(text)
    }
    return CLI.ExitCode.success
  }

  /// Which values came from the user's pricing overlay: a line under a table, a section in CSV.
  static func overlayNote(_ report: ScenarioReport, _ format: OutputFormat) -> String {
    guard !report.result.overlaidValues.isEmpty else { return "" }
    switch format {
    case .csv: return "\npricing overlay\n" + report.overlayTable.renderedCSV()
    case .table, .markdown: return "\n" + report.overlayLines
    case .json: return ""
    }
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
    guard let figures = candidate.figures else {
      throw CommandFailure(
        "candidate '\(candidate.name)' cannot run (\(candidate.status.reason ?? "infeasible")), so it has no break-even volume; change the scenario's start_date or the candidate's model"
      )
    }
    let rows = VolumeSweep.run(base, candidate: candidate.name, from: from, to: to, steps: steps).points
    let money = invocation.moneyFormat.currency(base.currency)
    let report = ScenarioReport(result: base, money: money)
    if invocation.format == .json {
      invocation.print(
        JSON.object([
          ("scenario", .string(base.scenario.name)),
          ("candidate", .string(candidate.name)),
          ("horizon_months", .integer(Int64(base.scenario.horizonMonths))),
          ("break_even_requests_per_month", .number(figures.breakEvenRequestsPerMonth)),
          (
            "sweep",
            .array(
              rows.map { point in
                let row = point.figures
                return .object([
                  ("requests_per_month", .number(point.requestsPerMonth)),
                  ("replicas", row.monthlyHosting.first.map { .integer($0.replicas) } ?? .null),
                  ("payback_months", .number(row.paybackMonths)),
                  ("roi", .number(row.roi)), ("net_benefit", .number(row.netBenefit)), ("npv", .number(row.npv)),
                ])
              })
          ),
          ("overrides", .object(base.overrides.map { ($0.0, JSON.string($0.1)) })),
          ("pricing_overlay_values", .array(base.overlaidValues.map { .string($0) })),
        ]).rendered())
      return CLI.ExitCode.success
    }
    // A self-hosted candidate steps in replicas: the sweep shows how many month 1 needs.
    let hosted = figures.cost.hosting != nil
    var columns: [TextTable.Column] = [
      .init("requests/month", .right), .init("payback", .right), .init("ROI", .right), .init("net benefit", .right),
      .init("NPV", .right),
    ]
    if hosted { columns.append(.init("replicas", .right)) }
    var table = TextTable(columns: columns)
    for point in rows {
      let row = point.figures
      var cells = [
        MoneyFormat.count(point.requestsPerMonth), report.payback(row.paybackMonths), row.roi.map(money.percent) ?? "-",
        money.total(row.netBenefit), money.total(row.npv),
      ]
      if hosted { cells.append(row.monthlyHosting.first.map { String($0.replicas) } ?? "-") }
      table.append(cells)
    }
    let point =
      figures.breakEvenRequestsPerMonth.map { report.breakEven($0) + " requests/month (month 1)" }
      ?? "never: no volume up to 10^12 requests a month repays it"
    var summary =
      "\(candidate.name) vs \(base.baseline.cost.plan.name): break-even at \(point) over \(ScenarioReport.months(base.scenario.horizonMonths))."
    if let note = report.statusNote(candidate) { summary += " " + note }
    if let capacity = figures.cost.hosting?.requestsPerReplicaMonth {
      summary +=
        " One replica serves up to \(MoneyFormat.grouped(capacity.rounded(scale: 0, .down))) requests a month at \(money.percent(figures.cost.hosting?.maxUtilization ?? 0)) utilisation; each multiple of that needs one more."
    }
    let others = base.candidates.filter { $0.name != candidate.name }.map(\.name)
    if !named && !others.isEmpty {
      summary += " Other candidates: \(others.joined(separator: ", ")) (pick one with --candidate)."
    }
    var text: String
    switch invocation.format {
    case .table: text = header(base) + "\n" + summary + "\n\n" + table.renderedText()
    case .markdown: text = summary + "\n\n" + table.renderedMarkdown()
    case .csv, .json:
      text = table.renderedCSV() + "\n" + TextTable(columns: [.init("summary")], rows: [[summary]]).renderedCSV()
    }
    invocation.print(text + overlayNote(report, invocation.format))
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
