import Foundation

/// One model as it will be written: the source's facts, the names it answers to, and the
/// built-in model it is laid over (if any).
struct ImportDraft {
  var model: SourceModel
  /// Snapshot names folded into this entry (`gpt-5-2025-08-07` into `gpt-5`).
  var aliases: [String] = []
  /// The built-in model this entry overlays; its id is written instead of the source's name.
  var builtIn: ModelPricing?
  /// Fine-tuned inference prices for this model (`ft:` entries).
  var fineTuned: SourceModel?

  /// The id written: the built-in model's when the entry overlays one.
  var id: String { builtIn?.id ?? model.name }
  /// The source's keys behind the entry, for its `source`.
  var keys: [String] { model.isFineTuned ? (fineTuned?.keys ?? model.keys) : model.keys + (fineTuned?.keys ?? []) }
  /// Every name the source gives the model, for matching it with a built-in one.
  var sourceNames: [String] { [model.name] + aliases + model.otherNames }
}

/// Turns a source's models into ftcost tables laid over the built-in ones.
///
/// The rules, in order: entries with the same name and the same facts are one entry (LiteLLM
/// lists some Vertex models with and without `vertex_ai/`); a dated snapshot with the same facts
/// as its undated name becomes an alias of it; an entry whose name or alias is a built-in model's
/// id or alias is written under the built-in id, and only one entry may do so; fine-tuned
/// inference prices join their base model when the built-in tables give that model a training
/// price; a successor is kept only when the import or the built-in tables hold it.
struct ImportAssembly {
  var reading: SourceReading
  var builtIn: [ModelPricing]
  var today: ISODate
  var label: String
  var unmapped: [UnmappedEntry] = []

  init(reading: SourceReading, builtIn: [ModelPricing], today: ISODate, label: String) {
    self.reading = reading
    self.builtIn = builtIn
    self.today = today
    self.label = label
    self.unmapped = reading.unmapped
  }

  /// Records every key of `model` as not imported, with `reason`.
  mutating func skip(_ model: SourceModel, _ reason: String) {
    unmapped += model.keys.map { UnmappedEntry(key: $0, reason: reason) }
  }

  /// The built-in model answering to one of `names`, preferring one whose id is among them.
  func builtInModel(named names: [String]) -> ModelPricing? {
    builtIn.first { names.contains($0.id) } ?? builtIn.first { $0.aliases.contains(where: names.contains) }
  }

  /// The tables, one per provider in `providers` that has models, in that order.
  mutating func tables(for providers: [String], displayNames tables: [PricingTable]) -> [ImportedTable] {
    var drafts = matched(folded(reading.models.filter { !$0.isFineTuned }))
    attachFineTuning(reading.models.filter(\.isFineTuned), to: &drafts)
    drafts = uniquelyNamed(drafts)
    resolveSuccessors(&drafts)
    drafts = drafts.filter { draft in
      let unusual = draft.model.allPrices + (draft.fineTuned?.allPrices ?? [])
      guard let price = unusual.first(where: SourceNames.isUnusual) else { return true }
      skip(
        draft.model,
        "a price of \(price) per 1M tokens is outside what ftcost accepts without x-allow-unusual-price; not imported")
      return false
    }
    return providers.compactMap { provider in
      let models = drafts.filter { $0.model.provider == provider }
      guard !models.isEmpty else { return nil }
      let displayName = tables.first { $0.provider == provider }?.displayName ?? provider
      return ImportedTable(
        provider: provider, fileName: "\(provider).json",
        json: .object([
          ("schema_version", .integer(1)),
          ("provider", .string(provider)),
          ("display_name", .string(displayName)),
          ("currency", .string("USD")),
          ("as_of", .string(today.description)),
          (
            "source",
            .string("\(label), imported \(today) (a secondary source: check prices before you budget on them)")
          ),
          ("models", .array(models.map(json))),
        ]),
        modelCount: models.count)
    }
  }

