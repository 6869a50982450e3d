import Foundation

extension Scenario {
  static let topKeys = [
    "name", "description", "horizon_months", "discount_rate_annual", "start_date", "workload", "baseline", "candidates",
    "uncertainty",
  ]
  static let workloadKeys = [
    "requests_per_month", "monthly_growth", "user_tokens", "output_tokens", "system_tokens", "few_shot_tokens",
    "cached_prefix_share", "failure_cost",
  ]
  static let commonStrategyKeys = [
    "name", "strategy", "model", "setup_cost", "system_tokens", "few_shot_tokens", "output_tokens", "evaluation",
    "success_rate", "ops_monthly", "successor_model", "migration_cost", "lead_time_months", "hosting",
  ]
  static let ragKeys = [
    "embedding_model", "context_tokens", "corpus_tokens", "reindex_share_per_month", "vector_db_monthly",
  ]
  static let trainingKeys = [
    "examples", "tokens_per_example", "training_tokens", "epochs", "training_hours", "labeling_cost_per_example",
    "retrain_every_months", "retrain_examples", "training_method",
  ]
  static let hostingKeys = [
    "gpu", "gpus_per_replica", "min_replicas", "max_utilization", "input_tokens_per_second", "output_tokens_per_second",
  ]
  static let distillationKeys = ["teacher", "teacher_output_tokens", "teacher_batch"]
  static let evaluationKeys = ["test_cases", "judge", "judge_input_tokens", "judge_output_tokens"]

  /// Every key a strategy object may hold, whatever its strategy.
  static var allStrategyKeys: [String] { commonStrategyKeys + ragKeys + trainingKeys + distillationKeys }

  /// The keys `strategy` uses; any other key is an error so a typo never drops a cost.
  static func keys(for strategy: Strategy) -> [String] {
    var keys = commonStrategyKeys
    if strategy.retrieves { keys += ragKeys }
    if strategy.trains { keys += trainingKeys }
    if strategy == .distillation { keys += distillationKeys }
    return keys
  }

  /// The allowed keys of the object at a `--set` path's parent, for did-you-mean hints.
  static func allowedKeys(atParentOf path: [String]) -> [String] {
    guard let first = path.first else { return topKeys }
    switch first {
    case "workload": return workloadKeys
    case "baseline", "candidates":
      return path.contains("evaluation") ? evaluationKeys : allStrategyKeys
    default: return topKeys
    }
  }

