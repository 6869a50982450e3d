import Foundation

extension Advice {
  /// The `advise --format json` object: the advice, the revisions, the scenario used (as its JSON
  /// document) and the numbers of the recommended path against staying.
  public var json: JSON {
    .object([
      ("recommendation", .string(recommendation.rawValue)),
      ("tree_recommendation", .string(treeRecommendation.rawValue)),
      ("summary", .string(summary)),
      ("start_date", .string(startDate?.description)),
      (
        "path",
        .array(
          path.map { step in
            .object([
              ("question", .string(step.question.text)), ("key", .string(step.question.key)),
              ("answer", .string(step.answer)), ("rule", .string(step.rule)), ("source", .string(step.source)),
            ])
          })
      ),
      (
        "revisions",
        .array(
          revisions.map { revision in
            .object([
              ("from", .string(revision.from.rawValue)), ("to", .string(revision.to.rawValue)),
              ("reason", .string(revision.reason)), ("source", .string(revision.source)),
            ])
          })
      ),
      ("next_steps", .array(nextSteps.map { .string($0) })),
      ("caveats", .array(caveats.map { .string($0) })),
      ("scenario", scenarioDocument ?? .null),
      ("numbers", numbersJSON),
      ("costs", costs.map { $0.json() } ?? .null),
      ("conflicts", .array(conflicts.map { .string($0) })),
    ])
  }

  /// The recommended path against staying, unrounded; `null` without numbers.
  var numbersJSON: JSON {
    guard let costs else { return .null }
    return .object([
      ("baseline", .string(costs.scenario.baseline.name)),
      ("baseline_monthly_cost", .number(costs.baseline.monthlyCost.first)),
      ("baseline_total_cost", .number(costs.baseline.totalCost)),
      (
        "recommended",
        .array(
          recommendedCandidates.map { candidate in
            let figures = candidate.figures
            return .object([
              ("name", .string(candidate.name)), ("status", .string(candidate.status.name)),
              ("one_time_cost", .number(figures?.cost.oneTimeCost)),
              ("monthly_cost", .number(figures?.monthlyCost.first)),
              ("payback_months", .number(figures?.paybackMonths)),
              ("break_even_requests_per_month", .number(figures?.breakEvenRequestsPerMonth)),
              ("net_benefit", .number(figures?.netBenefit)),
            ])
          })
      ),
    ])
  }

  /// One line per recommended candidate: one-time, month 1, payback, break-even and net against
  /// staying; or what staying costs when the advice is to stay.
  public func headline(money: MoneyFormat) -> [String] {
    guard let costs else { return [] }
    let money = money.currency(costs.currency)
    let report = ScenarioReport(result: costs, money: money)
    let stay = costs.baseline.monthlyCost.first ?? 0
    let horizon = costs.scenario.horizonMonths
    let candidates = recommendedCandidates
    guard !candidates.isEmpty else {
      return [
        "\(costs.scenario.baseline.name): \(money.total(stay)) in month 1, \(money.total(costs.baseline.totalCost)) over \(horizon) months"
      ]
    }
    return candidates.map { candidate in
      guard let figures = candidate.figures else {
        return "\(candidate.name): cannot run (\(candidate.status.reason ?? "infeasible"))"
      }
      let breakEven = figures.breakEvenRequestsPerMonth.map { MoneyFormat.count($0.rounded(scale: 0, .up)) } ?? "never"
      return
        "\(candidate.name) against \(costs.scenario.baseline.name): one-time \(money.total(figures.cost.oneTimeCost)), \(money.total(figures.monthlyCost.first ?? 0)) in month 1 (staying: \(money.total(stay))), payback \(report.payback(figures.paybackMonths)), break-even \(breakEven) requests a month, net benefit \(money.total(figures.netBenefit)) over \(horizon) months"
    }
  }

