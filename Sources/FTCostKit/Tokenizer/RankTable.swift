import Foundation

/// Token byte strings and their ranks, with a lookup built for speed.
///
/// All token bytes live in one buffer; an open-addressing hash table maps a byte string to its
/// rank without allocating, and one- and two-byte tokens are answered from direct tables.
/// Loops are plain `while` loops over pointers, so debug builds (which do not inline or
/// specialise) stay fast enough for the test suite.
final class RankTable: @unchecked Sendable {
  static let missing = UInt32.max

  private let storage: UnsafeMutablePointer<UInt8>
  private let starts: UnsafeMutablePointer<UInt32>
  private let slots: UnsafeMutablePointer<UInt32>
  private let single: UnsafeMutablePointer<UInt32>
  private let pairs: UnsafeMutablePointer<UInt32>
  private let mask: Int
  /// The length of the longest token; longer byte strings are answered without hashing.
  private let longest: Int
  let count: Int
  /// The first rank whose bytes equal an earlier rank's, and that rank (a malformed file).
  let duplicate: (rank: Int, earlier: Int)?

  /// Builds the table over `count` ranks from token bytes laid end to end (rank r spans
  /// `starts[r] ..< starts[r+1]`), taking ownership of both buffers (freed in `deinit`).
  init(taking storage: UnsafeMutablePointer<UInt8>, starts: UnsafeMutablePointer<UInt32>, count: Int) {
    self.storage = storage
    self.starts = starts
    self.count = count
    var capacity = 1
    while capacity < count * 2 { capacity <<= 1 }
    let mask = capacity - 1
    let slots = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
    slots.initialize(repeating: RankTable.missing, count: capacity)
    let single = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
    single.initialize(repeating: RankTable.missing, count: 256)
    let pairs = UnsafeMutablePointer<UInt32>.allocate(capacity: 65536)
    pairs.initialize(repeating: RankTable.missing, count: 65536)
    var longest = 0
    var duplicate: (rank: Int, earlier: Int)? = nil
    var rank = 0
    while rank < count {
      let start = Int(starts[rank])
      let length = Int(starts[rank + 1]) - start
      if length > longest { longest = length }
      if length == 1 {
        single[Int(storage[start])] = UInt32(rank)
      } else if length == 2 {
        pairs[Int(storage[start]) << 8 | Int(storage[start + 1])] = UInt32(rank)
      }
      var slot = RankTable.hash(storage + start, length) & mask
      while slots[slot] != RankTable.missing {
        let other = Int(slots[slot])
        let otherStart = Int(starts[other])
        if duplicate == nil, Int(starts[other + 1]) - otherStart == length,
          memcmp(storage + otherStart, storage + start, length) == 0
        {
          duplicate = (rank, other)
        }
        slot = (slot + 1) & mask
      }
      slots[slot] = UInt32(rank)
      rank += 1
    }
    self.mask = mask
    self.slots = slots
    self.single = single
    self.pairs = pairs
    self.longest = longest
    self.duplicate = duplicate
  }

  deinit {
    storage.deallocate()
    starts.deallocate()
    slots.deallocate()
    single.deallocate()
    pairs.deallocate()
  }

  /// FNV-1a (as `FNV1a.hash`), written out here: rank lookups are the innermost loop.
  @inline(__always)
  static func hash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = 0
    while index < length {
      h = (h ^ UInt64(pointer[index])) &* 0x0000_0100_0000_01b3
      index += 1
    }
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  /// The rank of `length` bytes at `pointer`, or `missing`.
  @inline(__always)
  func rank(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
    if length == 1 { return single[Int(pointer[0])] }
    if length == 2 { return pairs[Int(pointer[0]) << 8 | Int(pointer[1])] }
    if length > longest { return RankTable.missing }
    var slot = RankTable.hash(pointer, length) & mask
    while true {
      let rank = slots[slot]
      if rank == RankTable.missing { return RankTable.missing }
      let start = Int(starts[Int(rank)])
      if Int(starts[Int(rank) + 1]) - start == length, memcmp(storage + start, pointer, length) == 0 {
        return rank
      }
      slot = (slot + 1) & mask
    }
  }

  /// The bytes of a rank (for decoding in tests and tools).
  func bytes(of rank: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: storage + Int(starts[rank]), count: Int(starts[rank + 1] - starts[rank])))
  }
}
