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

/// A change the advisor made to the tree's recommendation, and why.
public struct Revision: Sendable, Equatable {
  public var from: Recommendation
  public var to: Recommendation
  /// The reason, with the numbers where there are any.
  public var reason: String
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
  /// Where the advisor moved away from the tree's leaf (market, lifecycle, volume).
  public var revisions: [Revision] = []
  /// The scenario the advisor built and priced (none when `--scenario` was given or no volume).
  public var builtScenario: AdviceScenario?
  /// The day the work starts: what is named must be open then.
  public var startDate: ISODate?
  /// The user's `--scenario` file as JSON, when the advice was backed by one.
  public var givenScenario: JSON?

  /// The scenario behind the numbers, as its JSON document: the user's, or the one built from the
  /// answers.
  public var scenarioDocument: JSON? { givenScenario ?? builtScenario?.document }

  /// The candidates that price the recommendation: the built scenario's candidate for it, or the
  /// user's scenario's candidates of its strategy.
  public var recommendedCandidates: [CandidateResult] {
    guard let costs else { return [] }
    if let built = builtScenario {
      let name: String?
      switch recommendation {
      case .fineTuning, .distillation, .ragFineTuning: name = built.trainingCandidate
      case .switchModel: name = built.switchCandidate
      case .rag: name = built.ragCandidate
      case .prompting, .collectData: name = nil
      }
      return costs.candidates.filter { $0.name == name }
    }
    switch recommendation {
    case .switchModel:
      return costs.candidates.filter {
        $0.plan.strategy == .prompting && $0.plan.model != costs.scenario.baseline.model
      }
    case .prompting, .collectData:
      return []
    case .rag, .fineTuning, .distillation, .ragFineTuning:
      return costs.candidates.filter { $0.plan.strategy == recommendation.strategy }
    }
  }

  /// The recommendation at the tree's leaf, before any revision.
  public var treeRecommendation: Recommendation { revisions.first?.from ?? recommendation }
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

  /// The optional questions that put money and dates on the advice.
  public var moneyQuestions: [Question] { DecisionTree.moneyQuestions }

  /// Every answer key: the tree's, then the optional money questions'.
  public var keys: [String] { tree.questions.map(\.key) + moneyQuestions.map(\.key) }

  /// A question by key, from the tree or the money questions.
  public func question(_ key: String) -> Question? {
    tree.question(key) ?? moneyQuestions.first { $0.key == key }
  }

  /// The allowed values of a key, in words.
  public func allowed(_ key: String) -> String {
    guard let question = question(key) else { return "" }
    switch question.kind {
    case .choice(let choices): return choices.map(\.value).joined(separator: "|")
    case .percentage: return "a percentage 0-100 or unknown"
    case .count: return key == "examples" ? "a whole number of examples" : "a whole number of tokens"
    case .provider: return catalog.providers.joined(separator: "|")
    case .number: return "a number of requests per month"
    case .model: return "a model id or alias from the pricing tables"
    case .date: return "a date written YYYY-MM-DD"
    }
  }

  /// Checks one answer and returns it normalised (`85%` → `85`, `OpenAI` → `openai`).
  public func validate(key: String, value raw: String) throws(AdviceError) -> String {
    let value = raw.trimmingCharacters(in: .whitespaces)
    guard keys.contains(key) else {
      throw .unknownKey(key, suggestions: Suggestions.closest(to: key, in: keys), keys: keys)
    }
    guard let question = question(key) else {
      throw .unknownKey(key, suggestions: Suggestions.closest(to: key, in: keys), keys: keys)
    }
    switch question.kind {
    case .number:
      guard let number = try? DecimalParser.parse(value), number >= 0 else {
        throw .invalidValue(key: key, value: raw, reason: "expected a number of requests per month")
      }
      return number.description
    case .model:
      do {
        return try catalog.model(named: value).id
      } catch {
        throw .invalidValue(
          key: key, value: raw,
          reason: "not a model in the pricing tables.\(Suggestions.hint(for: value, in: catalog.allNames))")
      }
    case .date:
      guard let date = ISODate(value) else {
        throw .invalidValue(key: key, value: raw, reason: "expected a date written YYYY-MM-DD, e.g. 2027-01-01")
      }
      return date.description
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
        guard let branch = branches.first(where: { matches($0.condition, answer, answers) }) else {
          return .needs(question, path: path)
        }
        path.append(PathStep(question: question, answer: answer, rule: branch.rule, source: branch.source))
        node = branch.next
      }
    }
  }

  func matches(_ condition: Condition, _ answer: String, _ answers: [String: String]) -> Bool {
    switch condition {
    case .equals(let value): return answer == value
    case .oneOf(let values): return values.contains(answer)
    case .atLeast(let threshold): return (try? DecimalParser.parse(answer)).map { $0 >= threshold } ?? false
    case .below(let threshold): return (try? DecimalParser.parse(answer)).map { $0 < threshold } ?? false
    case .providerWithoutFineTuning: return catalog.table(forProvider: answer)?.fineTuning?.api == false
    case .belowExampleMinimum: return Int(answer).map { !thresholds(answers).isEnough($0) } ?? false
    case .otherwise: return true
    }
  }

  /// The example counts that apply to the answers: the provider's and the task's.
  public func thresholds(_ answers: [String: String]) -> ExampleThresholds {
    let task = answers["task"].flatMap(TrainingTask.init(rawValue:)) ?? TrainingTask.forProblem(answers["problem"])
    return ExampleThresholds(task: task, provider: answers["provider"].flatMap { catalog.table(forProvider: $0) })
  }
}
