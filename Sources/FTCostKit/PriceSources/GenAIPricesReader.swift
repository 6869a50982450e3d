import Foundation

/// Reads pydantic's genai-prices data (`prices/new_data/v2/data.json`, or the frozen v1
/// `prices/data.json`) into ftcost's units and names.
///
/// The file is an array of providers, each with `models`; a model's `prices` are per 1M tokens,
/// either one set or a list of conditional sets (`constraint.start_date`), and a price may be
/// tiered (`{"base": 3, "tiers": [{"start": 200000, "price": 6}]}`, the cliff rule ftcost uses).
/// What maps: `input_mtok`, `output_mtok`, `cache_read_mtok`, the `processing: batch` price
/// variant, tiers, `context_window`, and prices dated after the import day (as `price_changes`).
/// genai-prices has no retirement dates or successors, and its `google` provider prices the
/// Gemini API, which Vertex AI sometimes prices differently.
enum GenAIPricesReader {
  static let providers: [String: String] = [
    "openai": "openai", "azure": "azure-openai", "anthropic": "anthropic", "google": "google-vertex",
  ]

  static func read(_ root: JSONNode, today: ISODate) throws(PriceImportError) -> SourceReading {
    guard let items = root.arrayValue else {
      throw .unexpectedShape(
        "expected an array of providers, as genai-prices' data.json is, found \(root.typeName)")
    }
    var reading = SourceReading()
    for (offset, item) in items.enumerated() {
      guard let sourceProvider = item["id"]?.stringValue, let models = item["models"]?.arrayValue else {
        throw .unexpectedShape("provider \(offset + 1) has no \"id\" and \"models\"; is this genai-prices' data.json?")
      }
      guard let provider = providers[sourceProvider] else {
        reading.otherProviders[sourceProvider, default: 0] += models.count
        continue
      }
      for model in models {
        guard let id = model["id"]?.stringValue else {
          reading.skip("\(sourceProvider) model", "has no id")
          continue
        }
        let key = "\(sourceProvider)/\(id)"
        if let mapped = Self.model(id: id, node: model, key: key, provider: provider, today: today, reading: &reading) {
          reading.models.append(mapped)
        }
      }
    }
    return reading
  }

  private static func model(
    id: String, node: JSONNode, key: String, provider: String, today: ISODate, reading: inout SourceReading
  ) -> SourceModel? {
    let fineTuned = id.hasPrefix("ft:")
    var bare = fineTuned ? String(id.dropFirst(3)) : id
    if fineTuned, bare.hasSuffix("-") { bare.removeLast() }
    guard isModelID(bare) else {
      reading.skip(key, "a name pattern, not a model id")
      return nil
    }
    if provider == "google-vertex", !SourceNames.isGoogleModel(bare) {
      reading.skip(key, "not a Gemini or Gemma model; ftcost's google-vertex table lists only those")
      return nil
    }
    let prefix = provider == "azure-openai" ? "azure-" : ""
    guard let pricesNode = node["prices"] else {
      reading.skip(key, "has no prices")
      return nil
    }
    var problems: [String] = []
    defer { reading.unmapped += problems.map { UnmappedEntry(key: key, reason: $0) } }
    let schedule = PriceSchedule(prices: pricesNode, variants: node["price_variants"]?.arrayValue ?? [])
    guard let current = schedule.inference(on: today, problems: &problems) else {
      let embedding = bare.contains("embed")
      if embedding, let input = schedule.field("input_mtok", on: today, problems: &problems) {
        return SourceModel(
          provider: provider, name: prefix + bare, keys: [key],
          otherNames: equalsNames(node["match"]).map { prefix + $0 },
          prices: .embedding(EmbeddingPrices(input: input.base, batchInput: schedule.batch("input_mtok", on: today))))
      }
      reading.skip(key, "no input_mtok and output_mtok to price tokens with")
      return nil
    }
    var model = SourceModel(
      provider: provider, name: prefix + bare, keys: [key],
      otherNames: equalsNames(node["match"]).map { prefix + $0 },
      prices: fineTuned ? .fineTuned(current) : .inference(current))
    if case .number(let literal) = node["context_window"]?.kind, let window = try? DecimalParser.parseCount(literal),
      window > 0
    {
      model.contextWindow = window
    }
    var previous = current
    for date in schedule.changeDates(after: today) {
      guard let prices = schedule.inference(on: date, problems: &problems) else { continue }
      let changed = changedPaths(from: previous, to: prices)
      if !changed.isEmpty {
        model.changes.append(SourcePriceChange(effectiveFrom: date, inference: prices, changedPaths: changed))
      }
      previous = prices
    }
    if case .bool(true) = node["deprecated"]?.kind {
      problems.append("marked deprecated, with no date; ftcost needs a retirement date, so none is imported")
    }
    return model
  }

  /// Letters, digits and `.-_:` with no trailing `-`: genai-prices' ids that are prefixes
  /// (`ft:gpt-3.5-turbo-`, `gpt-4o-mini-2024-07-18.ft-`) are not models.
  static func isModelID(_ id: String) -> Bool {
    guard let last = id.last, last != "-", !id.contains(".ft-") else { return false }
    return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._:".contains($0)) }
  }

  /// The exact names a `match` clause lists (`{"equals": …}`, directly or inside `or`).
  static func equalsNames(_ match: JSONNode?) -> [String] {
    guard let match else { return [] }
    if let name = match["equals"]?.stringValue { return [name] }
    return (match["or"]?.arrayValue ?? []).flatMap { equalsNames($0) }
  }

