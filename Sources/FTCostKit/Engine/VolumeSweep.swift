import Foundation

/// One candidate's payback, ROI, net benefit and NPV across month-1 volumes, priced once and
/// evaluated per volume through the same engine.
public struct VolumeSweep: Sendable {
  public struct Point: Sendable {
    public var requestsPerMonth: Decimal
    public var figures: CandidateFigures
  }

  public var candidate: String
  public var points: [Point]

  /// Sweeps `candidate` of `result` over `steps` volumes from `from` to `to`, evenly spaced on a log
  /// scale (whole requests between the two ends).
  ///
  /// Every plan's months are worked out once, through the payback search's end, and only the
  /// swept candidate is evaluated at each volume; its break-even volume, which does not depend on
  /// the volume, is the scenario's.
  public static func run(
    _ result: ScenarioResult, candidate: String, from: Decimal, to: Decimal, steps: Int
  ) -> VolumeSweep {
    let planned = result.planned
    // A plan whose pricing reads the volume is priced again at each; the others' months are
    // worked out once.
    let months =
      planned.readsVolume ? nil : PlannedMonths(planned, through: planned.calendar.searchMonths, only: candidate)
    let breakEven = result.candidates.first { $0.name == candidate }?.figures?.breakEvenRequestsPerMonth
    var points: [Point] = []
    for volume in logSpaced(from: from, to: to, steps: steps) {
      // A volume the plans cannot be priced at is left out, as one whose figures overflow.
      guard let moved = try? planned.at(requestsPerMonth: volume) else { continue }
      let run = ScenarioEngine.evaluate(
        moved, months: months ?? PlannedMonths(moved, through: moved.calendar.searchMonths, only: candidate),
        only: candidate, breakEven: false)
      // A volume whose figures overflow is left out rather than shown as NaN.
      guard run.unrepresentable == nil else { continue }
      if var figures = run.candidates.first(where: { $0.name == candidate })?.figures {
        figures.breakEvenRequestsPerMonth = breakEven
        points.append(Point(requestsPerMonth: volume, figures: figures))
      }
    }
    return VolumeSweep(candidate: candidate, points: points)
  }

  /// `steps` whole volumes from `from` to `to`, evenly spaced on a log scale.
  public static func logSpaced(from: Decimal, to: Decimal, steps: Int) -> [Decimal] {
    let low = log(NSDecimalNumber(decimal: from).doubleValue)
    let high = log(NSDecimalNumber(decimal: to).doubleValue)
    return (0..<steps).map { step in
      if step == 0 { return from }
      if step == steps - 1 { return to }
      let value = exp(low + (high - low) * Double(step) / Double(steps - 1))
      return Decimal(value.rounded())
    }
  }
}
