import Foundation

/// What a model entry inherits from its table (or, for an overlay entry, from the built-in one).
struct ModelDefaults {
  var provider: String
  var displayName: String
  var currency: String
  var asOf: ISODate
  var source: String
  var fineTuning: ProviderFineTuning?
}

extension PricingTable {
  static let topKeys = [
    "schema_version", "provider", "display_name", "currency", "as_of", "source", "fine_tuning", "models",
  ]
  static let providerFineTuningKeys = [
    "api", "data_formats", "new_jobs_until", "min_examples", "recommended_examples", "distillation",
    "max_file_bytes", "note",
  ]
  static let modelKeys = [
    "id", "aliases", "tokenizer", "context_window", "deprecation_date", "successor", "inference", "fine_tuning",
    "embedding", "gpu_per_hour", "parameters_b", "self_hosting", "open_model", "price_changes", "as_of", "source",
    "note",
  ]
  static let selfHostingKeys = [
    "gpu", "gpus_per_replica", "input_tokens_per_second", "output_tokens_per_second", "training_tokens_per_second",
    "source", "note",
  ]
  static let priceChangeKeys = [
    "effective_from", "inference", "fine_tuning", "embedding", "gpu_per_hour", "source", "note",
  ]
  /// The fine-tuning fields a dated change may set: prices, not limits or lifecycle dates.
  static let priceChangeFineTuningKeys = [
    "training", "training_per_hour", "inference", "hosting_per_hour", "storage_per_month", "min_job_fee",
    "max_job_fee",
  ]
  static let inferenceKeys = ["input", "cached_input", "output", "batch_input", "batch_output", "tiers"]
  static let tierKeys = ["above_input_tokens", "input", "cached_input", "output"]
  static let fineTuningKeys = [
    "training", "training_per_hour", "inference", "max_tokens_per_example", "min_examples",
    "recommended_examples", "hosting_per_hour", "new_jobs_until", "deprecation_date", "validation_billed",
    "min_job_fee", "max_job_fee", "storage_per_month", "note",
  ]
  static let embeddingKeys = ["input", "batch_input"]

  /// Parses and validates one pricing file, returning the table (when usable) and every problem.
  ///
  /// Implements the rules of the pricing schema: known schema version, required fields, ISO
  /// currency and dates, `as_of` not in the future, finite non-negative prices read exactly,
  /// per-1M prices outside [0.000001, 1000] refused unless `x-allow-unusual-price`, unique ids
  /// and aliases, known tokenizers, and unknown keys refused with a hint.
  ///
  /// `base` holds the tables an overlay is laid over: an overlay entry whose id or alias names a
  /// model of `base` is merged onto it leaf by leaf (lists replace whole), so it changes only the
  /// fields it sets; the built-in lifecycle dates, successor, tiers and sources stay.
  public static func parse(
    file: String, bytes: [UInt8], isBuiltIn: Bool, today: ISODate, base: [PricingTable] = []
  ) -> (table: PricingTable?, diagnostics: [Diagnostic]) {
    var reader = FieldReader(file: file)
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      return (nil, [error.diagnostic(file: file)])
    }
    guard reader.object(root, path: "", allowed: topKeys) != nil else { return (nil, reader.diagnostics) }

    if let version = reader.count(root, "schema_version", path: "", required: true),
      !supportedSchemaVersions.contains(version)
    {
      reader.report(
        "unknown schema version \(version); this ftcost reads version 1 (upgrade ftcost for newer tables)",
        at: root["schema_version"]?.location, path: "schema_version")
    }
    let provider = reader.string(root, "provider", path: "", required: true) ?? ""
    let displayName = reader.string(root, "display_name", path: "") ?? provider
    let currency = reader.string(root, "currency", path: "", required: true) ?? "USD"
    if root["currency"] != nil, !CurrencyCodes.all.contains(currency) {
      let hint = Suggestions.hint(for: currency.uppercased(), in: CurrencyCodes.all.sorted())
      reader.report(
        "currency \"\(currency)\" is not an ISO 4217 code (three capital letters, e.g. \"USD\", \"EUR\").\(hint)",
        at: root["currency"]?.location, path: "currency")
    }
    let asOf = checkedAsOf(&reader, root, path: "", today: today, required: true) ?? today
    // An overlay may leave out its source: its values are then attributed to the file itself.
    let source = reader.string(root, "source", path: "", required: isBuiltIn) ?? "your pricing overlay \(file)"

