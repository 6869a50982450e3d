import Foundation

/// The size of one request as the advisor prices it: the whole prompt, the few-shot part of it,
/// and the answer.
public struct TokenShape: Sendable, Equatable {
  /// System + few-shot + user input tokens.
  public var prompt: Int64
  /// The few-shot examples inside `prompt`; a fine-tuned model drops them.
  public var fewShot: Int64
  public var output: Int64
  /// The answers the user left out, for which the defaults below stand in.
  public var assumed: [String]

  /// The prompt size assumed when `prompt_tokens` is not answered.
  public static let defaultPrompt: Int64 = 1_000
  /// The answer size assumed when `output_tokens` is not answered.
  public static let defaultOutput: Int64 = 300

  /// The shape from the answers, with the defaults for what is missing.
  public init(answers: [String: String]) {
    var assumed: [String] = []
    func value(_ key: String, _ fallback: Int64) -> Int64 {
      if let text = answers[key], let number = Int64(text) { return number }
      assumed.append(key)
      return fallback
    }
    prompt = value("prompt_tokens", Self.defaultPrompt)
    output = value("output_tokens", Self.defaultOutput)
    fewShot = min(prompt, answers["few_shot_tokens"].flatMap { Int64($0) } ?? 0)
    self.assumed = assumed
  }

  /// The cost of one request on `model` with the prices in effect on `date`.
  ///
  /// The fine-tuned model sees the prompt without its few-shot part. `nil` when the tables cannot
  /// price it.
  public func cost(on model: ModelPricing, fineTuned: Bool, date: ISODate) -> Decimal? {
    let input = fineTuned ? prompt - fewShot : prompt
    return try? RequestPricer.cost(
      model: model.pricing(on: date), inputTokens: input, cachedInputTokens: 0, outputTokens: output,
      fineTuned: fineTuned, batch: false
    ).total
  }

  /// The shape in words: "1,000 input (200 few-shot) and 300 output tokens".
  public var words: String {
    let few = fewShot > 0 ? " (\(MoneyFormat.grouped(Decimal(fewShot))) few-shot)" : ""
    return
      "\(MoneyFormat.grouped(Decimal(prompt))) input\(few) and \(MoneyFormat.grouped(Decimal(output))) output tokens"
  }
}
