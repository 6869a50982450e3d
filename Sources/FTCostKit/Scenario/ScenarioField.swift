import Foundation

/// A numeric field of a decoded scenario at a `--set` path, written directly rather than through
/// the scenario's JSON, so thousands of samples need not decode the file again.
///
/// Writing `value` here gives the scenario `--set PATH=value` and decoding would give, for any
/// value decoding accepts (a test holds every field to that); a value decoding would refuse must
/// not be written here.
struct ScenarioField: Sendable {
  /// What a field's value feeds, so a sample plans again only the plans it can change.
  enum Part: Sendable, Hashable {
    /// `workload.requests_per_month`: read when evaluating, and by a plan's evaluation set.
    case volume
    /// `workload.monthly_growth` and `discount_rate_annual`: read only when evaluating.
    case evaluationOnly
    /// Any other workload field: every plan.
    case workload
    /// A field of the baseline: the baseline, and so every candidate measured against it.
    case baseline
    /// A field of one candidate: that candidate only.
    case candidate(Int)
  }

  let part: Part
  private let write: @Sendable (inout Scenario, Decimal) -> Bool

  /// The field at `path` when `scenario` has it; `nil` for a path only the JSON route can set
  /// (a key this table lacks, or terms the plan does not have).
  init?(path: String, in scenario: Scenario) {
    guard let steps = try? ScenarioOverride(path: path, value: "0").steps() else { return nil }
    switch steps.first {
    case .key("discount_rate_annual") where steps.count == 1:
      part = .evaluationOnly
      write = { scenario, value in
        scenario.discountRateAnnual = value
        return true
      }
    case .key("workload") where steps.count == 2:
      guard case .key(let key) = steps[1], let field = Self.workloadFields[key] else { return nil }
      part = key == "requests_per_month" ? .volume : key == "monthly_growth" ? .evaluationOnly : .workload
      write = { scenario, value in
        field(&scenario.workload, value)
        return true
      }
    case .key("baseline"):
      guard let field = Self.planField(Array(steps.dropFirst())) else { return nil }
      part = .baseline
      write = { scenario, value in field(&scenario.baseline, value) }
    case .key("candidates"):
      guard steps.count > 1, case .index(let index) = steps[1], index < scenario.candidates.count,
        let field = Self.planField(Array(steps.dropFirst(2)))
      else { return nil }
      part = .candidate(index)
      write = { scenario, value in field(&scenario.candidates[index], value) }
    default:
      return nil
    }
    var probe = scenario
    guard write(&probe, 0) else { return nil }
  }

  /// Writes `value` into `scenario`.
  func apply(_ value: Decimal, to scenario: inout Scenario) {
    _ = write(&scenario, value)
  }

  /// A whole-number value as decoding reads it.
  static func count(_ value: Decimal) -> Int64 {
    Int64(truncating: value as NSDecimalNumber)
  }

  typealias Writer<Value> = @Sendable (inout Value, Decimal) -> Void

  static let workloadFields: [String: Writer<Workload>] = [
    "requests_per_month": { $0.requestsPerMonth = $1 },
    "monthly_growth": { $0.monthlyGrowth = $1 },
    "user_tokens": { $0.userTokens = count($1) },
    "output_tokens": { $0.outputTokens = count($1) },
    "system_tokens": { $0.systemTokens = count($1) },
    "few_shot_tokens": { $0.fewShotTokens = count($1) },
    "cached_prefix_share": { $0.cachedPrefixShare = $1 },
    "failure_cost": { $0.failureCost = $1 },
  ]

  static let commonPlanFields: [String: Writer<StrategyPlan>] = [
    "setup_cost": { $0.setupCost = $1 },
    "system_tokens": { $0.systemTokens = count($1) },
    "few_shot_tokens": { $0.fewShotTokens = count($1) },
    "output_tokens": { $0.outputTokens = count($1) },
    "success_rate": { $0.successRate = $1 },
    "ops_monthly": { $0.opsMonthly = $1 },
    "migration_cost": { $0.migrationCost = $1 },
    "lead_time_months": { $0.leadTimeMonths = $1 },
  ]

  static let retrievalFields: [String: Writer<RetrievalTerms>] = [
    "context_tokens": { $0.contextTokens = count($1) },
    "corpus_tokens": { $0.corpusTokens = count($1) },
    "reindex_share_per_month": { $0.reindexSharePerMonth = $1 },
    "vector_db_monthly": { $0.vectorDBMonthly = $1 },
  ]

