import Foundation

/// Remembers the tokens of recently encoded multi-token pieces, so repeated words skip BPE.
///
/// Direct-mapped by hash; pieces and ids live in one arena that is cleared when full, which
/// bounds memory at a few megabytes whatever the input.
struct PieceCache {
  private struct Entry {
    var hash: UInt64 = 0
    var pieceStart: Int32 = -1
    var pieceLength: Int32 = 0
    var idsStart: Int32 = 0
    var idsCount: Int32 = 0
  }

  /// Pieces longer than this are not cached: they rarely repeat and would crowd out the rest.
  static let longestPiece = 1024

  private static let slotCount = 1 << 15
  private static let arenaLimit = 4 << 20
  private var entries = [Entry](repeating: Entry(), count: PieceCache.slotCount)
  private var bytes: [UInt8] = []
  private var ids: [UInt32] = []
  private var pending = Entry()
  private var pendingSlot = -1

  /// Emits the cached ids of the piece and returns true, or returns false on a miss.
  mutating func lookup(_ piece: UnsafePointer<UInt8>, _ length: Int, emit: (UInt32) -> Void) -> Bool {
    let h = FNV1a.hash(piece, length)
    let slot = Int(truncatingIfNeeded: h) & (Self.slotCount - 1)
    let entry = entries[slot]
    pending = Entry(hash: h, pieceStart: -1, pieceLength: Int32(length), idsStart: 0, idsCount: 0)
    pendingSlot = slot
    guard entry.pieceStart >= 0, entry.hash == h, Int(entry.pieceLength) == length else { return false }
    let same = bytes.withUnsafeBufferPointer { stored in
      stored.baseAddress.map { memcmp($0 + Int(entry.pieceStart), piece, length) == 0 } ?? false
    }
    guard same else { return false }
    for index in Int(entry.idsStart)..<Int(entry.idsStart + entry.idsCount) { emit(ids[index]) }
    return true
  }

  /// Starts storing the ids of the piece that just missed.
  mutating func beginStore(_ piece: UnsafePointer<UInt8>, _ length: Int) {
    if bytes.count + length > Self.arenaLimit || ids.count + length > Self.arenaLimit {
      bytes.removeAll(keepingCapacity: true)
      ids.removeAll(keepingCapacity: true)
      for index in entries.indices { entries[index].pieceStart = -1 }
    }
    pending.pieceStart = Int32(bytes.count)
    pending.idsStart = Int32(ids.count)
    bytes.append(contentsOf: UnsafeBufferPointer(start: piece, count: length))
  }

  mutating func storeID(_ id: UInt32) {
    ids.append(id)
  }

  mutating func endStore() {
    pending.idsCount = Int32(ids.count) - pending.idsStart
    if pendingSlot >= 0 { entries[pendingSlot] = pending }
  }
}
