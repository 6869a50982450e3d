/// The candidate merges of one long piece, taken smallest (rank, start) first.
///
/// Mostly a bucket queue: one first-in-first-out list per rank, kept while its starts arrive in
/// increasing order (the first pairs of a piece all do, and so do most pairs that merges create,
/// since merges of one rank run left to right), with a bitmap of non-empty ranks to find the
/// smallest. A push that would break a list's order goes to a binary min-heap instead. Taking the
/// smaller of the two heads gives keys in exactly the order a single priority queue would, while
/// the common case costs O(1) and touches memory mostly in sequence. Every list is empty again
/// once the queue is drained, so only the node pool is reset between pieces.
///
/// A value holding pointers: its owner frees them with `deallocate()`, and may copy it into a
/// local variable for a hot loop (no exclusivity checks there, even in debug builds) as long as
/// it writes the copy back.
struct MergeQueue {
  /// What `popMin` returns when the queue is empty.
  static let empty = UInt64.max

  private var rankLimit = 0
  private var heads = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  private var tails = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  /// Bit r is set when the list of rank r is not empty.
  private var occupied = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
  /// Bit w is set when word w of `occupied` is not zero.
  private var summary = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
  /// No list below this rank is non-empty.
  private var lowest = 0

  /// One queued merge in a rank's list.
  private struct Node {
    var start: Int32
    /// The next node of the same rank, or -1.
    var next: Int32
  }

  private var poolCapacity = 0
  private var poolCount = 0
  private var nodes = UnsafeMutablePointer<Node>.allocate(capacity: 1)

  private var heapCapacity = 0
  private var heapCount = 0
  private var heap = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)

  /// Frees the storage; the queue must not be used afterwards.
  func deallocate() {
    heads.deallocate()
    tails.deallocate()
    occupied.deallocate()
    summary.deallocate()
    nodes.deallocate()
    heap.deallocate()
  }

  /// Makes room for ranks below `limit` and about `pieceLength` pushes; the queue must be empty.
  mutating func prepare(rankLimit limit: Int, pieceLength: Int) {
    if limit > rankLimit {
      heads.deallocate()
      tails.deallocate()
      occupied.deallocate()
      summary.deallocate()
      let words = (limit + 63) / 64
      heads = .allocate(capacity: limit)
      heads.initialize(repeating: -1, count: limit)
      tails = .allocate(capacity: limit)
      tails.initialize(repeating: -1, count: limit)
      occupied = .allocate(capacity: words)
      occupied.initialize(repeating: 0, count: words)
      summary = .allocate(capacity: (words + 63) / 64)
      summary.initialize(repeating: 0, count: (words + 63) / 64)
      rankLimit = limit
    }
    poolCount = 0
    heapCount = 0
    lowest = 0
    reservePool(pieceLength)
  }

  /// Releases the pool and heap when they hold more than `entries` entries.
  mutating func trim(above entries: Int) {
    if poolCapacity > entries {
      nodes.deallocate()
      nodes = .allocate(capacity: 1)
      poolCapacity = 0
    }
    if heapCapacity > entries {
      heap.deallocate()
      heap = .allocate(capacity: 1)
      heapCapacity = 0
    }
  }

  /// Queues the merge of rank `rank` (below the prepared limit) at byte `start`.
  @inline(__always)
  mutating func push(_ rank: UInt32, _ start: Int) {
    let r = Int(rank)
    let tail = Int(tails[r])
    if tail >= 0 {
      if Int(nodes[tail].start) >= start {
        pushHeap(UInt64(rank) << 32 | UInt64(start))
        return
      }
      let node = newNode(start)
      nodes[tail].next = Int32(node)
      tails[r] = Int32(node)
    } else {
      let node = newNode(start)
      heads[r] = Int32(node)
      tails[r] = Int32(node)
      let word = r >> 6
      occupied[word] |= 1 << UInt64(r & 63)
      summary[word >> 6] |= 1 << UInt64(word & 63)
    }
    if r < lowest { lowest = r }
  }

  /// Removes and returns the smallest key, `rank << 32 | start`, or `empty`.
  mutating func popMin() -> UInt64 {
    if lowest < rankLimit, heads[lowest] < 0 { lowest = firstOccupied(from: lowest) }
    let r = lowest
    var listKey = MergeQueue.empty
    if r < rankLimit {
      listKey = UInt64(r) << 32 | UInt64(nodes[Int(heads[r])].start)
    }
    if heapCount > 0, heap[0] < listKey {
      let key = heap[0]
      popHeap()
      return key
    }
    guard listKey != MergeQueue.empty else { return MergeQueue.empty }
    let next = nodes[Int(heads[r])].next
    heads[r] = next
    if next < 0 {
      tails[r] = -1
      let word = r >> 6
      occupied[word] &= ~(1 << UInt64(r & 63))
      if occupied[word] == 0 { summary[word >> 6] &= ~(1 << UInt64(word & 63)) }
    }
    return listKey
  }

  /// The smallest rank at or above `rank` whose list is not empty, or `rankLimit`.
  private func firstOccupied(from rank: Int) -> Int {
    guard rank < rankLimit else { return rankLimit }
    var word = rank >> 6
    let bits = occupied[word] & (UInt64.max << UInt64(rank & 63))
    if bits != 0 { return word << 6 | bits.trailingZeroBitCount }
    word += 1
    let words = (rankLimit + 63) / 64
    guard word < words else { return rankLimit }
    var group = word >> 6
    var groupBits = summary[group] & (UInt64.max << UInt64(word & 63))
    let groups = (words + 63) / 64
    while groupBits == 0 {
      group += 1
      if group >= groups { return rankLimit }
      groupBits = summary[group]
    }
    word = group << 6 | groupBits.trailingZeroBitCount
    return word << 6 | occupied[word].trailingZeroBitCount
  }

  @inline(__always)
  private mutating func newNode(_ start: Int) -> Int {
    if poolCount == poolCapacity { reservePool(poolCount + 1) }
    let node = poolCount
    nodes[node] = Node(start: Int32(start), next: -1)
    poolCount += 1
    return node
  }

  private mutating func reservePool(_ needed: Int) {
    guard needed > poolCapacity else { return }
    let size = max(needed, poolCapacity * 2, 256)
    let grown = UnsafeMutablePointer<Node>.allocate(capacity: size)
    grown.moveInitialize(from: nodes, count: poolCount)
    nodes.deallocate()
    nodes = grown
    poolCapacity = size
  }

  // MARK: The heap for out-of-order pushes

  private mutating func pushHeap(_ key: UInt64) {
    if heapCount == heapCapacity {
      let size = max(heapCapacity * 2, 256)
      let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
      grown.update(from: heap, count: heapCount)
      heap.deallocate()
      heap = grown
      heapCapacity = size
    }
    var index = heapCount
    heapCount += 1
    while index > 0 {
      let parent = (index - 1) >> 1
      let above = heap[parent]
      if above <= key { break }
      heap[index] = above
      index = parent
    }
    heap[index] = key
  }

  private mutating func popHeap() {
    heapCount -= 1
    guard heapCount > 0 else { return }
    let key = heap[heapCount]
    var index = 0
    while true {
      var child = 2 * index + 1
      if child >= heapCount { break }
      if child + 1 < heapCount, heap[child + 1] < heap[child] { child += 1 }
      let below = heap[child]
      if key <= below { break }
      heap[index] = below
      index = child
    }
    heap[index] = key
  }
}