  static let trainingFields: [String: Writer<TrainingTerms>] = [
    "examples": { $0.examples = count($1) },
    "tokens_per_example": { $0.tokensPerExample = count($1) },
    "training_tokens": { $0.trainingTokens = count($1) },
    "epochs": { $0.epochs = count($1) },
    "training_hours": { $0.trainingHours = $1 },
    "labeling_cost_per_example": { $0.labelingCostPerExample = $1 },
    "retrain_every_months": { $0.retrainEveryMonths = count($1) },
    "retrain_examples": { $0.retrainExamples = count($1) },
  ]

  static let teacherFields: [String: Writer<TeacherTerms>] = [
    "teacher_output_tokens": { $0.outputTokens = count($1) }
  ]

  static let hostingFields: [String: Writer<HostingTerms>] = [
    "gpus_per_replica": { $0.gpusPerReplica = count($1) },
    "min_replicas": { $0.minReplicas = count($1) },
    "max_utilization": { $0.maxUtilization = $1 },
    "input_tokens_per_second": { $0.inputTokensPerSecond = $1 },
    "output_tokens_per_second": { $0.outputTokensPerSecond = $1 },
  ]

  static let evaluationFields: [String: Writer<Evaluation>] = [
    "test_cases": { $0.testCases = count($1) },
    "judge_input_tokens": { $0.judgeInputTokens = count($1) },
    "judge_output_tokens": { $0.judgeOutputTokens = count($1) },
  ]

  /// The writer of a plan's field at `steps` (`examples`, `hosting.min_replicas`); it returns
  /// false when the plan lacks the terms or object that field belongs to.
  static func planField(_ steps: [ScenarioOverride.Step]) -> (@Sendable (inout StrategyPlan, Decimal) -> Bool)? {
    let keys = steps.map { step -> String? in if case .key(let key) = step { return key } else { return nil } }
    guard !keys.contains(nil) else { return nil }
    switch keys.compactMap({ $0 }) {
    case let path where path.count == 1:
      let key = path[0]
      if let field = commonPlanFields[key] {
        return { plan, value in
          field(&plan, value)
          return true
        }
      }
      if let field = retrievalFields[key] {
        return { plan, value in plan.terms.updateRetrieval { field(&$0, value) } }
      }
      if let field = trainingFields[key] {
        return { plan, value in plan.terms.updateTraining { field(&$0, value) } }
      }
      if let field = teacherFields[key] {
        return { plan, value in plan.terms.updateTeacher { field(&$0, value) } }
      }
      return nil
    case let path where path.count == 2 && path[0] == "hosting":
      guard let field = hostingFields[path[1]] else { return nil }
      return { plan, value in
        guard var hosting = plan.hosting else { return false }
        field(&hosting, value)
        plan.hosting = hosting
        return true
      }
    case let path where path.count == 2 && path[0] == "evaluation":
      guard let field = evaluationFields[path[1]] else { return nil }
      return { plan, value in
        guard var evaluation = plan.evaluation else { return false }
        field(&evaluation, value)
        plan.evaluation = evaluation
        return true
      }
    default:
      return nil
    }
  }
}

extension StrategyTerms {
  /// Changes the retrieval terms in place; false when the strategy has none.
  fileprivate mutating func updateRetrieval(_ change: (inout RetrievalTerms) -> Void) -> Bool {
    switch self {
    case .rag(var terms):
      change(&terms)
      self = .rag(terms)
    case .ragFineTuning(var terms, let training):
      change(&terms)
      self = .ragFineTuning(terms, training)
    case .prompting, .fineTuning, .distillation:
      return false
    }
    return true
  }

  /// Changes the training terms in place; false when the strategy does not train.
  fileprivate mutating func updateTraining(_ change: (inout TrainingTerms) -> Void) -> Bool {
    switch self {
    case .fineTuning(var terms):
      change(&terms)
      self = .fineTuning(terms)
    case .distillation(var terms, let teacher):
      change(&terms)
      self = .distillation(terms, teacher)
    case .ragFineTuning(let retrieval, var terms):
      change(&terms)
      self = .ragFineTuning(retrieval, terms)
    case .prompting, .rag:
      return false
    }
    return true
  }

  /// Changes the teacher's terms in place; false unless the plan distils.
  fileprivate mutating func updateTeacher(_ change: (inout TeacherTerms) -> Void) -> Bool {
    guard case .distillation(let training, var teacher) = self else { return false }
    change(&teacher)
    self = .distillation(training, teacher)
    return true
  }
}