  /// The advice as a document: the recommendation, why (each answer with its rule and source,
  /// then each revision the numbers made), the engine's numbers, next steps, caveats and where
  /// the numbers disagree; each format's renderer lays it out (markdown: headings and tables).
  public func report(money: MoneyFormat = MoneyFormat()) -> Report {
    var report = Report(title: "Advice: \(recommendation.rawValue)", json: json)
    var opening = ["Recommendation: \(recommendation.rawValue)", summary]
    if let startDate { opening.append("Start date: \(startDate).") }
    report.append(.lines(opening))
    var why = path.enumerated().map { index, step in
      "\(index + 1). \(step.question.text) -> \(step.answer)\n   \(step.rule) [\(step.source)]"
    }
    why += revisions.map { "Then: \($0.from.rawValue) -> \($0.to.rawValue): \($0.reason) [\($0.source)]" }
    report.append(.list(title: "Why", items: why))
    if let costs {
      let money = money.currency(costs.currency)
      let view = ScenarioReport(result: costs, money: money)
      report.append(.heading("The numbers (\(costs.scenario.name), from \(costs.start))"))
      report.append(.table(view.comparisonTable))
      report.append(.events(title: "Events", view.events))
      report.append(.notes(view.overlayLines))
      report.append(.verdict(view.verdict))
      report.append(.notes(headline(money: money)))
    }
    report.append(.list(title: "Next steps", items: nextSteps))
    report.append(.list(title: "Caveats", items: caveats))
    report.append(.list(title: "Where the numbers disagree", items: conflicts))
    return report
  }

}

extension DecisionTree {
  /// A mermaid `flowchart` of the whole tree.
  public var mermaid: String {
    var lines = ["flowchart TD"]
    var counter = 0
    func escape(_ text: String) -> String {
      text.replacingOccurrences(of: "\"", with: "#quot;")
    }
    @discardableResult
    func emit(_ node: DecisionNode) -> String {
      counter += 1
      let id = "n\(counter)"
      switch node {
      case .outcome(let outcome):
        lines.append("  \(id)([\"\(escape(outcome.recommendation.rawValue)): \(escape(outcome.summary))\"])")
      case .ask(let key, let branches):
        lines.append("  \(id){\"\(escape(question(key)?.text ?? key))\"}")
        for branch in branches {
          let child = emit(branch.next)
          lines.append("  \(id) -->|\"\(escape(key)) \(escape(branch.condition.label))\"| \(child)")
        }
      }
      return id
    }
    emit(root)
    return lines.joined(separator: "\n") + "\n"
  }

  /// An indented text outline of the tree, with each branch's rule and source.
  public var outline: String {
    var out = ""
    func walk(_ node: DecisionNode, depth: Int) {
      let pad = String(repeating: "  ", count: depth)
      switch node {
      case .outcome(let outcome):
        out += "\(pad)=> \(outcome.recommendation.rawValue): \(outcome.summary)\n"
      case .ask(let key, let branches):
        out += "\(pad)? \(question(key)?.text ?? key) [\(key)]\n"
        for branch in branches {
          out += "\(pad)  - \(branch.condition.label): \(branch.rule) [\(branch.source)]\n"
          walk(branch.next, depth: depth + 2)
        }
      }
    }
    walk(root, depth: 0)
    return out
  }

  /// The tree as JSON: questions, and nodes with branches.
  public var json: JSON {
    func node(_ value: DecisionNode) -> JSON {
      switch value {
      case .outcome(let outcome):
        return .object([
          ("outcome", .string(outcome.recommendation.rawValue)), ("summary", .string(outcome.summary)),
          ("next_steps", .array(outcome.nextSteps.map { .string($0) })),
          ("caveats", .array(outcome.caveats.map { .string($0) })),
        ])
      case .ask(let key, let branches):
        return .object([
          ("ask", .string(key)),
          (
            "branches",
            .array(
              branches.map { branch in
                .object([
                  ("when", .string(branch.condition.label)), ("rule", .string(branch.rule)),
                  ("source", .string(branch.source)), ("next", node(branch.next)),
                ])
              })
          ),
        ])
      }
    }
    return .object([
      (
        "questions",
        .array(
          questions.map { question in
            var members: [(String, JSON)] = [
              ("key", .string(question.key)), ("text", .string(question.text)), ("why", .string(question.why)),
            ]
            if case .choice(let choices) = question.kind {
              members.append(("values", .array(choices.map { .string($0.value) })))
            }
            members.append(("default", .string(question.defaultAnswer)))
            return .object(members)
          })
      ),
      ("root", node(root)),
    ])
  }
}
