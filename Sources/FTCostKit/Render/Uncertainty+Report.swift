import Foundation

extension UncertainInput {
  /// A value of an input as a cell: six significant digits, grouped (`2,000,000`, `0.0137547`).
  static func cell(_ value: Decimal) -> ReportCell {
    let shown = value.rounded(significantDigits: 6, rule: .halfAwayFromZero)
    return .number(shown, places: max(0, min(12, 5 - (shown.leadingDigitExponent ?? 0))))
  }

  /// The columns that describe an input in every uncertainty table.
  static let columns: [ReportTable.Column] = [
    .init("input", "input"), .init("base", "as written"), .init("low", "low"), .init("high", "high"),
    .init("distribution", "distribution"),
  ]

  /// This input's cells under `columns`.
  var cells: [ReportCell] {
    [
      .text(path), Self.cell(base), Self.cell(distribution.low), Self.cell(distribution.high),
      .text(distribution.name),
    ]
  }

  /// The same value as text.
  static func text(_ value: Decimal) -> String {
    cell(value).display(MoneyFormat())
  }
}

extension Sensitivity {
  /// A figure of the tornado's metric as a cell: money, months, or `never`.
  func cell(_ value: Decimal?) -> ReportCell {
    guard let value else { return .missing("never") }
    return metric.isMoney ? .money(value) : .months(value)
  }

  /// `sensitivity` as a document: what moves the candidate's figure most, input by input.
  public func report(scenario: UncertainScenario) -> Report {
    let result = scenario.base
    let view = ScenarioReport(result: result)
    let unit = metric.isMoney ? "_\(result.currency.lowercased())" : ""
    var table = ReportTable(
      name: "tornado",
      columns: UncertainInput.columns + [
        .init("\(metric.rawValue)_at_low\(unit)", "\(metric.title) at low"),
        .init("\(metric.rawValue)_at_high\(unit)", "\(metric.title) at high"), .init("swing\(unit)", "swing"),
        .init("break_even_value", "net benefit 0 at"),
      ])
    for bar in bars {
      table.append(
        bar.input.cells + [
          cell(bar.atLow), cell(bar.atHigh),
          bar.swing.map { metric.isMoney ? .money($0) : .months($0) } ?? .missing("unbounded (never pays back)"),
          bar.breakEven.map(UncertainInput.cell) ?? .missing("not in range"),
        ])
    }
    var summary =
      "\(candidate) vs \(result.baseline.cost.plan.name): \(metric.title) \(cell(baseValue).display(view.money)) as written, over \(ScenarioReport.months(result.scenario.horizonMonths))."
    if let widest = bars.first {
      summary +=
        " \(widest.input.path) moves it most: \(cell(widest.atLow).display(view.money)) at \(UncertainInput.text(widest.input.distribution.low)), \(cell(widest.atHigh).display(view.money)) at \(UncertainInput.text(widest.input.distribution.high))."
    }
    var report = Report(
      title: result.scenario.name, json: json(scenario: result.scenario.name), primaryTable: "tornado",
      currency: result.currency)
    report.append(.lines(view.headerLines))
    report.append(.lines([summary]))
    report.append(.table(table))
    report.append(
      .notes([
        "Each input moved alone to its low and high value, the others as written; widest swing first. \"net benefit 0 at\" is the input's value, alone, at which the candidate's net benefit over the horizon is 0."
      ]))
    report.append(.figure(ReportFigure(title: "Tornado", svg: TornadoChart(sensitivity: self, result: result).svg())))
    report.append(.warnings(result.warnings))
    return report
  }
}

