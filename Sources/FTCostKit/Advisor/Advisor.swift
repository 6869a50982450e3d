import Foundation

/// Why answers were refused.
public enum AdviceError: Error, Equatable, CustomStringConvertible {
  case unknownKey(String, suggestions: [String], keys: [String])
  case invalidValue(key: String, value: String, reason: String)
  case missingAnswer(key: String, allowed: String)

  public var description: String {
    switch self {
    case .unknownKey(let key, let suggestions, let keys):
      let hint = suggestions.isEmpty ? "" : " Did you mean '\(suggestions[0])'?"
      return "unknown answer key '\(key)'.\(hint) Keys: \(keys.joined(separator: ", "))."
    case .invalidValue(let key, let value, let reason):
      return "the answer '\(value)' is invalid for '\(key)': \(reason)"
    case .missingAnswer(let key, let allowed):
      return "the advice needs an answer for '\(key)' (\(allowed)); add --answer \(key)=…"
    }
  }
}

/// One step of the path the advisor took.
public struct PathStep: Sendable, Equatable {
  public var question: Question
  public var answer: String
  public var rule: String
  public var source: String
}

/// The advisor's answer: what to do, why, what next, and what the numbers say.
public struct Advice: Sendable {
  public var recommendation: Recommendation
  public var summary: String
  public var path: [PathStep]
  public var nextSteps: [String]
  public var caveats: [String]
  public var costs: ScenarioResult?
  public var conflicts: [String]
}

/// Walks the decision tree with validated answers.
public struct Advisor {
  public var tree: DecisionTree
  public var catalog: PricingCatalog
  public var today: ISODate

  public init(tree: DecisionTree = .standard, catalog: PricingCatalog, today: ISODate) {
    self.tree = tree
    self.catalog = catalog
    self.today = today
  }

  /// Every answer key, including the optional `requests_per_month`.
  public var keys: [String] { tree.questions.map(\.key) + ["requests_per_month"] }

  /// The allowed values of a key, in words.
  public func allowed(_ key: String) -> String {
    guard let question = tree.question(key) else { return "a number of requests per month" }
    switch question.kind {
    case .choice(let choices): return choices.map(\.value).joined(separator: "|")
    case .percentage: return "a percentage 0-100 or unknown"
    case .count: return "a whole number of examples"
    case .provider: return catalog.providers.joined(separator: "|")
    }
  }

  /// Checks one answer and returns it normalised (`85%` → `85`, `OpenAI` → `openai`).
  public func validate(key: String, value raw: String) throws(AdviceError) -> String {
    let value = raw.trimmingCharacters(in: .whitespaces)
    guard keys.contains(key) else {
      throw .unknownKey(key, suggestions: Suggestions.closest(to: key, in: keys), keys: keys)
    }
    guard let question = tree.question(key) else {
      guard let number = try? DecimalParser.parse(value), number >= 0 else {
        throw .invalidValue(key: key, value: raw, reason: "expected a number of requests per month")
      }
      return number.description
    }
    switch question.kind {
    case .choice(let choices):
      let values = choices.map(\.value)
      let lowered = value.lowercased()
      if values.contains(lowered) { return lowered }
      throw .invalidValue(
        key: key, value: raw,
        reason: "expected one of \(values.joined(separator: ", ")).\(Suggestions.hint(for: lowered, in: values))")
    case .percentage:
      if value.lowercased() == "unknown" { return "unknown" }
      let digits = value.hasSuffix("%") ? String(value.dropLast()) : value
      guard let number = try? DecimalParser.parse(digits) else {
        throw .invalidValue(key: key, value: raw, reason: "expected a percentage from 0 to 100, or unknown")
      }
      guard number >= 0, number <= 100 else {
        throw .invalidValue(key: key, value: raw, reason: "a percentage must be from 0 to 100")
      }
      return number.description
    case .count:
      guard let number = try? DecimalParser.parseCount(value) else {
        throw .invalidValue(key: key, value: raw, reason: "expected a whole number of 0 or more")
      }
      return String(number)
    case .provider:
      let lowered = value.lowercased()
      if catalog.providers.contains(lowered) { return lowered }
      throw .invalidValue(
        key: key, value: raw,
        reason:
          "expected a provider from the pricing tables: \(catalog.providers.joined(separator: ", ")).\(Suggestions.hint(for: lowered, in: catalog.providers))"
      )
    }
  }

  /// Where the walk stands: the next question to ask, or the finished advice.
  public enum Progress {
    case needs(Question, path: [PathStep])
    case done(Advice)
  }

  /// Walks the tree as far as `answers` (already validated) allow.
  public func walk(_ answers: [String: String]) -> Progress {
    var node = tree.root
    var path: [PathStep] = []
    while true {
      switch node {
      case .outcome(let outcome):
        return .done(advice(outcome, path: path, answers: answers))
      case .ask(let key, let branches):
        guard let question = tree.question(key) else {
          return .done(
            advice(
              Outcome(recommendation: .prompting, summary: "", nextSteps: [], caveats: []), path: path, answers: answers
            ))
        }
        guard let answer = answers[key] else { return .needs(question, path: path) }
        guard let branch = branches.first(where: { matches($0.condition, answer) }) else {
          return .needs(question, path: path)
        }
        path.append(PathStep(question: question, answer: answer, rule: branch.rule, source: branch.source))
        node = branch.next
      }
    }
  }

