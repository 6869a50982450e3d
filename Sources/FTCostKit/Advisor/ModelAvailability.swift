import Foundation

/// What the market offers on one date: the models each provider can fine-tune, the untuned models
/// that serve through the horizon, and the open weights no provider can close.
///
/// Every model the advisor names comes from here, picked from the catalog by date; no model id is
/// written into the advice.
public struct ModelAvailability: Sendable {
  public var catalog: PricingCatalog
  /// The start date: what is named must be open on it.
  public var date: ISODate
  public var horizonMonths: Int

  public init(catalog: PricingCatalog, date: ISODate, horizonMonths: Int = 12) {
    self.catalog = catalog
    self.date = date
    self.horizonMonths = horizonMonths
  }

  /// True when `provider` has any model that takes a new fine-tuning job on the date.
  public func canTrain(provider: String) -> Bool {
    !catalog.fineTunableModels(provider: provider, on: date).isEmpty
  }

  /// The models of `provider` that take a training job on the date and whose fine-tuned model has
  /// per-token prices, cheapest per request at `shape` first (ties: the one that serves longer).
  public func trainable(provider: String, shape: TokenShape) -> [(model: ModelPricing, costPerRequest: Decimal)] {
    catalog.fineTunableModels(provider: provider, on: date).compactMap { model in
      shape.cost(on: model, fineTuned: true, date: date).map { (model, $0) }
    }.sorted { a, b in
      if a.costPerRequest != b.costPerRequest { return a.costPerRequest < b.costPerRequest }
      let stopA = a.model.stopsServing(fineTuned: true) ?? ISODate(daysSinceEpoch: Int.max / 4)
      let stopB = b.model.stopsServing(fineTuned: true) ?? ISODate(daysSinceEpoch: Int.max / 4)
      return stopA != stopB ? stopA > stopB : a.model.id < b.model.id
    }
  }

  /// The untuned models that serve from the date to the end of the horizon (none retires inside
  /// it, none has fine-tuning that is closed on the date), cheapest per request at `shape` first;
  /// among equal prices, `preferred` provider's models first.
  public func untuned(shape: TokenShape, preferring preferred: String? = nil) -> [(
    model: ModelPricing, costPerRequest: Decimal
  )] {
    let end = date.adding(months: horizonMonths)
    return catalog.models.compactMap { model -> (ModelPricing, Decimal)? in
      guard model.embedding == nil, model.gpuPerHour == nil, model.serves(on: date, fineTuned: false) else {
        return nil
      }
      if let stop = model.stopsServing(fineTuned: false), stop <= end { return nil }
      if model.fineTuning != nil, !model.acceptsTraining(on: date) { return nil }
      return shape.cost(on: model, fineTuned: false, date: date).map { (model, $0) }
    }.sorted { a, b in
      if a.1 != b.1 { return a.1 < b.1 }
      let (ownA, ownB) = (a.0.provider == preferred, b.0.provider == preferred)
      return ownA != ownB ? ownA : a.0.id < b.0.id
    }
  }

  /// Open-weight models that can be trained and served on rented GPUs; they never retire.
  public var openWeights: [ModelPricing] {
    catalog.models.filter { $0.selfHosting.map { !$0.trainingTokensPerSecond.isEmpty } ?? false }
  }

  /// The cheapest embedding model that serves through the horizon, for a RAG candidate.
  public var embeddingModel: ModelPricing? {
    let end = date.adding(months: horizonMonths)
    return catalog.models.filter { model in
      guard let embedding = model.embedding, embedding.input >= 0 else { return false }
      return model.stopsServing(fineTuned: false).map { $0 > end } ?? true
    }.min { a, b in
      let (x, y) = (a.embedding?.input ?? 0, b.embedding?.input ?? 0)
      return x != y ? x < y : a.id < b.id
    }
  }

  /// One line per provider with a fine-tuning service: the models that take new jobs on the date
  /// (cheapest first), or that none do, plus the open weights on your own GPUs.
  public func trainingMarket(shape: TokenShape) -> [String] {
    var lines: [String] = []
    for table in catalog.tables where table.fineTuning?.api == true {
      guard !lines.contains(where: { $0.hasPrefix(table.displayName + ":") }) else { continue }
      let open = catalog.fineTunableModels(provider: table.provider, on: date)
      guard !open.isEmpty else {
        lines.append(
          "\(table.displayName): no model in the pricing tables takes new fine-tuning jobs on \(date) (a model your provider tunes can be added with its fine_tuning prices in a --pricing overlay)"
        )
        continue
      }
      let priced = trainable(provider: table.provider, shape: shape).map(\.model)
      let unpriced = open.filter { model in !priced.contains { $0.id == model.id } }
      let names = (priced + unpriced).prefix(4).map(\.id).joined(separator: ", ")
      var terms: [String] = []
      if let until = open.compactMap(\.fineTuningNewJobsUntil).max() { terms.append("new jobs until \(until)") }
      if let stop = open.compactMap({ $0.stopsServing(fineTuned: true) }).max() {
        terms.append("fine-tuned models serve until \(stop)")
      }
      if priced.isEmpty { terms.append("fine-tuned models served on dedicated GPUs, not per token") }
      lines.append("\(table.displayName): \(names)" + (terms.isEmpty ? "" : " (\(terms.joined(separator: "; ")))"))
    }
    let weights = openWeights.map(\.id)
    if !weights.isEmpty {
      lines.append(
        "your own GPUs: \(weights.joined(separator: ", ")) (open weights, LoRA or full fine-tuning; they never retire)")
    }
    return lines
  }
}
