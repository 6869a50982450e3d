import Foundation

/// A long-context price tier: a request whose input exceeds `aboveInputTokens` pays these prices
/// on all of its tokens (the "cliff" rule); exactly at the threshold pays the lower tier.
public struct PriceTier: Sendable, Equatable {
  public var aboveInputTokens: Int64
  public var input: Decimal
  public var cachedInput: Decimal?
  public var output: Decimal
}

/// Per-token prices for running a model, in USD per 1M tokens.
public struct InferencePrices: Sendable, Equatable {
  public var input: Decimal
  public var cachedInput: Decimal?
  public var output: Decimal
  public var batchInput: Decimal?
  public var batchOutput: Decimal?
  /// Long-context tiers in ascending threshold order.
  public var tiers: [PriceTier] = []

  /// The base prices as a tier, for uniform selection.
  var baseTier: PriceTier {
    PriceTier(aboveInputTokens: 0, input: input, cachedInput: cachedInput, output: output)
  }

  /// The prices that apply to a request with `inputTokens` of input: the highest tier whose
  /// threshold the input exceeds, else the base prices.
  public func tier(forInputTokens inputTokens: Int64) -> PriceTier {
    tiers.last(where: { inputTokens > $0.aboveInputTokens }) ?? baseTier
  }
}

/// Prices for embedding text, in USD per 1M tokens.
public struct EmbeddingPrices: Sendable, Equatable {
  public var input: Decimal
  public var batchInput: Decimal?
}
