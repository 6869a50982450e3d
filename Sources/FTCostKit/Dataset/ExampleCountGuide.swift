/// Module 20.2's guide to how many examples a fine-tuning task needs.
public enum TrainingTask: String, Sendable, CaseIterable {
  case classification
  case style
  case domain
  case multiTurn = "multi-turn"

  /// How the module names the task.
  public var title: String {
    switch self {
    case .classification: return "Classification (5 categories)"
    case .style: return "Response style"
    case .domain: return "Domain-specific knowledge"
    case .multiTurn: return "Complex multi-turn dialogues"
    }
  }

  public var minimum: Int { [50, 100, 200, 500][index] }
  public var recommended: Int { [200, 500, 1_000, 2_000][index] }
  public var ideal: Int { [500, 1_000, 5_000, 10_000][index] }

  private var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// Where `examples` falls: below minimum, minimum, recommended or ideal.
  public func verdict(examples: Int) -> String {
    if examples >= ideal { return "ideal" }
    if examples >= recommended { return "recommended" }
    if examples >= minimum { return "minimum" }
    return "below minimum"
  }
}
