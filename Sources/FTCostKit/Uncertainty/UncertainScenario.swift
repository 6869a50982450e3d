import Foundation

/// A scenario with uncertain inputs, priced at any values of them exactly as `compare --set`
/// would price it.
public struct UncertainScenario: Sendable {
  /// The scenario file's JSON with any `--set` applied.
  public var root: JSONNode
  public var file: String
  public var catalog: PricingCatalog
  public var today: ISODate
  public var inputs: [UncertainInput]
  /// The scenario as written, priced once (without break-even volumes).
  public var base: ScenarioResult

  public init(
    root: JSONNode, file: String, catalog: PricingCatalog, today: ISODate, inputs: [UncertainInput]
  ) throws {
    self.root = root
    self.file = file
    self.catalog = catalog
    self.today = today
    self.inputs = inputs
    let (scenario, problems) = Scenario.decode(root, file: file)
    guard let scenario else { throw ScenarioError.invalid(problems) }
    // No input's figures include a break-even volume, so the scenario as written leaves it out too.
    base = try ScenarioEngine.run(scenario, catalog: catalog, today: today, file: file, breakEven: false)
  }

  /// The scenario priced with `values[i]` at `inputs[i]` (the others as written).
  ///
  /// Scenario values are applied as `--set` applies them, prices to a copy of the catalog.
  public func result(_ values: [Decimal]) throws(UncertaintyError) -> ScenarioResult {
    let (scenario, catalog) = try variant(values)
    do {
      return try ScenarioEngine.run(scenario, catalog: catalog, today: today, file: file, breakEven: false)
    } catch {
      throw sampleFailure(values, error)
    }
  }

  /// The scenario with `values[i]` at `inputs[i]`, planned but not evaluated (what a simulation
  /// ranks in binary floating point).
  func planned(_ values: [Decimal]) throws(UncertaintyError) -> PlannedScenario {
    let (scenario, catalog) = try variant(values)
    do {
      return try ScenarioEngine.plan(scenario, catalog: catalog, today: today, file: file)
    } catch {
      throw sampleFailure(values, error)
    }
  }

  /// The decoded scenario and the catalog with `values` applied.
  func variant(_ values: [Decimal]) throws(UncertaintyError) -> (Scenario, PricingCatalog) {
    var root = self.root
    var catalog = self.catalog
    for (input, value) in zip(inputs, values) {
      if let price = PricePath(input.path) {
        guard let changed = catalog.setting(price: value, of: price.model, at: price.field) else {
          throw .sample("\(input.path) is not a price the tables have")
        }
        catalog = changed
      } else {
        do {
          root = try ScenarioOverride(path: input.path, value: value.description).apply(to: root)
        } catch {
          throw .sample("\(input.path): \(error.description)")
        }
      }
    }
    let (scenario, problems) = Scenario.decode(root, file: file)
    guard let scenario else {
      throw sampleFailure(values, problems.first?.message ?? "the scenario is invalid")
    }
    return (scenario, catalog)
  }

  /// The error for a sample the engine cannot price: its values, why, and what to do.
  func sampleFailure(_ values: [Decimal], _ reason: Any) -> UncertaintyError {
    .sample("\(describe(values)): \(reason); narrow the ranges")
  }

  /// The values as `path=value, …`, for an error.
  func describe(_ values: [Decimal]) -> String {
    zip(inputs, values).map { "\($0.path)=\($1)" }.joined(separator: ", ")
  }

  /// The inputs' values in the scenario as written.
  public var baseValues: [Decimal] { inputs.map(\.base) }
}
