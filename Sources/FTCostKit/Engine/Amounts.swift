import Foundation

/// An amount of money for each case of a closed set of named parts (cost components, one-time
/// components), so a breakdown always covers every part and a new part needs no new storage.
public struct Amounts<Part: CaseIterable & RawRepresentable & Sendable>: Sendable, Equatable
where Part.RawValue == Int, Part.AllCases: RandomAccessCollection {
  private var values: [Decimal]

  public init() {
    values = Array(repeating: 0, count: Part.allCases.count)
  }

  public subscript(part: Part) -> Decimal {
    get { values[part.rawValue] }
    set { values[part.rawValue] = newValue }
  }

  /// The sum over all parts.
  public var total: Decimal { values.reduce(0) { $1 == 0 ? $0 : $0 + $1 } }

  /// The parts with a non-zero amount, in declaration order.
  public var nonZero: [(Part, Decimal)] {
    Part.allCases.compactMap { values[$0.rawValue] == 0 ? nil : ($0, values[$0.rawValue]) }
  }

  /// Adds `other × factor` part by part.
  public mutating func add(_ other: Amounts, times factor: Decimal = 1) {
    for index in values.indices where other.values[index] != 0 {
      values[index] += factor == 1 ? other.values[index] : other.values[index] * factor
    }
  }

  public static func + (lhs: Amounts, rhs: Amounts) -> Amounts {
    var sum = lhs
    sum.add(rhs)
    return sum
  }
}
