import Foundation

/// Reads LiteLLM's `model_prices_and_context_window.json` into ftcost's units and names.
///
/// The file is one object of entries keyed by model name; each entry names its
/// `litellm_provider` and `mode` and prices per token (`1.5e-07` is 0.15 per 1M, exactly).
/// What maps: `input_cost_per_token`, `output_cost_per_token`, `cache_read_input_token_cost`,
/// the `*_batches` prices, `*_above_<N>k_tokens` tiers, `max_input_tokens`, `deprecation_date`
/// and `successor_model`. Priority, flex, audio, image, cache-write and search prices have no
/// place in ftcost's tables and are left out.
enum LiteLLMReader {
  /// LiteLLM's providers ftcost keeps tables for, and the ftcost provider each becomes.
  static let providers: [String: String] = [
    "openai": "openai", "text-completion-openai": "openai", "azure": "azure-openai", "anthropic": "anthropic",
    "vertex_ai": "google-vertex", "vertex_ai-language-models": "google-vertex",
  ]
  /// Azure deployment types that have their own (higher) prices; ftcost lists the standard deployment.
  static let azureRegions = ["eu", "us", "us-gov", "apac", "global", "global-standard"]
  static let modes: Set<String> = ["chat", "completion", "responses", "embedding"]

  static func read(_ root: JSONNode) throws(PriceImportError) -> SourceReading {
    guard let members = root.members else {
      throw .unexpectedShape(
        "expected an object of models keyed by name, as LiteLLM's model_prices_and_context_window.json is, found \(root.typeName)"
      )
    }
    var reading = SourceReading()
    for member in members where member.key != "sample_spec" {
      let key = member.key
      let entry = member.value
      guard entry.members != nil else {
        reading.skip(key, "not an object")
        continue
      }
      // An alias entry (`"claude-sonnet-latest": {"alias_of": …}`) names no provider of its own.
      let aliasTarget = entry["alias_of"]?.stringValue
      let target = aliasTarget.flatMap { name in members.first { $0.key == name }?.value }
      guard let sourceProvider = (target ?? entry)["litellm_provider"]?.stringValue else {
        reading.skip(key, "names no litellm_provider")
        continue
      }
      guard let provider = providers[sourceProvider] else {
        reading.otherProviders[sourceProvider, default: 0] += 1
        continue
      }
      if let model = model(key: key, entry: entry, provider: provider, reading: &reading) {
        reading.models.append(model)
      }
    }
    return reading
  }

  /// The ftcost name for a LiteLLM name of `provider`, or why it has none.
  static func name(_ key: String, provider: String) -> Result<String, SkipReason> {
    var name = key
    switch provider {
    case "azure-openai":
      guard name.hasPrefix("azure/") else { return .failure(.init("an Azure entry without the azure/ prefix")) }
      name.removeFirst("azure/".count)
      if let slash = name.firstIndex(of: "/") {
        let region = String(name[..<slash])
        if azureRegions.contains(region) {
          return .failure(
            .init(
              "\(region) deployments have prices of their own; ftcost's azure-openai table lists the standard deployment"
            ))
        }
        return .failure(.init("not an Azure OpenAI model id"))
      }
      return .success("azure-" + name)
    case "google-vertex":
      if name.hasPrefix("vertex_ai/") { name.removeFirst("vertex_ai/".count) }
      guard SourceNames.isGoogleModel(name), !name.contains("/") else {
        return .failure(.init("not a Gemini or Gemma model; ftcost's google-vertex table lists only those"))
      }
      return .success(name)
    default:
      if name.hasPrefix("openai/") { name.removeFirst("openai/".count) }
      guard !name.contains("/") else { return .failure(.init("not a model id of \(provider)")) }
      return .success(name)
    }
  }

  /// Why a name or entry was not imported.
  struct SkipReason: Error {
    var text: String
    init(_ text: String) { self.text = text }
  }

