import Foundation

/// Rounds amounts to cents so that the parts a table shows add up to the total it shows.
///
/// The rule (the README's "footing"): the total is rounded as usual; each part is rounded as usual
/// too, and when the rounded parts miss the rounded total, the difference, a whole number of
/// cents, is given one cent at a time to the parts whose rounding moved them furthest the other
/// way (the largest remainders; ties to the larger amount, then the earlier part). No part moves
/// more than a cent from its own rounding, and no part that is exactly zero moves at all while
/// another can.
public enum Footing {
  /// One cent.
  static let cent = Decimal(sign: .plus, exponent: -2, significand: 1)

  /// `parts` rounded to cents so they add up to `total` (already a whole number of cents).
  ///
  /// `fixed` holds parts whose shown amount is already settled elsewhere (an investment a
  /// statement shows above); only the others move.
  public static func allocate(
    _ parts: [Decimal], to total: Decimal, fixed: [Int: Decimal] = [:], rule: RoundingRule
  ) -> [Decimal] {
    var shown = parts.enumerated().map { index, value in fixed[index] ?? value.rounded(scale: 2, rule: rule) }
    let free = parts.indices.filter { fixed[$0] == nil && parts[$0].isFinite }
    guard !free.isEmpty, total.isFinite else { return shown }
    let missing = total - shown.reduce(0, +)
    let steps = NSDecimalNumber(decimal: (missing / cent).rounded(scale: 0, .plain)).intValue
    guard steps != 0 else { return shown }
    let up = steps > 0
    // Largest remainder first: the parts rounded furthest away from the direction we must move.
    let order = free.sorted { a, b in
      let ra = parts[a] - shown[a]
      let rb = parts[b] - shown[b]
      let za = parts[a] == 0
      let zb = parts[b] == 0
      if za != zb { return !za }
      if ra != rb { return up ? ra > rb : ra < rb }
      if parts[a].magnitude != parts[b].magnitude { return parts[a].magnitude > parts[b].magnitude }
      return a < b
    }
    for step in 0..<abs(steps) {
      let index = order[step % order.count]
      shown[index] += up ? cent : -cent
    }
    return shown
  }

  /// `value` rounded to cents by `rule`.
  public static func rounded(_ value: Decimal, rule: RoundingRule) -> Decimal {
    value.rounded(scale: 2, rule: rule)
  }
}
