import Foundation

/// Token byte strings and their ranks, with a lookup built for speed.
///
/// All token bytes live in one buffer; an open-addressing hash table maps a byte string to its
/// rank without allocating, and one- and two-byte tokens are answered from direct tables.
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
  private(set) var duplicate: (rank: Int, earlier: Int)?

  /// Builds the table from token bytes laid end to end; rank r spans `starts[r] ..< starts[r+1]`.
  init(storage bytes: [UInt8], starts offsets: [UInt32]) {
    count = offsets.count - 1
    storage = .allocate(capacity: max(bytes.count, 1))
    storage.initialize(from: bytes, count: bytes.count)
    starts = .allocate(capacity: offsets.count)
    starts.initialize(from: offsets, count: offsets.count)
    var capacity = 1
    while capacity < count * 2 { capacity <<= 1 }
    mask = capacity - 1
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: RankTable.missing, count: capacity)
    single = .allocate(capacity: 256)
    single.initialize(repeating: RankTable.missing, count: 256)
    pairs = .allocate(capacity: 65536)
    pairs.initialize(repeating: RankTable.missing, count: 65536)
    var longest = 0
    for rank in 0..<count {
      let start = Int(starts[rank])
      let length = Int(starts[rank + 1]) - start
      longest = max(longest, length)
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
    }
    self.longest = longest
  }

  deinit {
    storage.deallocate()
    starts.deallocate()
    slots.deallocate()
    single.deallocate()
    pairs.deallocate()
  }

  @inline(__always)
  static func hash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Int {
    Int(truncatingIfNeeded: FNV1a.hash(pointer, length))
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

  /// The largest rank file read: 16 MiB (tiktoken's are under 4 MiB).
  static let largestFile = 16 << 20

  /// Parses a tiktoken rank file: one `base64 rank` line per token, ranks dense from 0.
  ///
  /// Strict, so that a damaged file is reported at its first bad line rather than counting
  /// wrongly: LF or CRLF line ends, the last line's optional; every token distinct; every single
  /// byte a token; `expectedCount` ranks when given.
  static func parse(_ data: [UInt8], path: String, expectedCount: (Encoding, Int)? = nil) throws(TokenizerError)
    -> RankTable
  {
    guard data.count <= largestFile else { throw .rankFileTooLarge(path, bytes: data.count) }
    guard !data.isEmpty else { throw .wrongRankFile(path, .empty) }
    var storage: [UInt8] = []
    storage.reserveCapacity(data.count)
    var starts: [UInt32] = [0]
    var line = 1
    var index = 0
    while index < data.count {
      let lineStart = index
      while index < data.count, data[index] != 0x20, data[index] != 0x0A { index += 1 }
      if index == lineStart, index < data.count, data[index] == 0x0A {
        throw .malformedRankFile(path, line: line, .emptyLine)
      }
      guard index < data.count, data[index] == 0x20 else { throw .malformedRankFile(path, line: line, .missingRank) }
      guard index > lineStart else { throw .malformedRankFile(path, line: line, .missingToken) }
      guard Base64.decode(data[lineStart..<index], into: &storage) else {
        throw .malformedRankFile(path, line: line, .notBase64)
      }
      index += 1
      let rankStart = index
      while index < data.count, data[index] >= 0x30, data[index] <= 0x39 { index += 1 }
      let digits = data[rankStart..<index]
      if index + 1 < data.count, data[index] == 0x0D, data[index + 1] == 0x0A { index += 1 }
      let atLineEnd = index == data.count || data[index] == 0x0A
      if digits.isEmpty { throw .malformedRankFile(path, line: line, atLineEnd ? .missingRank : .rankNotANumber) }
      guard atLineEnd else { throw .malformedRankFile(path, line: line, .trailingCharacters) }
      guard rankValue(digits) == line - 1 else {
        let text = digits.count <= 24 ? String(decoding: digits, as: UTF8.self) : "of \(digits.count) digits"
        throw .malformedRankFile(path, line: line, .rankOutOfSequence(expected: line - 1, found: text))
      }
      index += 1
      starts.append(UInt32(storage.count))
      line += 1
    }
    let table = RankTable(storage: storage, starts: starts)
    if let duplicate = table.duplicate {
      throw .malformedRankFile(path, line: duplicate.rank + 1, .duplicateToken(firstLine: duplicate.earlier + 1))
    }
    if let (encoding, expected) = expectedCount, table.count != expected {
      throw .wrongRankFile(path, .wrongCount(encoding: encoding, found: table.count, expected: expected))
    }
    for byte in 0...255 {
      var value = UInt8(byte)
      if table.rank(&value, 1) == missing { throw .wrongRankFile(path, .missingByte(UInt8(byte))) }
    }
    return table
  }

  /// The value of a run of decimal digits, or -1 when it has more than 18 (it cannot be a rank).
  private static func rankValue(_ digits: ArraySlice<UInt8>) -> Int {
    var significant = digits.drop { $0 == 0x30 }
    if significant.count > 18 { return -1 }
    var value = 0
    while let digit = significant.popFirst() { value = value * 10 + Int(digit - 0x30) }
    return value
  }
}

/// A strict standard-alphabet base64 decoder for rank files.
enum Base64 {
  static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(character)] = UInt8(index)
    }
    return table
  }()

  static func decode(_ text: ArraySlice<UInt8>, into output: inout [UInt8]) -> Bool {
    guard text.count % 4 == 0, !text.isEmpty else { return false }
    var buffer: UInt32 = 0
    var bits = 0
    var padding = 0
    for byte in text {
      if byte == UInt8(ascii: "=") { padding += 1; continue }
      if padding > 0 { return false }
      let value = values[Int(byte)]
      if value == 0xFF { return false }
      buffer = buffer << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
      }
    }
    return padding <= 2
  }
}
