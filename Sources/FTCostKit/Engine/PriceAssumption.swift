import Foundation

/// One price a scenario's figures used, with where it came from: the assumptions a finance
/// reader checks before trusting a number.
public struct PriceAssumption: Sendable, Equatable {
  /// The plan that used it (the baseline's name carries " (baseline)").
  public var plan: String
  public var model: String
  /// The field path in the pricing table (`inference.input`, `gpu_per_hour`).
  public var field: String
  public var value: Decimal
  public var currency: String
  /// What the value is per: `1M tokens`, `hour`, `month`.
  public var unit: String
  /// The day a dated price change made this the price; `nil` for the table's own price.
  public var effectiveFrom: ISODate?
  /// The day the table (or the user's overlay) was last checked.
  public var asOf: ISODate
  /// Where the value comes from: the price change's source, else the model's.
  public var source: String
  /// True when no primary source confirms the value.
  public var unconfirmed: Bool
  /// The overlay file that set the value, when the user's overlay did.
  public var overlay: String?

  /// What a price at `path` is per.
  static func unit(of path: String) -> String {
    if path.hasSuffix("_per_hour") { return "hour" }
    if path.hasSuffix("_per_month") { return "month" }
    return "1M tokens"
  }

  /// One row per distinct model, field and value among `uses`, in the order they were used.
  static func rows(plan: String, uses: [PriceUse]) -> [PriceAssumption] {
    var rows: [PriceAssumption] = []
    for use in uses {
      let model = use.model
      for path in use.paths {
        guard let value = model.price(at: path) else { continue }
        if rows.contains(where: { $0.model == model.id && $0.field == path && $0.value == value }) { continue }
        // The latest dated change that set this field to this value, if the value is one's.
        let change = model.priceChanges.last { change in
          change.changedPaths.contains { path == $0 || path.hasPrefix($0 + ".") }
            && model.pricing(on: change.effectiveFrom).price(at: path) == value
        }
        rows.append(
          PriceAssumption(
            plan: plan, model: model.id, field: path, value: value, currency: model.currency, unit: unit(of: path),
            effectiveFrom: change?.effectiveFrom, asOf: model.asOf, source: change?.source ?? model.source,
            unconfirmed: model.isUnconfirmed(path),
            overlay: model.isOverlaid(path) || (!model.origin.isBuiltIn && model.origin.overrides == nil)
              ? model.origin.file : nil))
      }
    }
    return rows
  }
}

extension ScenarioResult {
  /// Every price the baseline and the candidates that can run were priced with, plan by plan.
  public var priceAssumptions: [PriceAssumption] {
    var rows = PriceAssumption.rows(
      plan: scenario.baseline.name + " (baseline)", uses: planned.baselineSchedule.uses)
    for candidate in planned.candidates {
      guard case .scheduled(let schedule, let cost) = candidate else { continue }
      rows += PriceAssumption.rows(plan: cost.plan.name, uses: schedule.uses)
    }
    return rows
  }
}