    let fineTuningNode = root["fine_tuning"].flatMap { $0.isNull ? nil : $0.stamped(file: file) }
    let providerFineTuning = fineTuningNode.flatMap { parseProviderFineTuning($0, reader: &reader) }
    // A model without its own as_of or source inherits the table's; written into the stored node
    // so an overlay merged onto it keeps the built-in date and source.
    let inherited = [root["as_of"], root["source"]].compactMap { $0?.stamped(file: file) }

    var models: [ModelPricing] = []
    var modelNodes: [JSONNode] = []
    var idLocations: [String: SourceLocation] = [:]
    if let list = root["models"] {
      if let items = list.arrayValue {
        for (offset, item) in items.enumerated() {
          let path = "models[\(offset)]"
          var node = item
          var defaults = ModelDefaults(
            provider: provider, displayName: displayName, currency: currency, asOf: asOf, source: source,
            fineTuning: providerFineTuning)
          var overlaid: [String] = []
          var overridden: String?
          if let match = baseModel(named: modelNames(item), in: base) {
            // Keep the built-in id (the overlay may name the model by an alias) and lay the
            // overlay's fields over the built-in ones.
            node = match.table.modelNodes[match.index].merging(item.stamped(file: file).removing(["id"]))
            overlaid = item.leafPaths().filter { $0 != "id" }
            overridden = match.table.file
            let builtIn = match.table.models[match.index]
            defaults.provider = builtIn.provider
            defaults.displayName = builtIn.providerDisplayName
            if let overlayBlock = fineTuningNode {
              let merged = match.table.fineTuningNode.map { $0.merging(overlayBlock) } ?? overlayBlock
              defaults.fineTuning = parseProviderFineTuning(merged, reader: &reader)
            } else {
              defaults.fineTuning = builtIn.providerFineTuning
            }
          }
          guard
            var model = parseModel(node, path: path, reader: &reader, today: today, defaults: defaults)
          else { continue }
          model.origin = PricingOrigin(file: file, isBuiltIn: isBuiltIn, overrides: overridden)
          model.overlaidPaths = overlaid
          var stored = overridden == nil ? node.stamped(file: file) : node
          for (key, value) in zip(["as_of", "source"], inherited) where stored[key] == nil {
            stored = stored.setting(key, to: value)
          }
          modelNodes.append(stored)
          for name in [model.id] + model.aliases {
            let location = name == model.id ? item["id"]?.location : item["aliases"]?.location
            if let first = idLocations[name] {
              reader.report(
                "duplicate model id or alias \"\(name)\": also at \(file):\(first.line):\(first.column); ids and aliases must be unique",
                at: location, path: name == model.id ? "\(path).id" : "\(path).aliases")
            } else if let location {
              idLocations[name] = location
            }
          }
          models.append(model)
        }
      } else {
        reader.report("expected an array of models, found \(list.typeName)", at: list.location, path: "models")
      }
    } else {
      reader.report("missing required field \"models\"", at: root.location, path: "models")
    }