  /// Reads a scenario from JSON text, collecting every problem with its line and column.
  public static func parse(file: String, bytes: [UInt8]) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      return (nil, [error.diagnostic(file: file)])
    }
    return decode(root, file: file)
  }

  /// Reads a scenario from an already parsed (and possibly overridden) JSON tree.
  public static func decode(_ root: JSONNode, file: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
    var reader = FieldReader(file: file)
    guard reader.object(root, path: "", allowed: topKeys) != nil else { return (nil, reader.diagnostics) }
    ScenarioLimits.check(root, reader: &reader)
    let name = reader.string(root, "name", path: "") ?? (file as NSString).lastPathComponent
    var horizon = 12
    if let value = reader.count(root, "horizon_months", path: "") {
      if value < 1 || value > Int64(maximumHorizonMonths) {
        reader.report(
          "horizon must be 1 to \(maximumHorizonMonths) months (found \(value))", at: root["horizon_months"]?.location,
          path: "horizon_months")
      } else {
        horizon = Int(value)
      }
    }
    let discount = reader.decimal(root, "discount_rate_annual", path: "", allowNegative: true) ?? 0
    if discount <= -1 {
      reader.report(
        "discount_rate_annual must be above -1 (found \(discount))", at: root["discount_rate_annual"]?.location,
        path: "discount_rate_annual")
    }
    let startDate = reader.date(root, "start_date", path: "")

    var workload: Workload?
    if let node = root["workload"], reader.object(node, path: "workload", allowed: workloadKeys) != nil {
      let requests = reader.decimal(node, "requests_per_month", path: "workload", required: true)
      let user = reader.count(node, "user_tokens", path: "workload", required: true)
      let output = reader.count(node, "output_tokens", path: "workload", required: true)
      let growth = reader.decimal(node, "monthly_growth", path: "workload", allowNegative: true) ?? 0
      if growth < -1 {
        reader.report(
          "monthly_growth below -1 (-100 %) would make volume negative (found \(growth))",
          at: node["monthly_growth"]?.location, path: "workload.monthly_growth")
      }
      let share = reader.decimal(node, "cached_prefix_share", path: "workload") ?? 0
      if share > 1 {
        reader.report(
          "cached_prefix_share is a share from 0 to 1 (found \(share))", at: node["cached_prefix_share"]?.location,
          path: "workload.cached_prefix_share")
      }
      if let requests, let user, let output {
        workload = Workload(
          requestsPerMonth: requests, monthlyGrowth: growth, userTokens: user, outputTokens: output,
          systemTokens: reader.count(node, "system_tokens", path: "workload") ?? 0,
          fewShotTokens: reader.count(node, "few_shot_tokens", path: "workload") ?? 0,
          cachedPrefixShare: share,
          failureCost: reader.decimal(node, "failure_cost", path: "workload") ?? 0)
      }
    } else if root["workload"] == nil {
      reader.report("missing required field \"workload\"", at: root.location, path: "workload")
    }

    var baseline: StrategyPlan?
    if let node = root["baseline"] {
      baseline = plan(node, path: "baseline", reader: &reader)
      for key in ["evaluation", "lead_time_months"] where node[key] != nil {
        reader.report(
          "\(key) belongs on a candidate, not the baseline it is compared with", at: node[key]?.location,
          path: "baseline.\(key)")
      }
    } else {
      reader.report(
        "missing required field \"baseline\": the strategy the candidates are compared with (e.g. prompting on your current model)",
        at: root.location, path: "baseline")
    }
    var candidates: [StrategyPlan] = []
    if let list = root["candidates"] {
      if let items = list.arrayValue {
        for (offset, item) in items.enumerated() {
          if let plan = plan(item, path: "candidates[\(offset)]", reader: &reader) { candidates.append(plan) }
        }
        if items.isEmpty {
          reader.report(
            "add at least one candidate to compare with the baseline", at: list.location, path: "candidates")
        }
      } else {
        reader.report("expected an array of strategies, found \(list.typeName)", at: list.location, path: "candidates")
      }
    } else {
      reader.report("missing required field \"candidates\"", at: root.location, path: "candidates")
    }
    // Plans without a name are named after their strategy, then their model, then their place,
    // until the name is unique; two plans given the same name are an error.
    var plans = [baseline].compactMap { $0 } + candidates
    var taken = Set(plans.filter { explicitlyNamed(root, $0.path) }.map(\.name))
    for index in plans.indices where !explicitlyNamed(root, plans[index].path) {
      let plan = plans[index]
      let options = [plan.name, "\(plan.name) (\(plan.model))", "\(plan.name) (\(plan.model), \(plan.path))"]
      plans[index].name = options.first { !taken.contains($0) } ?? options[2]
      taken.insert(plans[index].name)
    }
    if baseline != nil { baseline = plans.removeFirst() }
    candidates = plans
    var names = Set<String>()
    for plan in [baseline].compactMap({ $0 }) + candidates where !names.insert(plan.name).inserted {
      reader.report(
        "two strategies are named \"\(plan.name)\"; give each a distinct name", at: nil, path: "\(plan.path).name")
    }
    guard reader.diagnostics.isEmpty, let workload, let baseline else { return (nil, reader.diagnostics) }
    let scenario = Scenario(
      name: name, horizonMonths: horizon, discountRateAnnual: discount, startDate: startDate,
      workload: workload, baseline: baseline, candidates: candidates)
    return (scenario, [])
  }

  /// Reads a plan's `hosting` object: GPU, GPUs per replica, replica floor, utilisation cap and
  /// measured throughput overrides.
  private static func hosting(_ node: JSONNode, path: String, reader: inout FieldReader) -> HostingTerms? {
    guard reader.object(node, path: path, allowed: hostingKeys) != nil else { return nil }
    var terms = HostingTerms()
    terms.gpu = reader.string(node, "gpu", path: path)
    if let gpus = reader.count(node, "gpus_per_replica", path: path) {
      if gpus < 1 || gpus > 1024 {
        reader.report(
          "gpus_per_replica must be 1 to 1,024 (found \(gpus))", at: node["gpus_per_replica"]?.location,
          path: "\(path).gpus_per_replica")
      }
      terms.gpusPerReplica = gpus
    }
    if let floor = reader.count(node, "min_replicas", path: path) {
      if floor > 10_000 {
        reader.report(
          "min_replicas must be 0 to 10,000 (found \(floor))", at: node["min_replicas"]?.location,
          path: "\(path).min_replicas")
      }
      terms.minReplicas = floor
    }
    if let cap = reader.decimal(node, "max_utilization", path: path) {
      if cap <= 0 || cap > 1 {
        reader.report(
          "max_utilization is the share of a replica's time it may be busy: above 0, at most 1 (found \(cap))",
          at: node["max_utilization"]?.location, path: "\(path).max_utilization")
      }
      terms.maxUtilization = cap
    }
    for key in ["input_tokens_per_second", "output_tokens_per_second"] {
      guard let value = reader.decimal(node, key, path: path) else { continue }
      if value <= 0 || value > 100_000_000 {
        reader.report(
          "\(key) must be above 0 and at most 100,000,000 (found \(value))", at: node[key]?.location,
          path: "\(path).\(key)")
      }
      if key == "input_tokens_per_second" {
        terms.inputTokensPerSecond = value
      } else {
        terms.outputTokensPerSecond = value
      }
    }
    return terms
  }

  /// True when the plan at `path` (`baseline`, `candidates[2]`) has its own `name`.
  private static func explicitlyNamed(_ root: JSONNode, _ path: String) -> Bool {
    if path == "baseline" { return root["baseline"]?["name"] != nil }
    guard path.hasPrefix("candidates["), let index = Int(path.dropFirst(11).dropLast()),
      let items = root["candidates"]?.arrayValue, index < items.count
    else { return false }
    return items[index]["name"] != nil
  }

  private static func plan(_ node: JSONNode, path: String, reader: inout FieldReader) -> StrategyPlan? {
    guard reader.object(node, path: path, allowed: allStrategyKeys) != nil else { return nil }
    guard let strategyText = reader.string(node, "strategy", path: path, required: true) else { return nil }
    guard let strategy = Strategy(rawValue: strategyText) else {
      let names = Strategy.allCases.map(\.rawValue)
      reader.report(
        "unknown strategy \"\(strategyText)\".\(Suggestions.hint(for: strategyText, in: names)) Strategies: \(names.joined(separator: ", ")).",
        at: node["strategy"]?.location, path: "\(path).strategy")
      return nil
    }
    let used = keys(for: strategy)
    for member in node.members ?? [] where allStrategyKeys.contains(member.key) && !used.contains(member.key) {
      let owners = Strategy.allCases.filter { keys(for: $0).contains(member.key) }.map(\.rawValue)
      reader.report(
        "\"\(member.key)\" is not used by strategy \"\(strategy.rawValue)\" (it belongs to \(owners.joined(separator: ", "))); remove it or change the strategy",
        at: member.keyLocation, path: "\(path).\(member.key)")
    }
    guard let model = reader.string(node, "model", path: path, required: true) else { return nil }
    guard let terms = terms(of: strategy, node, path: path, reader: &reader) else { return nil }
    var plan = StrategyPlan(
      name: reader.string(node, "name", path: path) ?? strategy.rawValue, model: model, path: path, terms: terms)
    plan.setupCost = reader.decimal(node, "setup_cost", path: path) ?? 0
    plan.systemTokens = reader.count(node, "system_tokens", path: path)
    plan.fewShotTokens = reader.count(node, "few_shot_tokens", path: path)
    plan.outputTokens = reader.count(node, "output_tokens", path: path)
    if let rate = reader.decimal(node, "success_rate", path: path) {
      if rate > 1 {
        reader.report(
          "success_rate is a share from 0 to 1 (found \(rate)); 0.95 means 95 % of answers meet the bar",
          at: node["success_rate"]?.location, path: "\(path).success_rate")
      }
      plan.successRate = rate
    }
    plan.opsMonthly = reader.decimal(node, "ops_monthly", path: path) ?? 0
    plan.successorModel = reader.string(node, "successor_model", path: path)
    plan.migrationCost = reader.decimal(node, "migration_cost", path: path) ?? 0
    if let lead = reader.decimal(node, "lead_time_months", path: path) {
      if lead > Decimal(maximumHorizonMonths) {
        reader.report(
          "lead_time_months must be at most \(maximumHorizonMonths) (found \(lead))",
          at: node["lead_time_months"]?.location, path: "\(path).lead_time_months")
      }
      plan.leadTimeMonths = lead
    }
    if let sub = node["hosting"], !sub.isNull {
      plan.hosting = hosting(sub, path: "\(path).hosting", reader: &reader)
    }
    if node["training_method"] != nil && node["hosting"] == nil {
      reader.report(
        "training_method applies to a plan trained on its own GPUs; add \"hosting\" or remove it",
        at: node["training_method"]?.location, path: "\(path).training_method")
    }
    if let sub = node["evaluation"], reader.object(sub, path: "\(path).evaluation", allowed: evaluationKeys) != nil {
      let evalPath = "\(path).evaluation"
      if let cases = reader.count(sub, "test_cases", path: evalPath, required: true),
        let judge = reader.string(sub, "judge", path: evalPath, required: true)
      {
        plan.evaluation = Evaluation(
          testCases: cases, judge: judge,
          judgeInputTokens: reader.count(sub, "judge_input_tokens", path: evalPath) ?? 0,
          judgeOutputTokens: reader.count(sub, "judge_output_tokens", path: evalPath) ?? 0)
      }
    }
    return plan
  }

  /// Reads the terms `strategy` uses into their own structs.
  private static func terms(
    of strategy: Strategy, _ node: JSONNode, path: String, reader: inout FieldReader
  ) -> StrategyTerms? {
    var retrieval: RetrievalTerms?
    if strategy.retrieves {
      let embedding = reader.string(node, "embedding_model", path: path, required: true)
      let context = reader.count(node, "context_tokens", path: path, required: true)
      if let embedding, let context {
        var terms = RetrievalTerms(embeddingModel: embedding, contextTokens: context)
        terms.corpusTokens = reader.count(node, "corpus_tokens", path: path) ?? 0
        terms.reindexSharePerMonth = reader.decimal(node, "reindex_share_per_month", path: path) ?? 0
        terms.vectorDBMonthly = reader.decimal(node, "vector_db_monthly", path: path) ?? 0
        retrieval = terms
      }
    }
    var training: TrainingTerms?
    if strategy.trains {
      var terms = TrainingTerms()
      terms.examples = reader.count(node, "examples", path: path)
      terms.tokensPerExample = reader.count(node, "tokens_per_example", path: path)
      terms.trainingTokens = reader.count(node, "training_tokens", path: path)
      if let epochs = node["epochs"], epochs.stringValue != "auto" {
        if let value = reader.count(node, "epochs", path: path) {
          if value < 1 {
            reader.report("epochs must be 1 or more, or \"auto\"", at: epochs.location, path: "\(path).epochs")
          }
          terms.epochs = value
        }
      }
      terms.trainingHours = reader.decimal(node, "training_hours", path: path)
      terms.labelingCostPerExample = reader.decimal(node, "labeling_cost_per_example", path: path) ?? 0
      if let every = reader.count(node, "retrain_every_months", path: path) {
        if every < 1 {
          reader.report(
            "retrain_every_months must be 1 or more", at: node["retrain_every_months"]?.location,
            path: "\(path).retrain_every_months")
        }
        terms.retrainEveryMonths = every
      }
      terms.retrainExamples = reader.count(node, "retrain_examples", path: path) ?? 0
      if let text = reader.string(node, "training_method", path: path) {
        if let method = TrainingMethod(rawValue: text) {
          terms.method = method
        } else {
          let names = TrainingMethod.allCases.map(\.rawValue)
          reader.report(
            "unknown training_method \"\(text)\".\(Suggestions.hint(for: text, in: names)) Methods: \(names.joined(separator: ", ")).",
            at: node["training_method"]?.location, path: "\(path).training_method")
        }
      }
      if node["training_tokens"] == nil, node["examples"] == nil, node["training_hours"] == nil {
        reader.report(
          "a \(strategy.rawValue) plan needs examples (or training_tokens)", at: node.location,
          path: "\(path).examples")
      }
      training = terms
    }
    var teacher: TeacherTerms?
    if strategy == .distillation, let model = reader.string(node, "teacher", path: path, required: true) {
      var terms = TeacherTerms(model: model)
      terms.outputTokens = reader.count(node, "teacher_output_tokens", path: path)
      terms.batch = reader.bool(node, "teacher_batch", path: path) ?? false
      teacher = terms
    }
    switch strategy {
    case .prompting: return .prompting
    case .rag: return retrieval.map { .rag($0) }
    case .fineTuning: return training.map { .fineTuning($0) }
    case .distillation:
      guard let training, let teacher else { return nil }
      return .distillation(training, teacher)
    case .ragFineTuning:
      guard let retrieval, let training else { return nil }
      return .ragFineTuning(retrieval, training)
    }
  }
}