  func matches(_ condition: Condition, _ answer: String) -> Bool {
    switch condition {
    case .equals(let value): return answer == value
    case .oneOf(let values): return values.contains(answer)
    case .atLeast(let threshold): return (try? DecimalParser.parse(answer)).map { $0 >= threshold } ?? false
    case .below(let threshold): return (try? DecimalParser.parse(answer)).map { $0 < threshold } ?? false
    case .providerWithoutFineTuning: return catalog.table(forProvider: answer)?.fineTuning?.api == false
    case .otherwise: return true
    }
  }

  func advice(_ outcome: Outcome, path: [PathStep], answers: [String: String]) -> Advice {
    var caveats = outcome.caveats
    let provider = answers["provider"].flatMap { catalog.table(forProvider: $0) }
    let recommended = max(50, provider?.fineTuning?.recommendedExamples.map(Int.init) ?? 0)
    let have = answers["examples"].flatMap { Int($0) } ?? 0
    let nextSteps = outcome.nextSteps.map {
      $0.replacingOccurrences(of: "{more}", with: String(max(0, recommended - have)))
        .replacingOccurrences(of: "{target}", with: String(recommended))
    }
    if outcome.recommendation == .collectData {
      caveats.append(
        "Providers' own floors: OpenAI accepts 10 examples and recommends starting with 50; Vertex AI recommends starting with 100."
      )
    }
    if outcome.recommendation.trains {
      let tables = provider.map { [$0] } ?? catalog.tables.filter { $0.fineTuning?.newJobsUntil != nil }
      for table in tables {
        guard let closes = table.fineTuning?.newJobsUntil else { continue }
        let name = table.displayName
        if closes < today {
          caveats.append(
            "\(name) fine-tuning closed to new jobs on \(closes): train elsewhere (Vertex AI, Azure, open models).")
        } else {
          caveats.append(
            "\(name) fine-tuning closes to new jobs on \(closes): train before then, and plan where retraining will run."
          )
        }
      }
    }
    var steps = nextSteps
    if outcome.recommendation.trains {
      // The path no provider can close: open weights trained and served on rented GPUs.
      let open = catalog.models.filter { $0.selfHosting != nil }
      if let first = open.first, let figures = first.selfHosting {
        steps.append(
          "compare the open-weight path no provider can close: LoRA on rented GPUs (`ftcost train --model \(first.id) --gpu \(figures.gpu) --training-tokens N`, next to the managed services' price) and serving on your own GPUs (`ftcost compare --scenario examples/self-hosted-qwen-vs-api.json`); open weights here: \(open.map(\.id).joined(separator: ", "))"
        )
      }
    }
    return Advice(
      recommendation: outcome.recommendation, summary: outcome.summary, path: path, nextSteps: steps,
      caveats: caveats, costs: nil, conflicts: [])
  }

  /// Adds the engine's numbers to `advice` and flags where they disagree with the tree.
  public func backed(_ advice: Advice, by result: ScenarioResult) -> Advice {
    var advice = advice
    advice.costs = result
    let money = MoneyFormat(currency: result.currency)
    let report = ScenarioReport(result: result, money: money)
    let volume = MoneyFormat.count(result.scenario.workload.requestsPerMonth)
    let horizon = result.scenario.horizonMonths
    if let strategy = advice.recommendation.strategy, strategy != .prompting {
      let matching = result.candidates.filter { $0.plan.strategy == strategy }
      let runnable = matching.compactMap { candidate in candidate.figures.map { (candidate, $0) } }
      if matching.isEmpty {
        advice.conflicts.append(
          "the scenario has no \(strategy.rawValue) candidate, so the numbers cannot confirm the recommendation; add one to the scenario"
        )
      } else if runnable.isEmpty {
        let reasons = matching.compactMap { $0.status.reason }.joined(separator: "; ")
        advice.conflicts.append(
          "\(strategy.rawValue) fits the problem, but no such plan can run as written: \(reasons)")
      } else if runnable.allSatisfy({ $0.1.paybackMonths == nil }) {
        advice.conflicts.append(
          "\(strategy.rawValue) fits the problem, but at \(volume) requests a month it never pays back in \(horizon) months"
        )
      } else if let best = result.best, let bestFigures = best.figures, best.plan.strategy != strategy,
        let mine = runnable.max(by: { $0.1.netBenefit < $1.1.netBenefit }), bestFigures.netBenefit > mine.1.netBenefit
      {
        advice.conflicts.append(
          "\(best.name) (\(best.plan.strategy.rawValue)) saves more over \(horizon) months (\(money.total(bestFigures.netBenefit)) against \(money.total(mine.1.netBenefit)))"
        )
      }
    } else if let best = result.best, let figures = best.figures, figures.investment > 0 {
      advice.conflicts.append(
        "the tree says \(advice.recommendation.rawValue), but \(best.name) pays back in \(report.payback(figures.paybackMonths)) and saves \(money.total(figures.netBenefit)) over \(horizon) months at \(volume) requests a month"
      )
    }
    return advice
  }
}