    let table = PricingTable(
      file: file, provider: provider, displayName: displayName, currency: currency, asOf: asOf,
      source: source, fineTuning: providerFineTuning, models: models, isBuiltIn: isBuiltIn,
      idLocations: idLocations, modelNodes: modelNodes, fineTuningNode: fineTuningNode)
    let sorted = reader.diagnostics.enumerated().sorted { a, b in
      let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
      let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
      return left < right
    }
    var seen = Set<String>()
    return (table, sorted.map(\.element).filter { seen.insert($0.description).inserted })
  }

  private static func checkedAsOf(
    _ reader: inout FieldReader, _ node: JSONNode, path: String, today: ISODate, required: Bool
  ) -> ISODate? {
    guard let date = reader.date(node, "as_of", path: path, required: required) else { return nil }
    if date > today {
      reader.report(
        "as_of \(date) is in the future (today is \(today)); write the date the price was checked",
        at: node["as_of"]?.location, path: FieldReader.join(path, "as_of"))
    }
    return date
  }

  private static func parseModel(
    _ node: JSONNode, path: String, reader: inout FieldReader, today: ISODate,
    defaults: ModelDefaults
  ) -> ModelPricing? {
    guard reader.object(node, path: path, allowed: modelKeys) != nil else { return nil }
    guard let id = reader.string(node, "id", path: path, required: true) else { return nil }
    var unconfirmed = unconfirmedPaths(node, prefix: "", path: path, reader: &reader)
    let allowUnusual: Bool
    if let flag = node["x-allow-unusual-price"] {
      guard case .bool(let value) = flag.kind else {
        reader.report("expected true or false", at: flag.location, path: "\(path).x-allow-unusual-price")
        return nil
      }
      allowUnusual = value
    } else {
      allowUnusual = false
    }
    var prices = PriceReader(reader: reader, allowUnusual: allowUnusual)
    defer { reader = prices.reader }

    let tokenizer = prices.reader.string(node, "tokenizer", path: path)
    if let tokenizer, !knownTokenizers.contains(tokenizer) {
      prices.reader.report(
        "unknown tokenizer \"\(tokenizer)\".\(Suggestions.hint(for: tokenizer, in: knownTokenizers)) Known: \(knownTokenizers.joined(separator: ", ")).",
        at: node["tokenizer"]?.location, path: "\(path).tokenizer")
    }
    var inference: InferencePrices?
    if let sub = node["inference"], !sub.isNull {
      inference = prices.inference(sub, path: "\(path).inference")
      unconfirmed += unconfirmedPaths(sub, prefix: "inference", path: "\(path).inference", reader: &prices.reader)
    }
    var fineTuning: FineTuningPrices?
    if let sub = node["fine_tuning"], !sub.isNull {
      fineTuning = prices.fineTuning(sub, path: "\(path).fine_tuning")
      unconfirmed += unconfirmedPaths(sub, prefix: "fine_tuning", path: "\(path).fine_tuning", reader: &prices.reader)
      if let ftInference = sub["inference"], !ftInference.isNull {
        unconfirmed += unconfirmedPaths(
          ftInference, prefix: "fine_tuning.inference", path: "\(path).fine_tuning.inference", reader: &prices.reader)
      }
    }
    var embedding: EmbeddingPrices?
    if let sub = node["embedding"], !sub.isNull,
      prices.reader.object(sub, path: "\(path).embedding", allowed: embeddingKeys) != nil
    {
      if let input = prices.price(sub, "input", path: "\(path).embedding", required: true) {
        embedding = EmbeddingPrices(
          input: input, batchInput: prices.price(sub, "batch_input", path: "\(path).embedding"))
      }
      unconfirmed += unconfirmedPaths(sub, prefix: "embedding", path: "\(path).embedding", reader: &prices.reader)
    }
    let gpuPerHour = prices.reader.decimal(node, "gpu_per_hour", path: path)
    let selfHosting = node["self_hosting"].flatMap {
      $0.isNull ? nil : parseSelfHosting($0, path: "\(path).self_hosting", reader: &prices.reader)
    }
    if ["inference", "fine_tuning", "embedding", "gpu_per_hour", "self_hosting"].allSatisfy({
      node[$0] == nil || node[$0]?.isNull == true
    }) {
      prices.reader.report(
        "a model needs at least one of \"inference\", \"fine_tuning\", \"embedding\", \"gpu_per_hour\" or \"self_hosting\"",
        at: node.location, path: path)
    }
    let asOf = checkedAsOf(&prices.reader, node, path: path, today: today, required: false) ?? defaults.asOf
    let successor = prices.reader.string(node, "successor", path: path)
    if let successor, successor == id {
      prices.reader.report(
        "a model cannot be its own successor; name the model that replaces it", at: node["successor"]?.location,
        path: "\(path).successor")
    }
    var model = ModelPricing(
      id: id,
      aliases: prices.reader.strings(node, "aliases", path: path) ?? [],
      provider: defaults.provider, providerDisplayName: defaults.displayName, currency: defaults.currency,
      tokenizer: tokenizer,
      contextWindow: prices.reader.count(node, "context_window", path: path),
      deprecationDate: prices.reader.date(node, "deprecation_date", path: path),
      successor: successor,
      inference: inference, fineTuning: fineTuning, embedding: embedding, gpuPerHour: gpuPerHour,
      parametersB: prices.reader.decimal(node, "parameters_b", path: path), selfHosting: selfHosting,
      openModel: prices.reader.string(node, "open_model", path: path),
      asOf: asOf,
      source: prices.reader.string(node, "source", path: path) ?? defaults.source,
      unconfirmed: unconfirmed,
      note: prices.reader.string(node, "note", path: path),
      origin: PricingOrigin(file: "", isBuiltIn: true, overrides: nil),
      providerFineTuning: defaults.fineTuning)
    if let list = node["price_changes"], !list.isNull {
      model.priceChanges = priceChanges(
        list, of: model, node: node, path: path, reader: &prices.reader, today: today, defaults: defaults)
    }
    return model
  }

  /// Reads `price_changes`: each change is laid over the model's fields (and the changes before
  /// it) and the result validated as the model would be, so a change is held to the same rules.
  private static func priceChanges(
    _ list: JSONNode, of model: ModelPricing, node: JSONNode, path: String, reader: inout FieldReader,
    today: ISODate, defaults: ModelDefaults
  ) -> [PriceChange] {
    let listPath = "\(path).price_changes"
    guard let items = list.arrayValue else {
      reader.report("expected an array of price changes, found \(list.typeName)", at: list.location, path: listPath)
      return []
    }
    var changes: [PriceChange] = []
    var cumulative = node.removing(["price_changes"])
    var prices = model.basePrices
    var reported = Set(reader.diagnostics.map(\.description))
    for (offset, item) in items.enumerated() {
      let changePath = "\(listPath)[\(offset)]"
      guard reader.object(item, path: changePath, allowed: priceChangeKeys) != nil,
        let date = reader.date(item, "effective_from", path: changePath, required: true)
      else { continue }
      if let previous = changes.last, date <= previous.effectiveFrom {
        reader.report(
          "price changes must be in ascending order of effective_from (\(date) follows \(previous.effectiveFrom))",
          at: item["effective_from"]?.location, path: "\(changePath).effective_from")
      }
      if let ft = item["fine_tuning"], ft.members != nil {
        _ = reader.object(ft, path: "\(changePath).fine_tuning", allowed: priceChangeFineTuningKeys)
        if model.fineTuning == nil {
          reader.report(
            "a price change cannot give fine-tuning prices to a model that has none; add \"fine_tuning\" to the model itself",
            at: ft.location, path: "\(changePath).fine_tuning")
        }
      }
      let fields = item.removing(["effective_from", "source", "note"]).strippingNotes()
      let changed = fields.leafPaths()
      if changed.isEmpty {
        reader.report(
          "a price change must set at least one of \"inference\", \"fine_tuning\", \"embedding\" or \"gpu_per_hour\"",
          at: item.location, path: changePath)
        continue
      }
      cumulative = cumulative.merging(fields)
      var scratch = FieldReader(file: reader.file)
      let snapshot = parseModel(cumulative, path: path, reader: &scratch, today: today, defaults: defaults)
      // A problem in a value the change wrote is reported at the change's own path.
      let written = Set(item.allLocations)
      for problem in scratch.diagnostics where reported.insert(problem.description).inserted {
        var problemPath = problem.path
        if let location = problem.location, written.contains(location), problemPath.hasPrefix(path + ".") {
          problemPath = changePath + problemPath.dropFirst(path.count)
        }
        reader.report(problem.message, at: problem.location, path: problemPath)
      }
      guard let snapshot else { continue }
      let marked = changeMarks(item, changed: changed, path: changePath, reader: &reader)
      prices = DatedPrices(
        inference: snapshot.inference, fineTuning: snapshot.fineTuning, embedding: snapshot.embedding,
        gpuPerHour: snapshot.gpuPerHour,
        unconfirmed: prices.unconfirmed.filter { !changed.contains($0) } + marked,
        confirmed: prices.confirmed.filter { !marked.contains($0) } + changed.filter { !marked.contains($0) })
      changes.append(
        PriceChange(
          effectiveFrom: date, source: reader.string(item, "source", path: changePath),
          note: reader.string(item, "note", path: changePath), changedPaths: changed, prices: prices))
    }
    return changes
  }

  /// Reads `self_hosting`: the GPU, GPUs per replica, and measured serving and training throughput.
  private static func parseSelfHosting(_ node: JSONNode, path: String, reader: inout FieldReader) -> SelfHosting? {
    guard reader.object(node, path: path, allowed: selfHostingKeys) != nil else { return nil }
    let gpu = reader.string(node, "gpu", path: path, required: true)
    let gpus = reader.count(node, "gpus_per_replica", path: path) ?? 1
    if gpus < 1 || gpus > 1024 {
      reader.report(
        "gpus_per_replica must be 1 to 1024 (found \(gpus))", at: node["gpus_per_replica"]?.location,
        path: "\(path).gpus_per_replica")
    }
    func throughput(_ key: String, in object: JSONNode, path: String, required: Bool) -> Decimal? {
      guard let value = reader.decimal(object, key, path: path, required: required) else { return nil }
      if value <= 0 || value > 100_000_000 {
        reader.report(
          "\(key) must be above 0 and at most 100,000,000 tokens per second (found \(value))",
          at: object[key]?.location,
          path: FieldReader.join(path, key))
        return nil
      }
      return value
    }
    let input = throughput("input_tokens_per_second", in: node, path: path, required: true)
    let output = throughput("output_tokens_per_second", in: node, path: path, required: true)
    var training: [TrainingMethod: Decimal] = [:]
    if let sub = node["training_tokens_per_second"], !sub.isNull,
      reader.object(sub, path: "\(path).training_tokens_per_second", allowed: TrainingMethod.allCases.map(\.rawValue))
        != nil
    {
      for method in TrainingMethod.allCases {
        training[method] = throughput(
          method.rawValue, in: sub, path: "\(path).training_tokens_per_second", required: false)
      }
    }
    guard let gpu, let input, let output else { return nil }
    return SelfHosting(
      gpu: gpu, gpusPerReplica: gpus, inputTokensPerSecond: input, outputTokensPerSecond: output,
      trainingTokensPerSecond: training, source: reader.string(node, "source", path: path),
      note: reader.string(node, "note", path: path))
  }

  /// The paths a change marks unconfirmed: `"x-unconfirmed": true` marks all it changes, a list
  /// marks the paths listed.
  private static func changeMarks(
    _ item: JSONNode, changed: [String], path: String, reader: inout FieldReader
  ) -> [String] {
    let marks = unconfirmedPaths(item, prefix: "", path: path, reader: &reader)
    if marks == ["*"] { return changed }
    return marks
  }

  /// The names a model entry answers to: its id and aliases, as written.
  private static func modelNames(_ item: JSONNode) -> [String] {
    ([item["id"]?.stringValue] + (item["aliases"]?.arrayValue ?? []).map(\.stringValue)).compactMap { $0 }
  }

  /// The first model of `tables` that answers to one of `names`.
  private static func baseModel(named names: [String], in tables: [PricingTable]) -> (
    table: PricingTable, index: Int
  )? {
    for name in names {
      for table in tables {
        if let index = table.models.firstIndex(where: { $0.id == name || $0.aliases.contains(name) }) {
          return (table, index)
        }
      }
    }
    return nil
  }

  /// Reads a provider's `fine_tuning` block.
  private static func parseProviderFineTuning(_ node: JSONNode, reader: inout FieldReader) -> ProviderFineTuning? {
    guard reader.object(node, path: "fine_tuning", allowed: providerFineTuningKeys) != nil else { return nil }
    return ProviderFineTuning(
      api: reader.bool(node, "api", path: "fine_tuning", required: true) ?? false,
      dataFormats: reader.strings(node, "data_formats", path: "fine_tuning") ?? [],
      newJobsUntil: reader.date(node, "new_jobs_until", path: "fine_tuning"),
      minExamples: reader.count(node, "min_examples", path: "fine_tuning"),
      recommendedExamples: reader.count(node, "recommended_examples", path: "fine_tuning"),
      distillation: reader.bool(node, "distillation", path: "fine_tuning"),
      maxFileBytes: reader.count(node, "max_file_bytes", path: "fine_tuning"),
      note: reader.string(node, "note", path: "fine_tuning"))
  }

  /// Reads `x-unconfirmed`: `true` marks the object at `prefix`; an array lists field paths under it.
  private static func unconfirmedPaths(
    _ node: JSONNode, prefix: String, path: String, reader: inout FieldReader
  ) -> [String] {
    guard let flag = node["x-unconfirmed"] else { return [] }
    switch flag.kind {
    case .bool(true): return [prefix.isEmpty ? "*" : prefix]
    case .bool(false): return []
    case .array(let items):
      return items.compactMap { item in
        guard let text = item.stringValue else {
          reader.report("expected a field path string", at: item.location, path: "\(path).x-unconfirmed")
          return nil
        }
        return FieldReader.join(prefix, text)
      }
    default:
      reader.report(
        "expected true or an array of field paths, found \(flag.typeName)", at: flag.location,
        path: "\(path).x-unconfirmed")
      return []
    }
  }
}

