import Foundation

/// The documents `compare`, `roi` and `report` print.
extension ScenarioReport {
  /// `compare`: the comparison, its events, self-hosting, overlay values and the verdict.
  public func compareReport() -> Report {
    var report = Report(
      title: result.scenario.name, json: result.json(), primaryTable: "comparison", currency: result.currency)
    report.append(.lines(headerLines))
    report.append(.table(comparisonTable))
    report.append(.events(title: "Events", events))
    report.blocks += hostingBlocks
    report.append(.notes(overlayLines))
    report.append(.verdict(verdict))
    report.append(.warnings(result.warnings))
    return report
  }

  /// `roi`: each candidate's statement (or, `monthly`, its cash flows), why plans fall back, events,
  /// then the cash flows, assumptions and prices as detail.
  public func roiReport(_ candidates: [CandidateResult], monthly: Bool = false) -> Report {
    var report = Report(
      title: result.scenario.name, json: result.json(candidates: candidates),
      primaryTable: monthly ? "cashflow" : "summary", currency: result.currency)
    report.append(.lines(headerLines))
    if !monthly { report.append(.table(summaryTable(candidates))) }
    report.append(.notes(candidates.compactMap(statusNote)))
    for candidate in candidates {
      if let table = cashFlowTable(candidate, isDetail: !monthly) { report.append(.table(table)) }
    }
    report.append(.events(title: "Events", events(of: candidates)))
    report.append(.notes(overlayLines))
    report.append(.table(assumptionsTable))
    report.append(.table(pricesTable))
    report.append(.warnings(result.warnings))
    return report
  }

  /// `report`: everything a colleague needs in one file: the verdict, the comparison, each
  /// candidate's statement and cash flows, the charts, events and warnings, assumptions, prices
  /// and their sources, and the command that produced it.
  public func fullReport(_ candidates: [CandidateResult], command: String, generatedOn today: ISODate) -> Report {
    var report = Report(
      title: result.scenario.name, json: result.json(candidates: candidates),
      primaryTable: "summary", currency: result.currency)
    report.append(.lines(headerLines))
    report.append(.verdict(verdict))
    report.append(.warnings(result.warnings))
    report.append(.heading("Comparison"))
    report.append(.table(comparisonTable))
    report.blocks += hostingBlocks
    report.append(.notes(overlayLines))
    report.append(.heading("Finance"))
    report.append(.table(summaryTable(candidates)))
    report.append(.notes(candidates.compactMap(statusNote)))
    let cumulative = CumulativeCostChart(result: result, money: money)
    report.append(.figure(ReportFigure(title: cumulative.title, svg: cumulative.svg())))
    let components = ComponentCostChart(result: result, money: money, candidates: candidates)
    report.append(.figure(ReportFigure(title: components.title, svg: components.svg())))
    report.append(.heading("Cash flows"))
    for candidate in candidates {
      if let table = cashFlowTable(candidate, isDetail: false) { report.append(.table(table)) }
    }
    report.append(.heading("Events"))
    let all = events(of: candidates)
    report.append(
      all.isEmpty ? .notes(["No dated event changes the numbers inside the horizon."]) : .events(title: "Events", all))
    report.append(.heading("Assumptions and price sources"))
    report.append(.table(assumptionsTable))
    report.append(.table(pricesTable))
    report.append(.notes(["Generated on \(today) by ftcost."]))
    report.append(.command(command))
    return report
  }
}
