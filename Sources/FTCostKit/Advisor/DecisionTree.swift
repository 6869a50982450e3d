import Foundation

/// The strategies the advisor can recommend.
public enum Recommendation: String, Sendable, CaseIterable {
  case prompting
  case rag
  case fineTuning = "fine-tuning"
  case ragFineTuning = "rag+fine-tuning"
  case distillation
  case collectData = "collect-data"
  /// Move to a current untuned model that is cheaper (or faster) than the alternatives.
  case switchModel = "switch-model"

  /// The scenario strategy this recommendation corresponds to, when there is one.
  public var strategy: Strategy? {
    switch self {
    case .prompting, .switchModel: return .prompting
    case .rag: return .rag
    case .fineTuning: return .fineTuning
    case .ragFineTuning: return .ragFineTuning
    case .distillation: return .distillation
    case .collectData: return nil
    }
  }

  /// True for recommendations that train a model (and so meet fine-tuning lifecycles).
  public var trains: Bool { strategy?.trains ?? false }
}

/// What kind of answer a question takes.
public enum AnswerKind: Sendable, Equatable {
  /// One of a fixed list of values.
  case choice([(value: String, label: String)])
  /// A percentage from 0 to 100, or `unknown`.
  case percentage
  /// A whole number of 0 or more.
  case count
  /// A provider id from the pricing tables.
  case provider
  /// A number of 0 or more (requests per month).
  case number
  /// A model id or alias from the pricing tables.
  case model
  /// A date written YYYY-MM-DD.
  case date

  public static func == (lhs: AnswerKind, rhs: AnswerKind) -> Bool {
    switch (lhs, rhs) {
    case (.choice(let a), .choice(let b)): return a.map(\.value) == b.map(\.value)
    case (.percentage, .percentage), (.count, .count), (.provider, .provider), (.number, .number), (.model, .model),
      (.date, .date):
      return true
    default: return false
    }
  }
}

/// A question the advisor may ask.
public struct Question: Sendable, Equatable {
  /// The stable answer key (`problem`, `examples`, …).
  public var key: String
  public var text: String
  /// Why the question matters (shown for `?`).
  public var why: String
  public var kind: AnswerKind
  /// The answer taken when the user just presses return.
  public var defaultAnswer: String?
}

/// A test on an answer that selects a branch.
public enum Condition: Sendable, Equatable {
  case equals(String)
  case oneOf([String])
  case atLeast(Decimal)
  case below(Decimal)
  /// The provider has no public fine-tuning API.
  case providerWithoutFineTuning
  /// Fewer examples than `ExampleThresholds` asks for the provider and task answered so far.
  case belowExampleMinimum
  case otherwise

  /// Human-readable form for the tree view.
  public var label: String {
    switch self {
    case .equals(let value): return value
    case .oneOf(let values): return values.joined(separator: " or ")
    case .atLeast(let number): return ">= \(number)"
    case .below(let number): return "< \(number)"
    case .providerWithoutFineTuning: return "no fine-tuning API"
    case .belowExampleMinimum: return "< the minimum for the provider and task"
    case .otherwise: return "otherwise"
    }
  }
}

/// Where the advisor ends: a recommendation with its reasons and what to do next.
public struct Outcome: Sendable, Equatable {
  public var recommendation: Recommendation
  public var summary: String
  public var nextSteps: [String]
  public var caveats: [String]
}

/// A node of the decision tree: ask a question, or give an outcome.
public indirect enum DecisionNode: Sendable, Equatable {
  case ask(String, [Branch])
  case outcome(Outcome)
}

/// One answer range of a question, the rule that applies, its source, and where it leads.
public struct Branch: Sendable, Equatable {
  public var condition: Condition
  public var rule: String
  public var source: String
  public var next: DecisionNode
}

/// The questions and the tree that uses them.
public struct DecisionTree: Sendable, Equatable {
  public var questions: [Question]
  public var root: DecisionNode

  public func question(_ key: String) -> Question? {
    questions.first { $0.key == key }
  }

  /// Every outcome reachable in the tree, in tree order.
  public var outcomes: [Outcome] {
    var found: [Outcome] = []
    func walk(_ node: DecisionNode) {
      switch node {
      case .outcome(let outcome): found.append(outcome)
      case .ask(_, let branches): branches.forEach { walk($0.next) }
      }
    }
    walk(root)
    return found
  }
}
