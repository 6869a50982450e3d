import Foundation

/// Remembers the tokens of recently encoded multi-token pieces, so repeated words skip BPE.
///
/// Direct-mapped by hash; pieces and ids live in one arena that is cleared when full, which
/// bounds memory at a few megabytes whatever the input. The storage is allocated on first use
/// and freed by `deallocate()`, so the value can be copied into a local variable for a hot loop
/// (and written back) without copying or reference counting anything.
struct PieceCache {
  private struct Entry {
    var hash: UInt64
    var pieceStart: Int32
    /// 0 for an empty slot (cached pieces have at least two bytes).
    var pieceLength: Int32
    var idsStart: Int32
    var idsCount: Int32
  }

  /// Pieces longer than this are not cached: they rarely repeat and would crowd out the rest.
  static let longestPiece = 1024

  private static let slotCount = 1 << 15
  private static let arenaLimit = 4 << 20
  private var entries: UnsafeMutablePointer<Entry>? = nil
  private var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
  private var byteCount = 0
  private var byteCapacity = 0
  private var ids = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
  private var idCount = 0
  private var idCapacity = 0
  private var pending = Entry(hash: 0, pieceStart: 0, pieceLength: 0, idsStart: 0, idsCount: 0)
  private var pendingSlot = -1

  /// Frees the storage; the cache must not be used afterwards.
  func deallocate() {
    entries?.deallocate()
    bytes.deallocate()
    ids.deallocate()
  }

  /// Emits the cached ids of the piece and returns true, or returns false on a miss.
  mutating func lookup(_ piece: UnsafePointer<UInt8>, _ length: Int, emit: (UInt32) -> Void) -> Bool {
    let h = FNV1a.hash(piece, length)
    let slot = Int(truncatingIfNeeded: h) & (Self.slotCount - 1)
    pending = Entry(hash: h, pieceStart: 0, pieceLength: Int32(length), idsStart: 0, idsCount: 0)
    pendingSlot = slot
    guard let entries else { return false }
    let entry = entries[slot]
    guard entry.pieceLength == Int32(length), entry.hash == h, memcmp(bytes + Int(entry.pieceStart), piece, length) == 0
    else { return false }
    var index = Int(entry.idsStart)
    let end = index + Int(entry.idsCount)
    while index < end {
      emit(ids[index])
      index += 1
    }
    return true
  }

  /// Starts storing the ids of the piece that just missed (at most `longestPiece` bytes).
  mutating func beginStore(_ piece: UnsafePointer<UInt8>, _ length: Int) {
    if entries == nil {
      let raw = UnsafeMutableRawPointer.allocate(
        byteCount: Self.slotCount * MemoryLayout<Entry>.stride, alignment: MemoryLayout<Entry>.alignment)
      memset(raw, 0, Self.slotCount * MemoryLayout<Entry>.stride)
      entries = raw.bindMemory(to: Entry.self, capacity: Self.slotCount)
    }
    if byteCount + length > Self.arenaLimit || idCount + length > Self.arenaLimit, let entries {
      byteCount = 0
      idCount = 0
      memset(entries, 0, Self.slotCount * MemoryLayout<Entry>.stride)
    }
    if byteCount + length > byteCapacity {
      byteCapacity = min(max(byteCapacity * 2, byteCount + length, 1 << 16), Self.arenaLimit)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
      grown.update(from: bytes, count: byteCount)
      bytes.deallocate()
      bytes = grown
    }
    if idCount + length > idCapacity {
      idCapacity = min(max(idCapacity * 2, idCount + length, 1 << 16), Self.arenaLimit)
      let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: idCapacity)
      grown.update(from: ids, count: idCount)
      ids.deallocate()
      ids = grown
    }
    pending.pieceStart = Int32(byteCount)
    pending.idsStart = Int32(idCount)
    (bytes + byteCount).update(from: piece, count: length)
    byteCount += length
  }

  /// Stores one id of the pending piece (a piece has at most as many ids as bytes).
  mutating func storeID(_ id: UInt32) {
    ids[idCount] = id
    idCount += 1
  }

  mutating func endStore() {
    pending.idsCount = Int32(idCount) - pending.idsStart
    if pendingSlot >= 0, let entries { entries[pendingSlot] = pending }
  }
}
