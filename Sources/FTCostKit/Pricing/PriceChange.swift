import Foundation

/// A dated change of some of a model's prices (`price_changes` in a pricing table).
///
/// Each change replaces the fields it lists from `effectiveFrom` on; unlisted fields keep their
/// values. Changes are cumulative: the prices on a day are the model's own with every change up
/// to that day applied in order.
public struct PriceChange: Sendable, Equatable {
  /// The first day the new prices apply.
  public var effectiveFrom: ISODate
  public var source: String?
  public var note: String?
  /// The leaf paths this change sets (`inference.input`, `fine_tuning.training`, …).
  public var changedPaths: [String]
  /// The model's priced fields from `effectiveFrom` on, this change and the earlier ones applied.
  public var prices: DatedPrices
}

/// The fields of a model that can change on a date, as they stand after some price changes.
public struct DatedPrices: Sendable, Equatable {
  public var inference: InferencePrices?
  public var fineTuning: FineTuningPrices?
  public var embedding: EmbeddingPrices?
  public var gpuPerHour: Decimal?
  /// Field paths no primary source confirms, as on the model.
  public var unconfirmed: [String]
  /// Paths a change set with a confirmed source, which a broader unconfirmed mark no longer covers.
  public var confirmed: [String]
}

extension ModelPricing {
  /// The priced fields as the table states them before any dated change.
  var basePrices: DatedPrices {
    DatedPrices(
      inference: inference, fineTuning: fineTuning, embedding: embedding, gpuPerHour: gpuPerHour,
      unconfirmed: unconfirmed, confirmed: confirmed)
  }

  /// This model as priced on `date`: every price change effective on or before it applied.
  ///
  /// Lifecycle dates, ids and sources do not change; only the fields a change may set do.
  public func pricing(on date: ISODate) -> ModelPricing {
    guard let change = priceChanges.last(where: { $0.effectiveFrom <= date }) else { return self }
    var model = self
    model.inference = change.prices.inference
    model.fineTuning = change.prices.fineTuning
    model.embedding = change.prices.embedding
    model.gpuPerHour = change.prices.gpuPerHour
    model.unconfirmed = change.prices.unconfirmed
    model.confirmed = change.prices.confirmed
    return model
  }

  /// The price changes that take effect after `start` and before `end`.
  public func priceChanges(after start: ISODate, before end: ISODate) -> [PriceChange] {
    priceChanges.filter { $0.effectiveFrom > start && $0.effectiveFrom < end }
  }
}