/// Reads price fields with the unit-mistake check applied.
private struct PriceReader {
  var reader: FieldReader
  let allowUnusual: Bool

  mutating func price(_ node: JSONNode, _ key: String, path: String, required: Bool = false) -> Decimal? {
    guard let value = reader.decimal(node, key, path: path, required: required) else { return nil }
    if !allowUnusual, value > PricingTable.unusualPriceAbove || (value != 0 && value < PricingTable.unusualPriceBelow) {
      reader.report(
        "price \(value) per 1M tokens looks like a unit mistake (prices are USD per 1M tokens, e.g. 0.15, not 0.00000015); add \"x-allow-unusual-price\": true to the model if it is right",
        at: node[key]?.location, path: FieldReader.join(path, key))
    }
    return value
  }

  mutating func inference(_ node: JSONNode, path: String) -> InferencePrices? {
    guard reader.object(node, path: path, allowed: PricingTable.inferenceKeys) != nil else { return nil }
    let input = price(node, "input", path: path, required: true)
    let output = price(node, "output", path: path, required: true)
    var tiers: [PriceTier] = []
    if let list = node["tiers"] {
      if let items = list.arrayValue {
        for (offset, item) in items.enumerated() {
          let tierPath = "\(path).tiers[\(offset)]"
          guard reader.object(item, path: tierPath, allowed: PricingTable.tierKeys) != nil else { continue }
          guard let threshold = reader.count(item, "above_input_tokens", path: tierPath, required: true),
            let tierInput = price(item, "input", path: tierPath, required: true),
            let tierOutput = price(item, "output", path: tierPath, required: true)
          else { continue }
          if let last = tiers.last, threshold <= last.aboveInputTokens {
            reader.report(
              "tiers must be in ascending order of above_input_tokens (\(threshold) follows \(last.aboveInputTokens))",
              at: item.location, path: tierPath)
          }
          tiers.append(
            PriceTier(
              aboveInputTokens: threshold, input: tierInput,
              cachedInput: price(item, "cached_input", path: tierPath), output: tierOutput))
        }
      } else {
        reader.report("expected an array of tiers, found \(list.typeName)", at: list.location, path: "\(path).tiers")
      }
    }
    guard let input, let output else { return nil }
    return InferencePrices(
      input: input, cachedInput: price(node, "cached_input", path: path), output: output,
      batchInput: price(node, "batch_input", path: path), batchOutput: price(node, "batch_output", path: path),
      tiers: tiers)
  }