  /// The `inference.*` paths whose value differs between two sets of prices.
  static func changedPaths(from old: InferencePrices, to new: InferencePrices) -> [String] {
    var paths: [String] = []
    if old.input != new.input { paths.append("inference.input") }
    if old.cachedInput != new.cachedInput { paths.append("inference.cached_input") }
    if old.output != new.output { paths.append("inference.output") }
    if old.batchInput != new.batchInput { paths.append("inference.batch_input") }
    if old.batchOutput != new.batchOutput { paths.append("inference.batch_output") }
    if old.tiers != new.tiers { paths.append("inference.tiers") }
    return paths
  }
}

/// A price with its long-context tiers, as one genai-prices field gives it.
struct TieredPrice {
  var base: Decimal
  /// `(start, price)`, ascending: a request whose input exceeds `start` pays `price` on all of it.
  var tiers: [(start: Int64, price: Decimal)]

  /// The price a request whose input exceeds `threshold` pays.
  func price(above threshold: Int64) -> Decimal {
    tiers.last { $0.start <= threshold }?.price ?? base
  }
}

/// A genai-prices model's prices over time: its conditional prices and its batch variants.
struct PriceSchedule {
  var prices: JSONNode
  var variants: [JSONNode]

  /// The conditional price sets in order, each with its start date (`nil`: always).
  private var conditional: [(start: ISODate?, timeOfDay: Bool, prices: JSONNode)] {
    guard let items = prices.arrayValue else { return [(nil, false, prices)] }
    return items.map { item in
      let constraint = item["constraint"]
      let start = constraint?["start_date"]?.stringValue.flatMap(ISODate.init)
      let timeOfDay = constraint?["start_time"] != nil
      return (start, timeOfDay, item["prices"] ?? item)
    }
  }

  /// The price set in force on `date`: the last whose constraint holds, else the first.
  ///
  /// Time-of-day prices (off-peak discounts) cannot be expressed and are passed over.
  private func priceSet(on date: ISODate, problems: inout [String]) -> JSONNode? {
    let sets = conditional
    if sets.contains(where: \.timeOfDay) {
      let note = "time-of-day prices (peak and off-peak hours) not imported; the all-day price is used"
      if !problems.contains(note) { problems.append(note) }
    }
    let active = sets.last { !$0.timeOfDay && ($0.start.map { $0 <= date } ?? true) }
    return (active ?? sets.first)?.prices
  }

  /// One field (`input_mtok`, …) in force on `date`.
  func field(_ key: String, on date: ISODate, problems: inout [String]) -> TieredPrice? {
    guard let set = priceSet(on: date, problems: &problems), let node = set[key], !node.isNull else { return nil }
    return Self.tiered(node, key: key, problems: &problems)
  }

  static func tiered(_ node: JSONNode, key: String, problems: inout [String]) -> TieredPrice? {
    func number(_ node: JSONNode?) -> Decimal? {
      guard case .number(let literal)? = node?.kind, let value = try? DecimalParser.parse(literal), value >= 0 else {
        return nil
      }
      return value
    }
    if let value = number(node) { return TieredPrice(base: value, tiers: []) }
    guard let base = number(node["base"]) else {
      problems.append("\(key) is not a price; not imported")
      return nil
    }
    var tiers: [(start: Int64, price: Decimal)] = []
    for tier in node["tiers"]?.arrayValue ?? [] {
      guard case .number(let literal)? = tier["start"]?.kind, let start = try? DecimalParser.parseCount(literal),
        let price = number(tier["price"])
      else {
        problems.append("a tier of \(key) is not a start and a price; not imported")
        continue
      }
      tiers.append((start, price))
    }
    return TieredPrice(base: base, tiers: tiers.sorted { $0.start < $1.start })
  }

  /// The batch price of `key` on `date`: the first `processing: batch` variant in force that sets it.
  func batch(_ key: String, on date: ISODate) -> Decimal? {
    for variant in variants {
      guard let when = variant["when"]?.members, when.count == 1, when[0].key == "processing",
        when[0].value.stringValue == "batch"
      else { continue }
      if let start = variant["constraint"]?["start_date"]?.stringValue.flatMap(ISODate.init), start > date { continue }
      if variant["constraint"]?["start_time"] != nil { continue }
      guard let node = variant["prices"]?[key] else { continue }
      var ignored: [String] = []
      if let price = Self.tiered(node, key: key, problems: &ignored) { return price.base }
    }
    return nil
  }

  /// The inference prices in force on `date`, or `nil` without an input and an output price.
  func inference(on date: ISODate, problems: inout [String]) -> InferencePrices? {
    guard let input = field("input_mtok", on: date, problems: &problems),
      let output = field("output_mtok", on: date, problems: &problems)
    else { return nil }
    let cached = field("cache_read_mtok", on: date, problems: &problems)
    let thresholds = Set((input.tiers + output.tiers + (cached?.tiers ?? [])).map(\.start)).sorted()
    return InferencePrices(
      input: input.base, cachedInput: cached?.base, output: output.base,
      batchInput: batch("input_mtok", on: date), batchOutput: batch("output_mtok", on: date),
      tiers: thresholds.map { threshold in
        PriceTier(
          aboveInputTokens: threshold, input: input.price(above: threshold),
          cachedInput: cached?.price(above: threshold), output: output.price(above: threshold))
      })
  }

  /// The dates after `date` on which a price or a batch price starts, ascending.
  func changeDates(after date: ISODate) -> [ISODate] {
    let starts =
      conditional.compactMap(\.start)
      + variants.compactMap { $0["constraint"]?["start_date"]?.stringValue.flatMap(ISODate.init) }
    return Set(starts.filter { $0 > date }).sorted()
  }
}
