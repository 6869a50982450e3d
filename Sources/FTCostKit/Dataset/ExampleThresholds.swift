/// How many examples a fine-tuning job needs for one provider and task: the one table the advisor,
/// `dataset inspect` and the generated docs all read.
///
/// The minimum is the largest of module 20.1's floor (fewer than 50 examples is not enough), module
/// 20.2's minimum for the task, the provider's hard minimum and the number the provider recommends
/// starting with (Vertex AI: 100). The recommended count is the larger of the task's and the
/// provider's recommendation, and never below the minimum.
public struct ExampleThresholds: Sendable, Equatable {
  /// Fewer examples than this are not enough to train on.
  public var minimum: Int
  /// The count to aim for.
  public var recommended: Int
  /// Module 20.2's ideal count for the task; `nil` when no task is known.
  public var ideal: Int?
  /// Where the minimum comes from, in words.
  public var basis: String

  /// Module 20.1: "fewer than 50 examples: not enough for training".
  public static let moduleFloor = 50

  /// The thresholds for `task` (or any task when `nil`) with a provider's own counts.
  public init(task: TrainingTask?, providerMinimum: Int64?, providerRecommended: Int64?, provider: String?) {
    var parts: [(Int, String)] = [(Self.moduleFloor, "module 20.1's floor of \(Self.moduleFloor)")]
    if let task { parts.append((task.minimum, "module 20.2's minimum for \(task.rawValue) (\(task.minimum))")) }
    let name = provider ?? "the provider"
    if let providerMinimum {
      parts.append((Int(providerMinimum), "\(name)'s hard minimum of \(providerMinimum)"))
    }
    if let providerRecommended {
      parts.append((Int(providerRecommended), "\(name)'s recommended start of \(providerRecommended)"))
    }
    let top = parts.max { $0.0 < $1.0 } ?? parts[0]
    minimum = top.0
    basis = top.1
    recommended = max(minimum, task?.recommended ?? 0, providerRecommended.map(Int.init) ?? 0)
    ideal = task?.ideal
  }

  /// The thresholds for `task` on a provider's fine-tuning service (`nil`: no provider known).
  public init(task: TrainingTask?, provider table: PricingTable?) {
    self.init(
      task: task, providerMinimum: table?.fineTuning?.minExamples,
      providerRecommended: table?.fineTuning?.recommendedExamples, provider: table?.displayName)
  }

  /// The thresholds for `task` on `model`'s provider: the provider's counts, raised by the model's
  /// own where it sets larger ones.
  public init(task: TrainingTask?, model: ModelPricing?) {
    let provider = model?.providerFineTuning
    func larger(_ a: Int64?, _ b: Int64?) -> Int64? { [a, b].compactMap { $0 }.max() }
    self.init(
      task: task, providerMinimum: larger(model?.fineTuning?.minExamples, provider?.minExamples),
      providerRecommended: larger(model?.fineTuning?.recommendedExamples, provider?.recommendedExamples),
      provider: model?.providerDisplayName)
  }

  /// True when `examples` are enough to train on.
  public func isEnough(_ examples: Int) -> Bool { examples >= minimum }

  /// Where `examples` falls: below minimum, minimum, recommended or ideal.
  public func verdict(examples: Int) -> String {
    if let ideal, examples >= ideal { return "ideal" }
    if examples >= recommended { return "recommended" }
    if examples >= minimum { return "minimum" }
    return "below minimum"
  }
}

extension TrainingTask {
  /// The task a problem described to the advisor most likely trains: the wrong format, style or
  /// tone is a style task, missing knowledge and style together a domain task; `nil` otherwise.
  public static func forProblem(_ problem: String?) -> TrainingTask? {
    switch problem {
    case "format": return .style
    case "both": return .domain
    default: return nil
    }
  }
}
