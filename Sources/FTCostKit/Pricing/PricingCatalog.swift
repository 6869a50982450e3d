import Foundation

/// Every pricing table in force: the built-in ones with the user's overlays applied.
public struct PricingCatalog: Sendable {
  public private(set) var tables: [PricingTable]
  /// Models by id, in table order.
  public private(set) var models: [ModelPricing]
  private var index: [String: Int]
  /// Tables whose `as_of` is older than the staleness limit.
  public private(set) var warnings: [String]

  /// Builds a catalog from built-in tables and overlay tables; overlays replace ids on purpose.
  public init(builtIn: [PricingTable], overlays: [PricingTable], today: ISODate) throws(PricingError) {
    var problems: [Diagnostic] = []
    problems += Self.duplicateIDs(in: builtIn)
    problems += Self.duplicateIDs(in: overlays)
    if !problems.isEmpty { throw .invalid(problems) }

    var models: [ModelPricing] = []
    var index: [String: Int] = [:]
    for table in builtIn {
      for model in table.models {
        index[model.id] = models.count
        for alias in model.aliases { index[alias] = models.count }
        models.append(model)
      }
    }
    for table in overlays {
      for var model in table.models {
        let names = [model.id] + model.aliases
        if let position = names.lazy.compactMap({ index[$0] }).first {
          // The replaced entry's names keep working and now mean the user's entry.
          model.origin.overrides = models[position].origin.file
          models[position] = model
          for name in names { index[name] = position }
        } else {
          for name in names { index[name] = models.count }
          models.append(model)
        }
      }
    }
    for model in models {
      guard let successor = model.successor, index[successor] == nil, index[successor.lowercased()] == nil else {
        continue
      }
      problems.append(
        Diagnostic(
          file: model.origin.file, location: nil, path: "\(model.id).successor",
          message:
            "successor \"\(successor)\" is not a model in the pricing tables.\(Suggestions.hint(for: successor, in: Array(index.keys).sorted())) Name the id or alias of the model that replaces \(model.id)."
        ))
    }
    for model in models {
      if let gpu = model.selfHosting?.gpu {
        let found = (index[gpu] ?? index[gpu.lowercased()]).map { models[$0] }
        if found?.gpuPerHour == nil {
          problems.append(
            Diagnostic(
              file: model.origin.file, location: nil, path: "\(model.id).self_hosting.gpu",
              message:
                "\"\(gpu)\" is not a GPU in the pricing tables (an entry with gpu_per_hour); name one, e.g. h100-80gb"))
        }
      }
      if let base = model.openModel, index[base] == nil {
        problems.append(
          Diagnostic(
            file: model.origin.file, location: nil, path: "\(model.id).open_model",
            message: "open_model \"\(base)\" is not a model in the pricing tables; name the open-weight entry it runs"))
      }
    }
    if !problems.isEmpty { throw .invalid(problems) }
    self.tables = builtIn + overlays
    self.models = models
    self.index = index
    self.warnings = tables.compactMap { table in
      let age = table.asOf.days(to: today)
      guard age > PricingTable.staleAfterDays else { return nil }
      return
        "warning: \(table.file): prices are as of \(table.asOf) (\(age) days old); prices change often, check the provider's page"
    }
  }

  /// Two files of one folder may not define the same id or alias.
  public static func duplicateIDs(in tables: [PricingTable]) -> [Diagnostic] {
    var seen: [String: (String, SourceLocation)] = [:]
    var problems: [Diagnostic] = []
    for table in tables {
      for (name, location) in table.idLocations.sorted(by: {
        ($0.value.line, $0.value.column) < ($1.value.line, $1.value.column)
      }) {
        if let (file, first) = seen[name], file != table.file {
          problems.append(
            Diagnostic(
              file: table.file, location: location, path: "",
              message:
                "duplicate model id \"\(name)\": also defined at \(file):\(first.line):\(first.column); keep one of them"
            ))
        } else {
          seen[name] = (table.file, location)
        }
      }
    }
    return problems
  }

  /// The model with this id or alias.
  public func model(named name: String) throws(PricingError) -> ModelPricing {
    if let position = index[name] { return models[position] }
    if let position = index[name.lowercased()] { return models[position] }
    throw .unknownModel(name, suggestions: Suggestions.closest(to: name, in: allNames))
  }

  /// The catalog with one model's price at `field` set to `value` (an uncertain price); `nil`
  /// when the model is unknown or has no such price.
  public func setting(price value: Decimal, of name: String, at field: String) -> PricingCatalog? {
    var catalog = self
    return catalog.set(price: value, of: name, at: field) ? catalog : nil
  }

  /// Sets the price at `field` of the model `name` in place; false when the tables have no such
  /// price.
  mutating func set(price value: Decimal, of name: String, at field: String) -> Bool {
    guard let position = index[name] ?? index[name.lowercased()],
      let changed = models[position].setting(price: value, at: field)
    else { return false }
    models[position] = changed
    return true
  }

  /// A model's measured throughput on GPUs, or that of the open-weight model a managed entry runs.
  public func selfHosting(of model: ModelPricing) -> SelfHosting? {
    model.selfHosting ?? model.openModel.flatMap { try? self.model(named: $0) }?.selfHosting
  }

  /// The models of `provider` whose fine-tuning takes new jobs on `date`.
  public func fineTunableModels(provider: String, on date: ISODate) -> [ModelPricing] {
    models.filter { $0.provider == provider && $0.acceptsTraining(on: date) }
  }

  /// `model` priced on `date`, or an error when no training job can start on it then.
  public func trainableModel(_ model: ModelPricing, on date: ISODate) throws(TrainingError) -> ModelPricing {
    guard model.fineTuning != nil else { throw .notFineTunable(model.id) }
    if let reason = model.trainingUnavailableReason(on: date) {
      throw .closed(
        model: model.id, date: date, reason: reason, provider: model.providerDisplayName,
        stillOpen: fineTunableModels(provider: model.provider, on: date).map(\.id))
    }
    return model.pricing(on: date)
  }

  /// Every id and alias, for suggestions and completions.
  public var allNames: [String] {
    models.flatMap { [$0.id] + $0.aliases }
  }

  /// The provider ids of the loaded tables, in order.
  public var providers: [String] {
    var seen = Set<String>()
    return tables.map(\.provider).filter { seen.insert($0).inserted }
  }

  /// The table for a provider id (the built-in one when an overlay adds a second).
  public func table(forProvider provider: String) -> PricingTable? {
    tables.first { $0.provider == provider }
  }

  /// The newest `as_of` of the built-in tables, shown by `--version`.
  public var builtInAsOf: ISODate? {
    tables.filter(\.isBuiltIn).map(\.asOf).max()
  }
}
