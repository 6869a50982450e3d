import Foundation

/// A byte-level BPE tokenizer that gives the same ids as tiktoken's `encode_ordinary`.
///
/// Immutable and shareable across threads; each thread encodes through its own
/// `TokenizerSession`, which owns the scratch buffers.
public final class Tokenizer: Sendable {
  public let encoding: Encoding
  let ranks: RankTable

  init(encoding: Encoding, ranks: RankTable) {
    self.encoding = encoding
    self.ranks = ranks
  }

  /// Loads `encoding` from the rank file in `folder`.
  ///
  /// Any file that is not exactly a rank file of `encoding`'s size is an error naming the file
  /// and, when one line is at fault, the line.
  public static func load(_ encoding: Encoding, from folder: String) throws(TokenizerError) -> Tokenizer {
    let path = (folder as NSString).appendingPathComponent(encoding.fileName)
    let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    if let size, size > RankTable.largestFile { throw .rankFileTooLarge(path, bytes: size) }
    guard let data = FileManager.default.contents(atPath: path) else { throw .missingRankFile(path) }
    let table = try RankTable.parse(Array(data), path: path, expectedCount: (encoding, encoding.rankCount))
    return Tokenizer(encoding: encoding, ranks: table)
  }

  /// A session for encoding on the current thread.
  public func session() -> TokenizerSession {
    TokenizerSession(tokenizer: self)
  }

  /// The token ids of `text`, as tiktoken's `encode_ordinary` (special tokens are plain text).
  public func encode(_ text: String) -> [Int] {
    session().encode(text)
  }

  /// The number of tokens in `text`.
  public func count(_ text: String) -> Int {
    session().count(text)
  }

  /// The bytes of a token id.
  public func bytes(of token: Int) -> [UInt8] {
    ranks.bytes(of: token)
  }
}

/// Scratch space for encoding; not thread-safe, cheap to create, reuse it in loops.
public final class TokenizerSession {
  let tokenizer: Tokenizer
  private var capacity = 0
  private var classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
  private var offsets = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  private let merger = BytePairMerger()
  private var cache = PieceCache()

  init(tokenizer: Tokenizer) {
    self.tokenizer = tokenizer
  }

  deinit {
    classes.deallocate()
    offsets.deallocate()
    cache.deallocate()
  }

  /// The token ids of `text`.
  public func encode(_ text: String) -> [Int] {
    var ids: [Int] = []
    var text = text
    text.withUTF8 { buffer in
      _ = process(buffer, isFinal: true) { ids.append(Int($0)) }
    }
    return ids
  }

  /// The number of tokens in `text`.
  public func count(_ text: String) -> Int {
    var total = 0
    var text = text
    text.withUTF8 { buffer in
      total = countBytes(buffer)
    }
    return total
  }

  /// The number of tokens in valid UTF-8 `buffer`, taken as a whole text.
  public func countBytes(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var total = 0
    _ = process(buffer, isFinal: true) { _ in total += 1 }
    return total
  }

  private func reserve(_ needed: Int) {
    guard needed > capacity else { return }
    let size = max(needed, capacity * 2, 256)
    classes.deallocate()
    offsets.deallocate()
    classes = .allocate(capacity: size)
    offsets = .allocate(capacity: size + 1)
    capacity = size
  }

  /// Classifies the scalars of valid UTF-8 text; returns their number.
  ///
  /// Written for debug builds too: class properties are read into locals once, so the loop makes
  /// no exclusivity checks, and it calls no generic code.
  private func classify(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
    reserve(length + 1)
    let classes = self.classes
    let offsets = self.offsets
    var index = 0
    var count = 0
    let table = ScalarClass.basicPlane
    table.withUnsafeBufferPointer { plane in
      while index < length {
        let lead = bytes[index]
        offsets[count] = Int32(index)
        if lead < 0x80 {
          classes[count] = plane[Int(lead)]
          index += 1
        } else {
          var value: UInt32
          var width: Int
          if lead < 0xE0 {
            value = UInt32(lead & 0x1F)
            width = 2
          } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F)
            width = 3
          } else {
            value = UInt32(lead & 0x07)
            width = 4
          }
          if index + width > length { width = length - index }
          var offset = 1
          while offset < width {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            offset += 1
          }
          classes[count] = value < 0x10000 ? plane[Int(value)] : ScalarClass.compute(value)
          index += width
        }
        count += 1
      }
    }
    offsets[count] = Int32(length)
    return count
  }

  /// Splits and encodes `buffer`, calling `emit` with each token id in order.
  ///
  /// When `isFinal` is false the last pieces, which more text could change, are left unencoded;
  /// the return value is the number of bytes consumed (all of them when final).
  @discardableResult
  public func process(_ buffer: UnsafeBufferPointer<UInt8>, isFinal: Bool, emit: (UInt32) -> Void) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    let scalarCount = classify(base, buffer.count)
    let offsets = self.offsets
    let ranks = tokenizer.ranks
    var splitter = Pretokenizer(classes: classes, offsets: offsets, bytes: base, count: scalarCount)
    let o200k = tokenizer.encoding == .o200kBase
    var cache = self.cache
    defer { self.cache = cache }
    var index = 0
    while index < scalarCount {
      splitter.reachedEnd = false
      let end = o200k ? splitter.nextO200k(index) : splitter.nextCl100k(index)
      if !isFinal && splitter.reachedEnd { return Int(offsets[index]) }
      let start = Int(offsets[index])
      let length = Int(offsets[end]) - start
      let whole = ranks.rank(base + start, length)
      if whole != RankTable.missing {
        emit(whole)
      } else {
        encodePiece(base + start, length, ranks: ranks, cache: &cache, emit: emit)
      }
      index = end
    }
    return buffer.count
  }

  /// Byte-pair encodes one piece that is not a token itself, as tiktoken's `byte_pair_encode`.
  private func encodePiece(
    _ piece: UnsafePointer<UInt8>, _ length: Int, ranks: RankTable, cache: inout PieceCache, emit: (UInt32) -> Void
  ) {
    guard length <= PieceCache.longestPiece else {
      merger.merge(piece, length, ranks: ranks, emit: emit)
      merger.trim(above: 1 << 16)
      return
    }
    if cache.lookup(piece, length, emit: emit) { return }
    cache.beginStore(piece, length)
    merger.merge(piece, length, ranks: ranks) { id in
      cache.storeID(id)
      emit(id)
    }
    cache.endStore()
  }
}
