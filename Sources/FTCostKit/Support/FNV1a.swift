/// 64-bit FNV-1a: the fast, stable hash ftcost uses for token lookups and example fingerprints.
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  mutating func add(_ text: String) {
    for byte in text.utf8 { add(byte) }
  }

  /// The hash of `length` bytes at `pointer`, its high bits folded down for table indexing.
  @inline(__always)
  static func hash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = 0
    while index < length {
      h = (h ^ UInt64(pointer[index])) &* 0x0000_0100_0000_01b3
      index += 1
    }
    return h ^ (h >> 29)
  }
}