  mutating func fineTuning(_ node: JSONNode, path: String) -> FineTuningPrices? {
    guard reader.object(node, path: path, allowed: PricingTable.fineTuningKeys) != nil else { return nil }
    var result = FineTuningPrices()
    result.training = price(node, "training", path: path)
    result.trainingPerHour = reader.decimal(node, "training_per_hour", path: path)
    if let sub = node["inference"], !sub.isNull { result.inference = inference(sub, path: "\(path).inference") }
    result.maxTokensPerExample = reader.count(node, "max_tokens_per_example", path: path)
    result.minExamples = reader.count(node, "min_examples", path: path)
    result.recommendedExamples = reader.count(node, "recommended_examples", path: path)
    result.hostingPerHour = reader.decimal(node, "hosting_per_hour", path: path)
    result.newJobsUntil = reader.date(node, "new_jobs_until", path: path)
    result.deprecationDate = reader.date(node, "deprecation_date", path: path)
    result.validationBilled = reader.bool(node, "validation_billed", path: path)
    result.minJobFee = reader.decimal(node, "min_job_fee", path: path)
    result.maxJobFee = reader.decimal(node, "max_job_fee", path: path)
    result.storagePerMonth = reader.decimal(node, "storage_per_month", path: path)
    result.note = reader.string(node, "note", path: path)
    if result.training == nil && result.trainingPerHour == nil {
      reader.report(
        "fine-tuning needs \"training\" (per 1M tokens) or \"training_per_hour\"; write \"fine_tuning\": null for a model that cannot be fine-tuned",
        at: node.location, path: path)
    }
    return result
  }
}
