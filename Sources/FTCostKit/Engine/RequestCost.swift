import Foundation

/// Why a request could not be priced on a model.
public enum CostError: Error, Equatable, CustomStringConvertible {
  case noInferencePrices(String)
  case noFineTunedPrices(String)
  case notFineTunable(String)
  case noBatchPrices(String, fineTuned: Bool)
  case noCachedPrice(String, fineTuned: Bool)
  case cachedExceedsInput(cached: Int64, input: Int64)
  case batchWithLongContextTier(String, threshold: Int64)
  case noEmbeddingPrice(String)
  case mixedCurrencies([String])
  /// Self-hosting asked of a model the tables give no GPU throughput for (an API-only model).
  case notSelfHostable(String)
  /// A self-hosted plan lacks a figure it needs (its GPU, or a throughput), named by field.
  case hostingFigureMissing(model: String, field: String)
  /// An evaluation needs a self-hosted plan's cost per answer, which is undefined at R_1 = 0.
  case selfHostedAnswerAtZeroVolume(String)

  public var description: String {
    switch self {
    case .noInferencePrices(let model):
      return "model '\(model)' has no inference prices in the pricing tables; add them in a --pricing overlay"
    case .noFineTunedPrices(let model):
      return
        "model '\(model)' has no fine-tuned inference prices in the pricing tables; add fine_tuning.inference in a --pricing overlay"
    case .notFineTunable(let model):
      return
        "model '\(model)' cannot be fine-tuned (its pricing has no fine_tuning prices); run 'ftcost pricing list --fine-tunable' for models that can"
    case .noBatchPrices(let model, let fineTuned):
      return
        "model '\(model)' has no \(fineTuned ? "fine-tuned " : "")batch prices; drop --batch or add batch_input and batch_output in a --pricing overlay"
    case .noCachedPrice(let model, let fineTuned):
      return
        "model '\(model)' has no \(fineTuned ? "fine-tuned " : "")cached-input price, so cached tokens cannot be priced; drop the cached tokens or add cached_input in a --pricing overlay"
    case .cachedExceedsInput(let cached, let input):
      return
        "cached input tokens (\(cached)) cannot exceed input tokens (\(input)); cached tokens are part of the input"
    case .batchWithLongContextTier(let model, let threshold):
      return
        "model '\(model)' has no batch price for inputs above \(threshold) tokens (its long-context tier); drop --batch or shorten the input"
    case .noEmbeddingPrice(let model):
      return
        "model '\(model)' is not an embedding model (no embedding.input price); pick one from 'ftcost pricing list'"
    case .notSelfHostable(let model):
      return
        "model '\(model)' cannot be self-hosted: the pricing tables have no self_hosting figures for it (it is served through its provider's API); pick an open-weight model such as qwen3-8b, or give hosting.gpu and its input and output tokens per second"
    case .hostingFigureMissing(let model, let field):
      return
        "self-hosting \(model) needs \(field): add it to the plan's hosting object, or to the model's self_hosting in a --pricing overlay"
    case .selfHostedAnswerAtZeroVolume(let model):
      return
        "the evaluation needs the cost of an answer from \(model) on its own GPUs, which is its month-1 GPU cost / workload.requests_per_month, undefined at 0 requests: give workload.requests_per_month a value above 0, or drop the evaluation"
    case .mixedCurrencies(let currencies):
      return
        "the models used are priced in different currencies (\(currencies.joined(separator: ", "))); ftcost does not convert currencies, use tables in one currency"
    }
  }
}

/// The cost of one request, split by what was billed.
public struct RequestCost: Sendable, Equatable {
  /// Uncached input tokens × the input price.
  public var input: Decimal
  /// Cached input tokens × the cached-input price.
  public var cachedInput: Decimal
  /// Output tokens × the output price.
  public var output: Decimal
  /// The long-context tier applied, if any.
  public var tier: PriceTier?

  public var total: Decimal { input + cachedInput + output }
}

/// Pricing of single requests on one model, following the cost model's per-request rule.
public enum RequestPricer {
  /// Tokens per price unit: prices are per 1M tokens.
  public static let tokensPerPriceUnit: Decimal = 1_000_000

  /// `amount` / 1,000,000, exactly: token counts times a price per million tokens.
  static func perPriceUnit(_ amount: Decimal) -> Decimal { amount.dividedByPowerOfTen(6) }

  /// The prices that apply to a model, plain or fine-tuned.
  public static func prices(of model: ModelPricing, fineTuned: Bool) throws(CostError) -> InferencePrices {
    if fineTuned {
      guard model.fineTuning != nil else { throw .notFineTunable(model.id) }
      guard let prices = model.fineTuning?.inference else { throw .noFineTunedPrices(model.id) }
      return prices
    }
    guard let prices = model.inference else { throw .noInferencePrices(model.id) }
    return prices
  }

  /// Prices a request: `uncachedInput` at the input price, `cachedInput` at the cached price and
  /// `output` at the output price, all from the tier chosen by `totalInputTokens`.
  ///
  /// The tier rule is the providers' cliff: input above a threshold pays that tier on all tokens.
  public static func cost(
    model: ModelPricing, fineTuned: Bool, batch: Bool, totalInputTokens: Int64,
    uncachedInput: Decimal, cachedInput: Decimal, output: Decimal
  ) throws(CostError) -> RequestCost {
    let prices = try self.prices(of: model, fineTuned: fineTuned)
    let tier = prices.tier(forInputTokens: totalInputTokens)
    let usesTier = tier.aboveInputTokens > 0
    var inputPrice = tier.input
    var outputPrice = tier.output
    if batch {
      guard let batchInput = prices.batchInput, let batchOutput = prices.batchOutput else {
        throw .noBatchPrices(model.id, fineTuned: fineTuned)
      }
      if usesTier { throw .batchWithLongContextTier(model.id, threshold: tier.aboveInputTokens) }
      inputPrice = batchInput
      outputPrice = batchOutput
    }
    var cachedCost: Decimal = 0
    if cachedInput > 0 {
      guard let cachedPrice = tier.cachedInput ?? (usesTier ? nil : prices.cachedInput) else {
        throw .noCachedPrice(model.id, fineTuned: fineTuned)
      }
      cachedCost = perPriceUnit(cachedInput * cachedPrice)
    }
    return RequestCost(
      input: perPriceUnit(uncachedInput * inputPrice),
      cachedInput: cachedCost,
      output: perPriceUnit(output * outputPrice),
      tier: usesTier ? tier : nil)
  }

  /// Prices a request given whole token counts, as `ftcost cost` does.
  public static func cost(
    model: ModelPricing, inputTokens: Int64, cachedInputTokens: Int64, outputTokens: Int64,
    fineTuned: Bool, batch: Bool
  ) throws(CostError) -> RequestCost {
    guard cachedInputTokens <= inputTokens else {
      throw .cachedExceedsInput(cached: cachedInputTokens, input: inputTokens)
    }
    return try cost(
      model: model, fineTuned: fineTuned, batch: batch, totalInputTokens: inputTokens,
      uncachedInput: Decimal(inputTokens - cachedInputTokens), cachedInput: Decimal(cachedInputTokens),
      output: Decimal(outputTokens))
  }
}