extension Simulation {
  /// `simulate` as a document: each candidate's P10/P50/P90 and its chances.
  public func report(scenario: UncertainScenario) -> Report {
    let result = scenario.base
    let view = ScenarioReport(result: result)
    let unit = "_\(result.currency.lowercased())"
    func money(_ value: Decimal?) -> ReportCell { value.map { .money($0) } ?? .missing("-") }
    func months(_ value: Decimal?) -> ReportCell { value.map { .months($0) } ?? .missing("never") }
    var table = ReportTable(
      name: "simulation",
      columns: [
        .init("candidate", "candidate"), .init("net_benefit_p10\(unit)", "net P10"),
        .init("net_benefit_p50\(unit)", "net P50"), .init("net_benefit_p90\(unit)", "net P90"),
        .init("npv_p10\(unit)", "NPV P10"), .init("npv_p50\(unit)", "NPV P50"), .init("npv_p90\(unit)", "NPV P90"),
        .init("payback_p10_months", "payback P10"), .init("payback_p50_months", "payback P50"),
        .init("payback_p90_months", "payback P90"), .init("pays_back_within_horizon", "pays back"),
        .init("best", "best"),
      ])
    for candidate in candidates {
      table.append([
        .text(candidate.name), money(candidate.netBenefit.p10), money(candidate.netBenefit.p50),
        money(candidate.netBenefit.p90), money(candidate.npv.p10), money(candidate.npv.p50), money(candidate.npv.p90),
        months(candidate.paybackMonths.p10), months(candidate.paybackMonths.p50), months(candidate.paybackMonths.p90),
        .percent(candidate.paysBackWithinHorizon, places: 1), .percent(candidate.best, places: 1),
      ])
    }
    var inputs = ReportTable(
      name: "inputs", title: "Uncertain inputs",
      columns: UncertainInput.columns)
    for input in scenario.inputs { inputs.append(input.cells) }
    let summary =
      "\(MoneyFormat.grouped(Decimal(samples))) samples (seed \(seed)) over \(ScenarioReport.months(result.scenario.horizonMonths)): staying with \(result.baseline.cost.plan.name) is best in \(view.money.percent(stayIsBest, places: 1)) of them."
    var report = Report(
      title: result.scenario.name, json: json(scenario: result.scenario.name, inputs: scenario.inputs),
      primaryTable: "simulation", currency: result.currency)
    report.append(.lines(view.headerLines))
    report.append(.lines([summary]))
    report.append(.table(table))
    report.append(
      .notes([
        "P10, P50 and P90 are figures of actual samples (the 10th, 50th and 90th percentile by rank); a payback that never comes ranks last and shows as never. \"pays back\" is the share of samples paying back within the horizon and ending it ahead (a plan with nothing to repay counts where it saves); \"best\" the share in which the candidate has the largest positive net benefit of those that pay back."
      ]))
    report.append(.table(inputs))
    report.append(.warnings(result.warnings))
    return report
  }
}

extension Report {
  /// The report with a section on uncertainty (the tornado of `sensitivity`, the spread of
  /// `simulation`) before its assumptions, or at its end when it has none.
  public func addingUncertainty(
    _ sensitivity: Sensitivity, _ simulation: Simulation, scenario: UncertainScenario
  ) -> Report {
    let tornado = sensitivity.report(scenario: scenario)
    let spread = simulation.report(scenario: scenario)
    var section: [ReportBlock] = [.heading("Uncertainty: \(sensitivity.candidate)")]
    section += tornado.blocks.filter { block in
      switch block {
      case .table, .figure, .notes: return true
      case .lines, .heading, .list, .events, .warnings, .verdict, .preformatted, .command: return false
      }
    }
    section.append(.heading("Simulation"))
    section += spread.blocks.filter { block in
      switch block {
      case .table, .notes: return true
      case .lines(let lines): return lines.first?.contains("samples (seed") == true
      case .figure, .heading, .list, .events, .warnings, .verdict, .preformatted, .command: return false
      }
    }
    var report = self
    let anchor = report.blocks.firstIndex { $0 == .heading("Assumptions and price sources") } ?? report.blocks.count
    report.blocks.insert(contentsOf: section, at: anchor)
    return report
  }
}
