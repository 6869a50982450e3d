import Foundation

extension UncertainInput {
  /// The input as reports list it: path, value as written, range and distribution.
  public var json: JSON {
    .object([
      ("path", .string(path)), ("base", .number(base)), ("low", .number(distribution.low)),
      ("high", .number(distribution.high)), ("distribution", .string(distribution.name)),
    ])
  }
}

extension Sensitivity {
  /// The `sensitivity --format json` object: unrounded figures, `null` for never.
  public func json(scenario: String) -> JSON {
    .object([
      ("scenario", .string(scenario)), ("candidate", .string(candidate)), ("metric", .string(metric.rawValue)),
      ("base_value", .number(baseValue)),
      (
        "inputs",
        .array(
          bars.map { bar in
            .object([
              ("input", bar.input.json), ("at_low", .number(bar.atLow)), ("at_high", .number(bar.atHigh)),
              ("swing", .number(bar.swing)), ("break_even_value", .number(bar.breakEven)),
            ])
          })
      ),
    ])
  }
}

extension Simulation {
  /// The `simulate --format json` object: percentiles as sample figures, `null` for never.
  public func json(scenario: String, inputs: [UncertainInput]) -> JSON {
    func spread(_ values: Percentiles) -> JSON {
      .object([("p10", .number(values.p10)), ("p50", .number(values.p50)), ("p90", .number(values.p90))])
    }
    return .object([
      ("scenario", .string(scenario)), ("samples", .integer(Int64(samples))),
      ("seed", .string(String(seed))), ("inputs", .array(inputs.map(\.json))),
      (
        "candidates",
        .array(
          candidates.map { candidate in
            .object([
              ("name", .string(candidate.name)), ("net_benefit", spread(candidate.netBenefit)),
              ("npv", spread(candidate.npv)), ("payback_months", spread(candidate.paybackMonths)),
              ("probability_pays_back_within_horizon", .number(candidate.paysBackWithinHorizon)),
              ("probability_best", .number(candidate.best)),
            ])
          })
      ),
      ("probability_staying_is_best", .number(stayIsBest)),
    ])
  }
}
