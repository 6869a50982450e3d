import Foundation

/// How many times each whole number occurred, kept exactly in memory that does not grow with
/// how many numbers were added.
///
/// Values from 0 to `denseLimit - 1` are counted in a fixed array (32 KiB); any other value has
/// one entry in a sparse map. Memory is therefore bounded by the number of *distinct* large
/// values, not by the number of examples. For a dataset the values are bounded too: the chat
/// rule gives at most 4 tokens per message plus 1 per byte of text plus 3 per example, a BPE
/// token covers at least one byte, a message takes at least 3 bytes of the line (`{},`) and a
/// JSON string decodes to no more bytes than it takes on the line; so an example of a line of
/// `L` bytes has at most `2·L + 3` tokens (and fewer than `L` messages). With the 32 MiB line
/// limit no count exceeds 67,108,867, and the sparse map can never hold more entries than that,
/// whatever the file's length. In practice large counts are few and far between: a value `v`
/// needs a line of at least `v/2` bytes, so the distinct values above the dense range of a file
/// of `B` bytes number at most √(4·B) (about 63,000, or 3 MiB, for 1 GB).
///
/// The sum is exact: it is kept in an `Int64` and spills into a `Decimal` only if it would
/// overflow, so no addition can trap.
public struct CountHistogram: Sendable, Equatable {
  /// Values below this are counted in the dense array.
  public static let denseLimit = 4096

  private var dense: [Int] = []
  private var sparse: [Int64: Int] = [:]
  /// How many values were added.
  public private(set) var count = 0
  /// The smallest value added, or `nil` when none was.
  public private(set) var min: Int64?
  /// The largest value added, or `nil` when none was.
  public private(set) var max: Int64?
  private var partialSum: Int64 = 0
  private var spilledSum: Decimal = 0

  /// An empty histogram.
  public init() {}

  /// A histogram of `values`.
  public init(_ values: [Int64]) {
    for value in values { add(value) }
  }

  /// The exact sum of the values added.
  public var sum: Decimal {
    spilledSum == 0 ? Decimal(partialSum) : spilledSum + Decimal(partialSum)
  }

  /// The sum as an `Int64`, or `nil` when it does not fit in one.
  public var int64Sum: Int64? {
    spilledSum == 0 ? partialSum : nil
  }

  /// Counts one occurrence of `value`.
  public mutating func add(_ value: Int64) {
    if value >= 0 && value < Self.denseLimit {
      if dense.isEmpty { dense = [Int](repeating: 0, count: Self.denseLimit) }
      dense[Int(value)] += 1
    } else {
      sparse[value, default: 0] += 1
    }
    count += 1
    min = Swift.min(min ?? value, value)
    max = Swift.max(max ?? value, value)
    let (next, overflow) = partialSum.addingReportingOverflow(value)
    if overflow {
      spilledSum += Decimal(partialSum)
      partialSum = value
    } else {
      partialSum = next
    }
  }

  /// The distinct values in ascending order, each with how many times it occurred.
  public func orderedCounts() -> [(value: Int64, occurrences: Int)] {
    var result: [(value: Int64, occurrences: Int)] = []
    let keys = sparse.keys.sorted()
    var next = keys.startIndex
    while next < keys.endIndex, keys[next] < 0 {
      result.append((keys[next], sparse[keys[next]] ?? 0))
      next += 1
    }
    for (value, occurrences) in dense.enumerated() where occurrences > 0 {
      result.append((Int64(value), occurrences))
    }
    while next < keys.endIndex {
      result.append((keys[next], sparse[keys[next]] ?? 0))
      next += 1
    }
    return result
  }

  /// The values at the given ranks (0 is the smallest) of the sorted values, in the order asked.
  ///
  /// Every rank must be below `count`.
  public func values(atRanks ranks: [Int]) -> [Int64] {
    let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
    var result = [Int64](repeating: 0, count: ranks.count)
    var seen = 0
    var position = order.startIndex
    for (value, occurrences) in orderedCounts() {
      seen += occurrences
      while position < order.endIndex, ranks[order[position]] < seen {
        result[order[position]] = value
        position += 1
      }
      if position == order.endIndex { break }
    }
    return result
  }

  /// Σ min(value, cap) over every value added, or `nil` when it does not fit in an `Int64`.
  public func sum(cappedAt cap: Int64) -> Int64? {
    var total: Int64 = 0
    for (value, occurrences) in orderedCounts() {
      let (part, partOverflow) = Swift.min(value, cap).multipliedReportingOverflow(by: Int64(occurrences))
      let (next, sumOverflow) = total.addingReportingOverflow(part)
      if partOverflow || sumOverflow { return nil }
      total = next
    }
    return total
  }
}
