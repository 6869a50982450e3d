import Foundation

/// A named part of a plan's one-time cost I, paid at the start.
public enum OneTimeComponent: Int, CaseIterable, Sendable {
  case setup
  case corpusEmbedding
  case teacherAnswers
  case training
  case labeling
  case evaluation

  /// The key in JSON and CSV output.
  public var key: String {
    switch self {
    case .setup: return "setup"
    case .corpusEmbedding: return "corpus_embedding"
    case .teacherAnswers: return "teacher_answers"
    case .training: return "training"
    case .labeling: return "labeling"
    case .evaluation: return "evaluation"
    }
  }

  /// The label in tables.
  public var label: String {
    switch self {
    case .setup: return "setup"
    case .corpusEmbedding: return "corpus embedding"
    case .teacherAnswers: return "teacher answers"
    case .training: return "training"
    case .labeling: return "labeling"
    case .evaluation: return "evaluation"
    }
  }
}

/// A plan's one-time cost I, by component.
public typealias OneTimeCosts = Amounts<OneTimeComponent>
