import Foundation

/// Reads a scenario's uncertain inputs: its `uncertainty` object and `--vary PATH=LOW..HIGH`.
public enum UncertaintyParser {
  /// The leaves of a scenario that hold whole numbers: draws there are rounded half up.
  static let countKeys: Set<String> = [
    "context_tokens", "corpus_tokens", "epochs", "examples", "few_shot_tokens", "gpus_per_replica", "min_replicas",
    "output_tokens", "retrain_every_months", "retrain_examples", "system_tokens", "teacher_output_tokens",
    "tokens_per_example", "training_tokens", "user_tokens", "horizon_months", "judge_input_tokens",
    "judge_output_tokens", "test_cases",
  ]

  /// What a scenario means when it leaves a key out, so such a key can still be given a range.
  ///
  /// A plan's system and few-shot tokens are not here: left out, they are the workload's.
  static let workloadDefaults: [String: Decimal] = [
    "monthly_growth": 0, "cached_prefix_share": 0, "failure_cost": 0, "system_tokens": 0, "few_shot_tokens": 0,
  ]
  static let planDefaults: [String: Decimal] = [
    "success_rate": 1, "setup_cost": 0, "ops_monthly": 0, "migration_cost": 0, "lead_time_months": 0,
    "labeling_cost_per_example": 0, "vector_db_monthly": 0, "reindex_share_per_month": 0,
  ]

  /// Values bounded above (shares, rates, epochs): a lognormal range, unbounded, would draw
  /// values the scenario refuses.
  static let boundedKeys: Set<String> = [
    "success_rate", "cached_prefix_share", "reindex_share_per_month", "max_utilization", "monthly_growth",
    "discount_rate_annual", "epochs",
  ]

  /// The uncertain inputs of `root` (the scenario with any `--set` applied) and of `varies`
  /// (`--vary` texts, which replace the file's range for the same path), in the file's order
  /// then the options'.
  public static func inputs(
    root: JSONNode, file: String, varies: [String], catalog: PricingCatalog
  ) throws(UncertaintyError) -> [UncertainInput] {
    var inputs: [UncertainInput] = []
    var problems: [Diagnostic] = []
    if let object = root["uncertainty"] {
      if let members = object.members {
        for member in members {
          do {
            inputs.append(try fileInput(member, root: root, catalog: catalog))
          } catch {
            let location = error.location ?? member.keyLocation
            problems.append(
              Diagnostic(file: file, location: location, path: "uncertainty.\(member.key)", message: error.message))
          }
        }
      } else {
        problems.append(
          Diagnostic(
            file: file, location: object.location, path: "uncertainty",
            message:
              "expected an object of path: range, e.g. {\"workload.requests_per_month\": {\"low\": 50000, \"high\": 200000}}"
          ))
      }
    }
    if !problems.isEmpty { throw .invalid(problems) }
    for text in varies {
      let input: UncertainInput
      do {
        input = try varyInput(text, root: root, catalog: catalog)
      } catch {
        throw .vary("--vary '\(text)': \(error.message)")
      }
      inputs.removeAll { $0.path == input.path }
      inputs.append(input)
    }
    return inputs
  }

  /// A problem with one input, where it is known.
  struct Problem: Error {
    var message: String
    var location: SourceLocation?
  }

  static func fileInput(_ member: JSONNode.Member, root: JSONNode, catalog: PricingCatalog) throws(Problem)
    -> UncertainInput
  {
    let path = member.key
    guard let fields = member.value.members else {
      throw Problem(
        message:
          "expected {\"low\": …, \"high\": …} (and optionally \"distribution\": \"triangular\", \"uniform\" or \"lognormal\")",
        location: member.value.location)
    }
    let allowed = ["low", "high", "distribution"]
    for field in fields where !allowed.contains(field.key) {
      throw Problem(
        message:
          "unknown key '\(field.key)'; a range takes \(allowed.joined(separator: ", ")).\(Suggestions.hint(for: field.key, in: allowed))",
        location: field.keyLocation)
    }
    func number(_ key: String) throws(Problem) -> Decimal {
      guard let node = member.value[key] else {
        throw Problem(message: "missing \"\(key)\"", location: member.value.location)
      }
      guard let text = node.numberText, let value = try? DecimalParser.parse(text) else {
        throw Problem(message: "\"\(key)\" must be a number", location: node.location)
      }
      return value
    }
    let low = try number("low")
    let high = try number("high")
    var kind = "triangular"
    if let node = member.value["distribution"] {
      guard let name = node.stringValue else {
        throw Problem(message: "\"distribution\" must be a string", location: node.location)
      }
      kind = name
    }
    return try input(path: path, low: low, high: high, kind: kind, root: root, catalog: catalog)
  }

  /// `PATH=LOW..HIGH`, triangular with the scenario's value as its mode.
  static func varyInput(_ text: String, root: JSONNode, catalog: PricingCatalog) throws(Problem) -> UncertainInput {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex,
      let dots = text[equals...].range(of: "..")
    else {
      throw Problem(message: "expected PATH=LOW..HIGH, e.g. workload.requests_per_month=50000..200000")
    }
    let path = String(text[..<equals])
    let lowText = String(text[text.index(after: equals)..<dots.lowerBound])
    let highText = String(text[dots.upperBound...])
    guard let low = try? DecimalParser.parse(lowText), let high = try? DecimalParser.parse(highText) else {
      throw Problem(message: "LOW and HIGH must be numbers, e.g. workload.requests_per_month=50000..200000")
    }
    return try input(path: path, low: low, high: high, kind: "triangular", root: root, catalog: catalog)
  }