  /// One entry per name: duplicates with the same facts merge, a dated snapshot with the facts of
  /// its undated name becomes its alias.
  private mutating func folded(_ models: [SourceModel]) -> [ImportDraft] {
    var drafts: [ImportDraft] = []
    var index: [String: Int] = [:]  // "provider name" -> draft
    for model in models {
      let slot = model.provider + " " + model.name
      if let at = index[slot] {
        if drafts[at].model.sameFacts(as: model) {
          drafts[at].model.keys += model.keys
        } else {
          skip(model, "another entry for \(model.name) (\(drafts[at].model.keys[0])) gives other prices; kept that one")
        }
        continue
      }
      index[slot] = drafts.count
      drafts.append(ImportDraft(model: model))
    }
    var kept: [ImportDraft] = []
    var keptIndex: [String: Int] = [:]
    for draft in drafts {
      if let base = SourceNames.undated(draft.model.name), let at = index[draft.model.provider + " " + base],
        drafts[at].model.sameFacts(as: draft.model)
      {
        // The undated entry may come later in the file; fold into it when it is kept.
        let slot = draft.model.provider + " " + base
        if let position = keptIndex[slot] {
          kept[position].aliases.append(draft.model.name)
          kept[position].model.keys += draft.model.keys
        } else {
          var undated = drafts[at]
          undated.aliases.append(draft.model.name)
          undated.model.keys += draft.model.keys
          keptIndex[slot] = kept.count
          kept.append(undated)
        }
        continue
      }
      let slot = draft.model.provider + " " + draft.model.name
      if let position = keptIndex[slot] {
        // Already placed because a snapshot folded into it; keep its aliases.
        kept[position].model.otherNames = draft.model.otherNames
        continue
      }
      keptIndex[slot] = kept.count
      kept.append(draft)
    }
    return kept
  }

  /// Each entry with the built-in model it overlays; entries that would overlay a model of
  /// another provider, or of another kind, or one another entry already overlays, are skipped.
  private mutating func matched(_ drafts: [ImportDraft]) -> [ImportDraft] {
    var result: [ImportDraft] = []
    var claimed: [String: Int] = [:]  // built-in id -> position in result
    for var draft in drafts {
      guard let model = builtInModel(named: draft.sourceNames) else {
        result.append(draft)
        continue
      }
      if model.provider != draft.model.provider {
        skip(draft.model, "\(model.id) is a \(model.provider) model in the built-in tables")
        continue
      }
      let isEmbedding = if case .embedding = draft.model.prices { true } else { false }
      if isEmbedding != (model.embedding != nil) {
        skip(
          draft.model,
          "\(model.id) is \(model.embedding != nil ? "an embedding" : "a chat") model in the built-in tables")
        continue
      }
      draft.builtIn = model
      if let at = claimed[model.id] {
        // Two entries name one built-in model: the one named by its id wins.
        let other = result[at]
        if !other.sourceNames.contains(model.id) && draft.sourceNames.contains(model.id) {
          skip(other.model, "\(model.id) is set from \(draft.model.keys[0]), the entry named by its id")
          result[at] = draft
        } else {
          skip(draft.model, "\(model.id) is set from \(other.model.keys[0]) already")
        }
        continue
      }
      claimed[model.id] = result.count
      result.append(draft)
    }
    return result
  }

  /// Fine-tuned inference prices joined to their base model's entry (or an entry of their own for
  /// a built-in base the source does not price); the built-in model must have a training price,
  /// which no price file gives.
  private mutating func attachFineTuning(_ fineTuned: [SourceModel], to drafts: inout [ImportDraft]) {
    for model in fineTuned {
      guard let base = builtInModel(named: [model.name]), base.provider == model.provider, base.fineTuning != nil
      else {
        skip(
          model,
          "fine-tuned prices for \(model.name), which the built-in tables list no fine-tuning for; ftcost lists fine-tuning only with a training price, which price files do not give"
        )
        continue
      }
      if let at = drafts.firstIndex(where: { $0.builtIn?.id == base.id }), let previous = drafts[at].fineTuned {
        // `ft:gpt-3.5-turbo` and `ft:gpt-3.5-turbo-0125` both price gpt-3.5-turbo-0125.
        if previous.sameFacts(as: model) {
          drafts[at].fineTuned?.keys += model.keys
        } else if model.name == base.id && previous.name != base.id {
          skip(previous, "fine-tuned prices for \(base.id) are set from \(model.keys[0]), the entry named by its id")
          drafts[at].fineTuned = model
        } else {
          skip(model, "fine-tuned prices for \(base.id) are set from \(previous.keys[0]) already")
        }
      } else if let at = drafts.firstIndex(where: { $0.builtIn?.id == base.id }) {
        drafts[at].fineTuned = model
      } else {
        var draft = ImportDraft(model: model)
        draft.builtIn = base
        draft.fineTuned = model
        drafts.append(draft)
      }
    }
  }

