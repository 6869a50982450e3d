/// Byte-pair merges one piece into tokens, as tiktoken's `byte_pair_encode`.
///
/// BPE repeatedly merges the adjacent pair of parts whose concatenation has the lowest rank,
/// the leftmost one on a tie, until no pair is a token. Short pieces use tiktoken's scan of a
/// parts array (O(n·m) for n bytes and m merges, fastest when n is small). Long pieces keep the
/// parts as a linked list and the candidate merges in a `MergeQueue` ordered by (rank, start),
/// the order the scan picks, so a piece of any length and content takes O(n log n) time at
/// worst; both give the same tokens. Owns its scratch buffers, so it is not thread-safe.
final class BytePairMerger {
  /// Pieces of at least this many bytes take the linked-list merge.
  static let longPiece = 64

  /// One part of a long piece, stored at the index of its first byte.
  private struct Part {
    /// The index of the next part's first byte (the piece's length for the last part).
    var end: Int32
    /// The index of the previous part's first byte (-1 for the first part).
    var previous: Int32
    /// The rank of this part followed by the next one, or `missing` (also for absorbed parts).
    var pairRank: UInt32
  }

  /// How to merge: by length, or one way whatever the length (tests compare the two).
  enum Method {
    case byLength, scan, linkedList
  }

  private var scanCapacity = 0
  /// Scan: the start of part k.
  private var starts = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  /// Scan: the rank of merging part k with part k+1.
  private var pairs = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
  private var capacity = 0
  private var parts = UnsafeMutablePointer<Part>.allocate(capacity: 1)
  private var queue = MergeQueue()

  deinit {
    starts.deallocate()
    pairs.deallocate()
    parts.deallocate()
    queue.deallocate()
  }

  /// Merges `length` (≥ 2) bytes at `piece` and calls `emit` with each token's rank in order.
  ///
  /// Pieces shorter than `longPiece` bytes are scanned, longer ones merged through the linked
  /// list, unless `method` says otherwise.
  func merge(
    _ piece: UnsafePointer<UInt8>, _ length: Int, ranks: RankTable, method: Method = .byLength,
    emit: (UInt32) -> Void
  ) {
    if method == .linkedList || (method == .byLength && length >= Self.longPiece) {
      mergeLong(piece, length, ranks: ranks, emit: emit)
    } else {
      mergeShort(piece, length, ranks: ranks, emit: emit)
    }
  }

  /// Releases scratch space kept for pieces longer than `bytes`, so one huge piece does not pin
  /// memory for the rest of a session.
  func trim(above bytes: Int) {
    if scanCapacity > bytes {
      starts.deallocate()
      pairs.deallocate()
      starts = .allocate(capacity: 1)
      pairs = .allocate(capacity: 1)
      scanCapacity = 0
    }
    if capacity > bytes {
      parts.deallocate()
      parts = .allocate(capacity: 1)
      capacity = 0
    }
    queue.trim(above: bytes)
  }

  // Both ways below read the class's properties into locals first: in debug builds each access
  // to a class's `var` is a call to the exclusivity checker, which dominated the time.

  // MARK: Short pieces

  /// tiktoken's `_byte_pair_merge`: scan for the lowest-ranked pair, merge it, repeat.
  private func mergeShort(
    _ piece: UnsafePointer<UInt8>, _ length: Int, ranks: RankTable, emit: (UInt32) -> Void
  ) {
    if length + 1 > scanCapacity {
      starts.deallocate()
      pairs.deallocate()
      scanCapacity = max(length + 1, Self.longPiece + 1)
      starts = .allocate(capacity: scanCapacity)
      pairs = .allocate(capacity: scanCapacity)
    }
    let starts = self.starts
    let pairs = self.pairs
    var count = length + 1
    var k = 0
    while k < length - 1 {
      starts[k] = Int32(k)
      pairs[k] = ranks.rank(piece + k, 2)
      k += 1
    }
    starts[length - 1] = Int32(length - 1)
    pairs[length - 1] = RankTable.missing
    starts[length] = Int32(length)
    pairs[length] = RankTable.missing
    while true {
      var minimum = RankTable.missing
      var position = -1
      k = 0
      while k < count - 1 {
        if pairs[k] < minimum {
          minimum = pairs[k]
          position = k
        }
        k += 1
      }
      if position < 0 { break }
      // The pair ranks around the merge, computed before part position+1 is removed (so the
      // part after the merged one is at position+3).
      if position > 0 {
        pairs[position - 1] =
          position + 2 < count
          ? ranks.rank(piece + Int(starts[position - 1]), Int(starts[position + 2] - starts[position - 1]))
          : RankTable.missing
      }
      pairs[position] =
        position + 3 < count
        ? ranks.rank(piece + Int(starts[position]), Int(starts[position + 3] - starts[position]))
        : RankTable.missing
      let tail = count - position - 2
      (starts + position + 1).update(from: starts + position + 2, count: tail)
      (pairs + position + 1).update(from: pairs + position + 2, count: tail)
      count -= 1
    }
    k = 0
    while k < count - 1 {
      let start = Int(starts[k])
      emit(ranks.rank(piece + start, Int(starts[k + 1]) - start))
      k += 1
    }
  }

  // MARK: Long pieces

  /// The linked-list merge: `parts` linked by their ends and starts, candidates in `queue`.
  ///
  /// A candidate is a key `rank << 32 | start`, so keys order as the scan picks merges. Keys are
  /// not removed when a merge changes the pair at `start`: a key is current only while
  /// `parts[start].pairRank` still equals its rank, which holds exactly when the pair there is still
  /// the same bytes (a rank names one byte string, and a part's start never moves). Parts absorbed
  /// by a merge get `missing`.
  private func mergeLong(
    _ piece: UnsafePointer<UInt8>, _ length: Int, ranks: RankTable, emit: (UInt32) -> Void
  ) {
    if length > capacity {
      parts.deallocate()
      capacity = max(length, capacity * 2, 256)
      parts = .allocate(capacity: capacity)
    }
    let parts = self.parts
    var queue = self.queue
    defer { self.queue = queue }
    queue.prepare(rankLimit: ranks.count, pieceLength: length)
    var i = 0
    while i < length {
      let rank = i + 1 < length ? ranks.rank(piece + i, 2) : RankTable.missing
      parts[i] = Part(end: Int32(i + 1), previous: Int32(i - 1), pairRank: rank)
      if rank != RankTable.missing { queue.push(rank, i) }
      i += 1
    }
    while true {
      let key = queue.popMin()
      if key == MergeQueue.empty { break }
      let rank = UInt32(truncatingIfNeeded: key >> 32)
      let start = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
      guard parts[start].pairRank == rank else { continue }  // stale: the pair there has changed
      let right = Int(parts[start].end)
      let end = Int(parts[right].end)
      parts[right].pairRank = RankTable.missing
      parts[start].end = Int32(end)
      if end < length {
        parts[end].previous = Int32(start)
        let pair = ranks.rank(piece + start, Int(parts[end].end) - start)
        parts[start].pairRank = pair
        if pair != RankTable.missing { queue.push(pair, start) }
      } else {
        parts[start].pairRank = RankTable.missing
      }
      if start > 0 {
        let left = Int(parts[start].previous)
        let pair = ranks.rank(piece + left, end - left)
        parts[left].pairRank = pair
        if pair != RankTable.missing { queue.push(pair, left) }
      }
    }
    i = 0
    while i < length {
      let end = Int(parts[i].end)
      emit(ranks.rank(piece + i, end - i))
      i = end
    }
  }
}
