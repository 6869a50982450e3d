import Foundation

extension Advice {
  /// The `advise --format json` object.
  public var json: JSON {
    .object([
      ("recommendation", .string(recommendation.rawValue)),
      ("summary", .string(summary)),
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
      ("next_steps", .array(nextSteps.map { .string($0) })),
      ("caveats", .array(caveats.map { .string($0) })),
      ("costs", costs.map { $0.json() } ?? .null),
      ("conflicts", .array(conflicts.map { .string($0) })),
    ])
  }

  /// The advice as a document: the recommendation, why (each answer with its rule and source),
  /// next steps, caveats, the engine's numbers when a scenario backs it, and where they disagree.
  public func report(money: MoneyFormat = MoneyFormat()) -> Report {
    var report = Report(title: "Recommendation: \(recommendation.rawValue)", json: json)
    report.append(.lines(["Recommendation: \(recommendation.rawValue)", summary]))
    report.append(
      .list(
        title: "Why",
        items: path.enumerated().map { index, step in
          "\(index + 1). \(step.question.text) -> \(step.answer)\n   \(step.rule) [\(step.source)]"
        }))
    report.append(.list(title: "Next steps", items: nextSteps))
    report.append(.list(title: "Caveats", items: caveats))
    if let costs {
      let view = ScenarioReport(result: costs, money: money)
      report.append(.heading("The numbers (\(costs.scenario.name))"))
      report.append(.table(view.comparisonTable))
      report.append(.events(title: "Events", view.events))
      report.append(.notes(view.overlayLines))
      report.append(.verdict(view.verdict))
      var lines: [String] = []
      for candidate in costs.candidates where candidate.plan.strategy == recommendation.strategy {
        guard let figures = candidate.figures else {
          lines.append("\(candidate.name): cannot run (\(candidate.status.reason ?? "infeasible"))")
          continue
        }
        let net = view.shownNet(candidate) ?? figures.netBenefit
        lines.append(
          "\(candidate.name): payback \(view.payback(figures.paybackMonths)), net benefit \(view.money.dollars(net, minimumFractionDigits: 2)) over \(costs.scenario.horizonMonths) months"
        )
      }
      report.append(.notes(lines))
    }
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