  /// Entries whose written names (id and aliases) no earlier entry or built-in model already uses.
  private mutating func uniquelyNamed(_ drafts: [ImportDraft]) -> [ImportDraft] {
    var used: [String: String] = [:]  // name -> id written
    var result: [ImportDraft] = []
    for var draft in drafts {
      if draft.builtIn == nil {
        // A new model answers to its snapshot names too (genai-prices lists them as `equals`).
        let dated = draft.model.otherNames.filter { SourceNames.undated($0) == draft.model.name }
        var aliases: [String] = []
        for name in draft.aliases + dated where !aliases.contains(name) && builtInModel(named: [name]) == nil {
          aliases.append(name)
        }
        draft.aliases = aliases
      }
      let names = [draft.id] + (draft.builtIn == nil ? draft.aliases : [])
      if let clash = names.first(where: { used[$0] != nil }), let owner = used[clash] {
        skip(draft.model, "the name \(clash) is already written for \(owner)")
        continue
      }
      for name in names { used[name] = draft.id }
      result.append(draft)
    }
    return result
  }

  /// Successors named by their written id; one neither imported nor built in is dropped.
  private mutating func resolveSuccessors(_ drafts: inout [ImportDraft]) {
    var ids: [String: String] = [:]
    for model in builtIn {
      for name in [model.id] + model.aliases { ids[name] = model.id }
    }
    for draft in drafts {
      for name in draft.sourceNames where ids[name] == nil { ids[name] = draft.id }
    }
    for position in drafts.indices {
      guard let successor = drafts[position].model.successor else { continue }
      if let id = ids[successor], id != drafts[position].id {
        drafts[position].model.successor = id
      } else {
        if ids[successor] == nil {
          unmapped.append(
            UnmappedEntry(
              key: drafts[position].model.keys[0],
              reason: "successor \(successor) is neither imported nor in the built-in tables; not set"))
        }
        drafts[position].model.successor = nil
      }
    }
  }

  /// The model as a pricing-table entry.
  private func json(_ draft: ImportDraft) -> JSON {
    let model = draft.model
    var members: [(String, JSON)] = [("id", .string(draft.id))]
    if draft.builtIn == nil, !draft.aliases.isEmpty {
      members.append(("aliases", .array(draft.aliases.map { .string($0) })))
    }
    if case .fineTuned = model.prices {
      // An entry only for the fine-tuned prices of a built-in model.
    } else {
      if let window = model.contextWindow { members.append(("context_window", .integer(window))) }
      if let date = model.deprecationDate { members.append(("deprecation_date", .string(date.description))) }
      if let successor = model.successor { members.append(("successor", .string(successor))) }
    }
    switch model.prices {
    case .inference(let prices): members.append(("inference", Self.inference(prices)))
    case .embedding(let prices):
      members.append(
        ("embedding", .object([("input", .number(prices.input))] + Self.optional("batch_input", prices.batchInput))))
    case .fineTuned: break
    }
    if let fineTuned = draft.fineTuned, case .fineTuned(let prices) = fineTuned.prices {
      var block: [(String, JSON)] = [("inference", Self.inference(prices))]
      if let date = fineTuned.deprecationDate { block.append(("deprecation_date", .string(date.description))) }
      members.append(("fine_tuning", .object(block)))
    }
    if !model.changes.isEmpty {
      members.append(
        (
          "price_changes",
          .array(
            model.changes.map { change in
              let all = Self.inferenceMembers(change.inference)
              let changed = all.filter { change.changedPaths.contains("inference." + $0.0) }
              return .object([
                ("effective_from", .string(change.effectiveFrom.description)),
                ("inference", .object(changed)),
                ("source", .string("\(label): the price from \(change.effectiveFrom)")),
              ])
            })
        ))
    }
    members.append(("as_of", .string(today.description)))
    members.append(("source", .string("\(label): \(draft.keys.map { "\"\($0)\"" }.joined(separator: ", "))")))
    return .object(members)
  }

  private static func optional(_ key: String, _ value: Decimal?) -> [(String, JSON)] {
    value.map { [(key, .number($0))] } ?? []
  }

  private static func inferenceMembers(_ prices: InferencePrices) -> [(String, JSON)] {
    var members: [(String, JSON)] = [("input", .number(prices.input))]
    members += optional("cached_input", prices.cachedInput)
    members.append(("output", .number(prices.output)))
    members += optional("batch_input", prices.batchInput) + optional("batch_output", prices.batchOutput)
    if !prices.tiers.isEmpty {
      members.append(
        (
          "tiers",
          .array(
            prices.tiers.map { tier in
              .object(
                [("above_input_tokens", .integer(tier.aboveInputTokens)), ("input", .number(tier.input))]
                  + optional("cached_input", tier.cachedInput) + [("output", .number(tier.output))])
            })
        ))
    }
    return members
  }

  private static func inference(_ prices: InferencePrices) -> JSON {
    .object(inferenceMembers(prices))
  }
}

extension SourceModel {
  var isFineTuned: Bool {
    if case .fineTuned = prices { return true }
    return false
  }
}