  private static func model(
    key: String, entry: JSONNode, provider: String, reading: inout SourceReading
  ) -> SourceModel? {
    if let target = entry["alias_of"]?.stringValue {
      reading.skip(key, "an alias of \(target) (a name that moves to newer models), not a model")
      return nil
    }
    let mode = entry["mode"]?.stringValue ?? "chat"
    guard modes.contains(mode) else {
      reading.skip(key, "its mode is \(mode); ftcost prices chat, completion and embedding tokens only")
      return nil
    }
    let fineTuned = key.hasPrefix("ft:")
    let sourceName = fineTuned ? String(key.dropFirst(3)) : key
    let name: String
    switch Self.name(sourceName, provider: provider) {
    case .success(let mapped): name = mapped
    case .failure(let reason):
      reading.skip(key, reason.text)
      return nil
    }
    var numbers = Numbers(entry: entry)
    defer { reading.unmapped += numbers.problems.map { UnmappedEntry(key: key, reason: $0) } }
    let input = numbers.price("input_cost_per_token")
    let batchInput = numbers.price("input_cost_per_token_batches")
    let prices: SourceModel.Prices
    if mode == "embedding" {
      guard let input else {
        reading.skip(key, "no input_cost_per_token")
        return nil
      }
      prices = .embedding(EmbeddingPrices(input: input, batchInput: batchInput))
    } else {
      guard let input, let output = numbers.price("output_cost_per_token") else {
        reading.skip(key, "no input_cost_per_token and output_cost_per_token to price tokens with")
        return nil
      }
      var inference = InferencePrices(
        input: input, cachedInput: numbers.price("cache_read_input_token_cost"), output: output,
        batchInput: batchInput, batchOutput: numbers.price("output_cost_per_token_batches"))
      inference.tiers = tiers(entry, numbers: &numbers, key: key, reading: &reading)
      if entry["tiered_pricing"] != nil {
        reading.skip(key, "tiered_pricing (prices by token range) not imported; ftcost's tiers price a whole request")
      }
      prices = fineTuned ? .fineTuned(inference) : .inference(inference)
    }
    var model = SourceModel(provider: provider, name: name, keys: [key], prices: prices)
    model.contextWindow = numbers.count("max_input_tokens")
    if let text = entry["deprecation_date"]?.stringValue {
      if let date = ISODate(text) {
        model.deprecationDate = date
      } else {
        reading.skip(key, "deprecation_date \"\(text)\" is not a date written YYYY-MM-DD; not imported")
      }
    }
    if !fineTuned, let successor = entry["successor_model"]?.stringValue {
      switch Self.name(successor, provider: provider) {
      case .success(let mapped): model.successor = mapped
      case .failure:
        reading.skip(key, "successor_model \"\(successor)\" has no ftcost name; not imported")
      }
    }
    return model
  }

  /// The `*_above_<N>k_tokens` tiers, ascending; a threshold without both an input and an output
  /// price cannot be a ftcost tier and is reported.
  private static func tiers(
    _ entry: JSONNode, numbers: inout Numbers, key: String, reading: inout SourceReading
  ) -> [PriceTier] {
    var thresholds = Set<Int64>()
    for member in entry.members ?? [] {
      guard member.key.hasPrefix("input_cost_per_token_above_") || member.key.hasPrefix("output_cost_per_token_above_")
      else { continue }
      let rest = member.key.split(separator: "_above_").last ?? ""
      guard rest.hasSuffix("k_tokens"), let thousands = Int64(rest.dropLast("k_tokens".count)) else { continue }
      thresholds.insert(thousands * 1000)
    }
    var tiers: [PriceTier] = []
    for threshold in thresholds.sorted() {
      let suffix = "_above_\(threshold / 1000)k_tokens"
      guard let input = numbers.price("input_cost_per_token" + suffix),
        let output = numbers.price("output_cost_per_token" + suffix)
      else {
        reading.skip(key, "the tier above \(threshold) tokens needs both an input and an output price; not imported")
        continue
      }
      tiers.append(
        PriceTier(
          aboveInputTokens: threshold, input: input, cachedInput: numbers.price("cache_read_input_token_cost" + suffix),
          output: output))
    }
    return tiers
  }
}

/// Reads LiteLLM's per-token numbers exactly, as per-1M prices.
private struct Numbers {
  let entry: JSONNode
  var problems: [String] = []

  /// The per-1M price for a per-token key, or `nil` when the key is absent or null.
  mutating func price(_ key: String) -> Decimal? {
    guard let node = entry[key], !node.isNull else { return nil }
    guard case .number(let literal) = node.kind, let value = try? DecimalParser.parse(literal), value >= 0 else {
      problems.append("\(key) is not a price (\(node.typeName)); not imported")
      return nil
    }
    return SourceNames.perMillion(value)
  }

  /// A whole, positive number of tokens.
  mutating func count(_ key: String) -> Int64? {
    guard let node = entry[key], !node.isNull else { return nil }
    guard case .number(let literal) = node.kind, let value = try? DecimalParser.parseCount(literal), value > 0 else {
      problems.append("\(key) is not a whole number of tokens; not imported")
      return nil
    }
    return value
  }
}
