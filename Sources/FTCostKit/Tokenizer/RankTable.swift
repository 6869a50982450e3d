import Foundation

/// Why a tokenizer could not be loaded.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
  case missingRankFile(String)
  case malformedRankFile(String, line: Int)

  public var description: String {
    switch self {
    case .missingRankFile(let path):
      return
        "tokenizer rank file '\(path)' is missing; reinstall ftcost or set FTCOST_DATA to the folder holding tokenizers/"
    case .malformedRankFile(let path, let line):
      return "\(path):\(line): not a tiktoken rank line (base64 token, a space, a rank)"
    }
  }
}

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
      while slots[slot] != RankTable.missing { slot = (slot + 1) & mask }
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

  /// Parses a tiktoken rank file: one `base64 rank` line per token, ranks dense from 0.
  static func parse(_ data: [UInt8], path: String) throws(TokenizerError) -> RankTable {
    var storage: [UInt8] = []
    storage.reserveCapacity(data.count)
    var starts: [UInt32] = [0]
    var line = 1
    var index = 0
    while index < data.count {
      let lineStart = index
      while index < data.count, data[index] != 0x20, data[index] != 0x0A { index += 1 }
      guard index < data.count, data[index] == 0x20 else { throw .malformedRankFile(path, line: line) }
      guard Base64.decode(data[lineStart..<index], into: &storage) else { throw .malformedRankFile(path, line: line) }
      index += 1
      var rank = 0
      var digits = 0
      while index < data.count, data[index] >= 0x30, data[index] <= 0x39 {
        rank = rank * 10 + Int(data[index] - 0x30)
        digits += 1
        index += 1
      }
      guard digits > 0, rank == line - 1 else { throw .malformedRankFile(path, line: line) }
      if index < data.count {
        guard data[index] == 0x0A else { throw .malformedRankFile(path, line: line) }
        index += 1
      }
      starts.append(UInt32(storage.count))
      line += 1
    }
    return RankTable(storage: storage, starts: starts)
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
