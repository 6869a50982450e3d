import Foundation

/// The largest values a scenario may hold, so every product the cost model forms stays far inside
/// what exact decimals and 64-bit token counts can represent.
///
/// The limits are generous (a thousand times today's largest context window, a trillion dollars)
/// and each one is reported with the field, the value and the allowed range.
public enum ScenarioLimits {
  /// Tokens in one request's system prompt, few-shot examples, input, context or output.
  public static let tokensPerRequest: Decimal = 100_000_000
  /// USD amounts: setup, monthly fees, per-failure and per-example costs.
  public static let money: Decimal = 1_000_000_000_000
  /// The largest number of training examples or test cases.
  public static let examples: Decimal = 1_000_000_000
  /// Epochs of a training job: 1 to 50.
  public static let epochs: ClosedRange<Int64> = 1...50

  /// Each limited key with the largest value it takes and, for ranges, the smallest.
  static let numeric: [String: (minimum: Decimal?, maximum: Decimal)] = [
    "requests_per_month": (nil, 1_000_000_000_000),
    "monthly_growth": (-1, 10),
    "discount_rate_annual": (nil, 10),
    "user_tokens": (nil, tokensPerRequest), "output_tokens": (nil, tokensPerRequest),
    "system_tokens": (nil, tokensPerRequest), "few_shot_tokens": (nil, tokensPerRequest),
    "context_tokens": (nil, tokensPerRequest), "teacher_output_tokens": (nil, tokensPerRequest),
    "judge_input_tokens": (nil, tokensPerRequest), "judge_output_tokens": (nil, tokensPerRequest),
    "corpus_tokens": (nil, 1_000_000_000_000_000), "training_tokens": (nil, 1_000_000_000_000_000),
    "tokens_per_example": (nil, 10_000_000),
    "examples": (nil, examples), "retrain_examples": (nil, examples), "test_cases": (nil, examples),
    "epochs": (Decimal(epochs.lowerBound), Decimal(epochs.upperBound)),
    "retrain_every_months": (1, Decimal(Scenario.maximumHorizonMonths)),
    "training_hours": (nil, 1_000_000),
    "setup_cost": (nil, money), "vector_db_monthly": (nil, money), "ops_monthly": (nil, money),
    "migration_cost": (nil, money), "failure_cost": (nil, money), "labeling_cost_per_example": (nil, money),
    "reindex_share_per_month": (nil, 100),
  ]

  /// Reports every limited number of `root` outside its range, at its location.
  static func check(_ root: JSONNode, reader: inout FieldReader) {
    func visit(_ node: JSONNode, path: String) {
      if let members = node.members {
        for member in members {
          let memberPath = FieldReader.join(path, member.key)
          if case .number(let literal) = member.value.kind, let limit = numeric[member.key],
            let value = try? DecimalParser.parse(literal)
          {
            let below = limit.minimum.map { value < $0 } ?? false
            if below || value > limit.maximum {
              let maximum = MoneyFormat.grouped(limit.maximum)
              let range = limit.minimum.map { "\(MoneyFormat.grouped($0)) to \(maximum)" } ?? "at most \(maximum)"
              reader.report(
                "\(literal) is out of range: \(member.key) must be \(range)", at: member.value.location,
                path: memberPath)
            }
          }
          visit(member.value, path: memberPath)
        }
      } else if let items = node.arrayValue {
        for (index, item) in items.enumerated() { visit(item, path: "\(path)[\(index)]") }
      }
    }
    visit(root, path: "")
  }
}