  static func input(
    path: String, low: Decimal, high: Decimal, kind: String, root: JSONNode, catalog: PricingCatalog
  ) throws(Problem) -> UncertainInput {
    if path == "horizon_months" {
      throw Problem(message: "horizon_months cannot take a range; compare horizons with --horizon instead")
    }
    let (base, isCount) = try baseValue(path, root: root, catalog: catalog)
    if isCount,
      low != low.rounded(scale: 0, rule: .halfAwayFromZero) || high != high.rounded(scale: 0, rule: .halfAwayFromZero)
    {
      throw Problem(message: "'\(path)' is a count: give whole numbers for low and high")
    }
    let key = path.split(separator: ".").last.map(String.init) ?? path
    if kind == "lognormal", boundedKeys.contains(key) {
      throw Problem(
        message:
          "'\(path)' is bounded, so a lognormal range (which has no upper end) cannot describe it; use triangular or uniform"
      )
    }
    let distribution: InputDistribution
    switch kind {
    case "triangular": distribution = .triangular(low: low, mode: base, high: high)
    case "uniform": distribution = .uniform(low: low, high: high)
    case "lognormal": distribution = .lognormal(low: low, high: high)
    default:
      let kinds = ["triangular", "uniform", "lognormal"]
      throw Problem(
        message:
          "unknown distribution '\(kind)'; use \(kinds.joined(separator: ", "))\(Suggestions.hint(for: kind, in: kinds))"
      )
    }
    guard low <= high else { throw Problem(message: "low \(low) is above high \(high); swap them") }
    guard low <= base, base <= high else {
      throw Problem(
        message: "the range \(low)..\(high) excludes the scenario's value \(base); widen it so low <= \(base) <= high")
    }
    if case .lognormal = distribution, low <= 0 {
      throw Problem(
        message:
          "a lognormal range needs low above 0 (found \(low)); use triangular or uniform for values that can be 0")
    }
    if isCount, low < 0 { throw Problem(message: "a count cannot be negative (low \(low))") }
    if !path.hasPrefix("prices.") {
      // Both ends must be values the scenario accepts, so no draw between them is refused later.
      for end in [low, high] {
        let changed: JSONNode
        do { changed = try ScenarioOverride(path: path, value: end.description).apply(to: root) } catch {
          throw Problem(message: error.description)
        }
        let (scenario, problems) = Scenario.decode(changed, file: "range")
        if scenario == nil, let problem = problems.first {
          throw Problem(message: "\(end) is not a value '\(path)' can take: \(problem.message)")
        }
      }
    }
    return UncertainInput(path: path, base: base, distribution: distribution, isCount: isCount)
  }

  /// The value at `path`: the scenario's (or its default), or a price from the tables.
  static func baseValue(_ path: String, root: JSONNode, catalog: PricingCatalog) throws(Problem) -> (Decimal, Bool) {
    if path.hasPrefix("prices.") {
      guard let price = PricePath(path) else {
        throw Problem(
          message: "a price path is prices.MODEL.FIELD, e.g. prices.gpt-4o-mini.fine_tuning.inference.output")
      }
      let model: ModelPricing
      do { model = try catalog.model(named: price.model) } catch { throw Problem(message: error.description) }
      guard let value = model.price(at: price.field) else {
        throw Problem(message: "\(model.id) has no price at '\(price.field)'; see `ftcost pricing show \(model.id)`")
      }
      // A dated change of the field would replace the drawn price from its date on, so the
      // range would silently stop mattering.
      if let change = model.priceChanges.first(where: { $0.changedPaths.contains(price.field) }) {
        throw Problem(
          message:
            "\(model.id)'s \(price.field) changes on \(change.effectiveFrom) in the tables, which would replace a drawn price from then on; vary it in a --pricing overlay without that change"
        )
      }
      return (value, false)
    }
    let override = ScenarioOverride(path: path, value: "0")
    do { _ = try override.apply(to: root) } catch { throw Problem(message: error.description) }
    let steps: [ScenarioOverride.Step]
    do { steps = try override.steps() } catch { throw Problem(message: error.description) }
    var node: JSONNode? = root
    var lastKey = ""
    for step in steps {
      switch step {
      case .key(let key):
        node = node?[key]
        lastKey = key
      case .index(let index):
        node = node?.arrayValue.flatMap { index < $0.count ? $0[index] : nil }
      }
    }
    let isCount = countKeys.contains(lastKey)
    guard let node else {
      let defaults = path.hasPrefix("workload.") ? workloadDefaults : path.contains(".") ? planDefaults : [:]
      if let value = defaults[lastKey] { return (value, isCount) }
      throw Problem(message: "the scenario does not set '\(path)'; give it a value before giving it a range")
    }
    guard let text = node.numberText, let value = try? DecimalParser.parse(text) else {
      throw Problem(message: "'\(path)' is not a number in the scenario, so it cannot take a range")
    }
    return (value, isCount)
  }
}
