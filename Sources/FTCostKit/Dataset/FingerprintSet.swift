/// A set of 64-bit fingerprints (one per example, for duplicate detection) in about 10 bytes each.
///
/// Swift's `Set<UInt64>` keeps its table a power of two at most 3/4 full, so it costs 10.7 to
/// 21.3 bytes a value and, while it doubles, briefly both tables. This set splits the values by
/// their top 8 bits into 256 open-addressing tables (linear probing) that each grow by a quarter
/// when 85% full, so every table is 68–85% full: at most 8 / 0.68 < 12 bytes a value, about 10
/// on average, and a growing table needs only 1/256 of the whole beside it.
///
/// Membership is exact: the full 64 bits are stored and compared (first passed through a
/// bijective mixer so that any 64-bit hash spreads evenly, which cannot create new collisions).
public struct FingerprintSet: Sendable {
  /// Most bytes the set uses per value once it holds more than a few thousand.
  public static let maximumBytesPerValue = 12

  private static let segmentBits = 8
  private static let initialCapacity = 16
  /// A table grows when more than `fullNumerator / fullDenominator` of its slots are used.
  private static let fullNumerator = 17
  private static let fullDenominator = 20

  /// Slots hold mixed values; 0 marks an empty slot, so the value that mixes to 0 is a flag.
  private var segments: [[UInt64]]
  private var used: [Int]
  private var containsZero = false
  /// How many distinct values the set holds.
  public private(set) var count = 0

  /// An empty set.
  public init() {
    segments = [[UInt64]](repeating: [], count: 1 << Self.segmentBits)
    used = [Int](repeating: 0, count: 1 << Self.segmentBits)
  }

  /// Adds `fingerprint`; true when it was not already in the set.
  @discardableResult
  public mutating func insert(_ fingerprint: UInt64) -> Bool {
    let mixed = Self.mix(fingerprint)
    if mixed == 0 {
      defer { containsZero = true }
      if containsZero { return false }
      count += 1
      return true
    }
    let segment = Int(truncatingIfNeeded: mixed >> (64 - Self.segmentBits))
    if segments[segment].isEmpty {
      segments[segment] = [UInt64](repeating: 0, count: Self.initialCapacity)
    }
    if !Self.insert(mixed, into: &segments[segment]) { return false }
    used[segment] += 1
    count += 1
    let capacity = segments[segment].count
    if used[segment] * Self.fullDenominator > capacity * Self.fullNumerator {
      grow(segment)
    }
    return true
  }

  /// True when `fingerprint` is in the set.
  public func contains(_ fingerprint: UInt64) -> Bool {
    let mixed = Self.mix(fingerprint)
    if mixed == 0 { return containsZero }
    let table = segments[Int(truncatingIfNeeded: mixed >> (64 - Self.segmentBits))]
    guard !table.isEmpty else { return false }
    var slot = Self.home(of: mixed, capacity: table.count)
    while table[slot] != 0 {
      if table[slot] == mixed { return true }
      slot = slot + 1 == table.count ? 0 : slot + 1
    }
    return false
  }

  /// Bytes held by the tables (not counting the fixed 4 KiB of bookkeeping).
  public var tableBytes: Int {
    segments.reduce(0) { $0 + $1.count } * MemoryLayout<UInt64>.stride
  }

  private mutating func grow(_ segment: Int) {
    let old = segments[segment]
    var table = [UInt64](repeating: 0, count: old.count + old.count / 4)
    for value in old where value != 0 {
      Self.insert(value, into: &table)
    }
    segments[segment] = table
  }

  /// Inserts a non-zero mixed value into a table with at least one free slot.
  @discardableResult
  private static func insert(_ mixed: UInt64, into table: inout [UInt64]) -> Bool {
    let capacity = table.count
    var slot = home(of: mixed, capacity: capacity)
    while table[slot] != 0 {
      if table[slot] == mixed { return false }
      slot = slot + 1 == capacity ? 0 : slot + 1
    }
    table[slot] = mixed
    return true
  }

  /// The first slot to try: the bits below the segment bits, scaled to the capacity.
  @inline(__always)
  private static func home(of mixed: UInt64, capacity: Int) -> Int {
    Int(truncatingIfNeeded: (mixed << segmentBits).multipliedFullWidth(by: UInt64(capacity)).high)
  }

  /// The 64-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the output.
  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
    z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
    return z ^ (z >> 33)
  }
}
