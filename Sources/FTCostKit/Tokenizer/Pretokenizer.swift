/// Splits text into the pieces tiktoken's regular expressions find, without a regex engine.
///
/// Each function mirrors one split pattern alternative by alternative, in the order the regex
/// tries them, including the backtracking of greedy quantifiers and the possessive ones of
/// cl100k_base. Input is one text's scalars: `classes[k]` and the UTF-8 `offsets[k]` of scalar k
/// (with `offsets[count]` the byte length) over the text's `bytes`.
struct Pretokenizer {
  let classes: UnsafePointer<UInt8>
  let offsets: UnsafePointer<Int32>
  let bytes: UnsafePointer<UInt8>
  let count: Int
  /// Set when a match looked at the end of the available scalars (so more text could change it).
  var reachedEnd = false

  @inline(__always) func cls(_ k: Int) -> UInt8 { classes[k] }

  /// The scalar's first byte when it is ASCII, else 0.
  @inline(__always) func ascii(_ k: Int) -> UInt8 {
    let byte = bytes[Int(offsets[k])]
    return byte < 0x80 ? byte : 0
  }

  /// True for U+017F LATIN SMALL LETTER LONG S, which case-folds to 's'.
  @inline(__always) func isLongS(_ k: Int) -> Bool {
    let at = Int(offsets[k])
    return bytes[at] == 0xC5 && bytes[at + 1] == 0xBF
  }

  /// The end of the run of scalars from `start` whose class meets `mask`.
  @inline(__always) mutating func run(from start: Int, _ mask: UInt8) -> Int {
    var end = start
    while end < count, classes[end] & mask != 0 { end += 1 }
    if end == count { reachedEnd = true }
    return end
  }

  /// The end of the run of scalars from `start` whose class avoids `mask`.
  @inline(__always) mutating func runAvoiding(from start: Int, _ mask: UInt8) -> Int {
    var end = start
    while end < count, classes[end] & mask == 0 { end += 1 }
    if end == count { reachedEnd = true }
    return end
  }

  @inline(__always) mutating func isFold(_ k: Int, _ lower: UInt8) -> Bool {
    if k >= count { reachedEnd = true; return false }
    let byte = ascii(k)
    if byte == lower || byte == lower - 32 { return true }
    return lower == UInt8(ascii: "s") && isLongS(k)
  }

  /// `(?i:'s|'t|'re|'ve|'m|'ll|'d)?` at `k`: the end after an optional contraction.
  @inline(__always) mutating func contraction(_ k: Int) -> Int {
    if k >= count { reachedEnd = true; return k }
    guard ascii(k) == UInt8(ascii: "'") else { return k }
    if isFold(k + 1, UInt8(ascii: "s")) || isFold(k + 1, UInt8(ascii: "t")) || isFold(k + 1, UInt8(ascii: "m"))
      || isFold(k + 1, UInt8(ascii: "d"))
    {
      return k + 2
    }
    if isFold(k + 1, UInt8(ascii: "r")) && isFold(k + 2, UInt8(ascii: "e")) { return k + 3 }
    if isFold(k + 1, UInt8(ascii: "v")) && isFold(k + 2, UInt8(ascii: "e")) { return k + 3 }
    if isFold(k + 1, UInt8(ascii: "l")) && isFold(k + 2, UInt8(ascii: "l")) { return k + 3 }
    return k
  }

  // MARK: o200k_base

  /// `[A]*[B]+(contraction)?` from `j`, with greedy A* giving back until B+ can match.
  @inline(__always) mutating func upperThenLower(_ j: Int) -> Int? {
    let upperEnd = run(from: j, ScalarClass.upperSet)
    if upperEnd < count, classes[upperEnd] & ScalarClass.lowerSet != 0 {
      return contraction(run(from: upperEnd, ScalarClass.lowerSet))
    }
    var q = upperEnd - 1
    while q >= j, classes[q] & ScalarClass.lowerSet == 0 { q -= 1 }
    return q >= j ? contraction(q + 1) : nil
  }

  /// `[A]+[B]*(contraction)?` from `j`.
  @inline(__always) mutating func upperRun(_ j: Int) -> Int? {
    let upperEnd = run(from: j, ScalarClass.upperSet)
    guard upperEnd > j else { return nil }
    return contraction(run(from: upperEnd, ScalarClass.lowerSet))
  }

  /// The end of the o200k_base piece starting at scalar `i` (< count).
  mutating func nextO200k(_ i: Int) -> Int {
    let c = classes[i]
    let prefixable = c & ScalarClass.notPrefix == 0
    // 1 and 2: [^\r\n\p{L}\p{N}]?[A]*[B]+… | [^\r\n\p{L}\p{N}]?[A]+[B]*…
    if prefixable, i + 1 <= count, let end = upperThenLower(i + 1) { return end }
    if let end = upperThenLower(i) { return end }
    if prefixable, let end = upperRun(i + 1) { return end }
    if let end = upperRun(i) { return end }
    // 3: \p{N}{1,3}
    if c & ScalarClass.number != 0 { return digits(i) }
    // 4:  ?[^\s\p{L}\p{N}]+[\r\n/]*
    var start = i
    if ascii(i) == 0x20 { start = i + 1 }
    let punctuationEnd = runAvoiding(from: start, ScalarClass.notPunctuation)
    if punctuationEnd > start {
      var end = punctuationEnd
      while end < count, classes[end] & ScalarClass.newline != 0 || ascii(end) == UInt8(ascii: "/") { end += 1 }
      if end == count { reachedEnd = true }
      return end
    }
    // 5, 6, 7: \s*[\r\n]+ | \s+(?!\S) | \s+
    return whitespace(i, wholeRunAtEnd: false)
  }

  /// `\p{N}{1,3}` from `i` (greedy and possessive agree here).
  @inline(__always) mutating func digits(_ i: Int) -> Int {
    var end = i + 1
    while end < count, end - i < 3, classes[end] & ScalarClass.number != 0 { end += 1 }
    if end == count { reachedEnd = true }
    return end
  }

  /// The whitespace alternatives, which end the same way in both encodings.
  ///
  /// o200k_base: `\s*[\r\n]+ | \s+(?!\S) | \s+`; cl100k_base: `\s++$ | \s*[\r\n] | \s+(?!\S) | \s`.
  /// Both end after the last CR/LF of the whitespace run, else at its end when it reaches the end
  /// of the text, else one scalar before the next non-space (or after one scalar). cl100k_base's
  /// `\s++$` comes first, so there a run reaching the end of the text is taken whole.
  @inline(__always) mutating func whitespace(_ i: Int, wholeRunAtEnd: Bool) -> Int {
    let end = run(from: i, ScalarClass.whitespace)
    if end == i { return i + 1 }  // not reachable for matched text; keeps progress
    if wholeRunAtEnd && end == count { return end }
    var last = end - 1
    while last >= i, classes[last] & ScalarClass.newline == 0 { last -= 1 }
    if last >= i { return last + 1 }
    if end == count { return end }
    return end - 1 > i ? end - 1 : i + 1
  }

  // MARK: cl100k_base

  /// The end of the cl100k_base piece starting at scalar `i` (< count).
  mutating func nextCl100k(_ i: Int) -> Int {
    let c = classes[i]
    // 1: '(?i:[sdmt]|ll|ve|re)
    if ascii(i) == UInt8(ascii: "'") {
      if isFold(i + 1, UInt8(ascii: "s")) || isFold(i + 1, UInt8(ascii: "d")) || isFold(i + 1, UInt8(ascii: "m"))
        || isFold(i + 1, UInt8(ascii: "t"))
      {
        return i + 2
      }
      if isFold(i + 1, UInt8(ascii: "l")) && isFold(i + 2, UInt8(ascii: "l")) { return i + 3 }
      if isFold(i + 1, UInt8(ascii: "v")) && isFold(i + 2, UInt8(ascii: "e")) { return i + 3 }
      if isFold(i + 1, UInt8(ascii: "r")) && isFold(i + 2, UInt8(ascii: "e")) { return i + 3 }
    }
    // 2: [^\r\n\p{L}\p{N}]?+\p{L}++ (the prefix, once taken, is never given back)
    if c & ScalarClass.notPrefix == 0 {
      let end = run(from: i + 1, ScalarClass.letter)
      if end > i + 1 { return end }
    } else if c & ScalarClass.letter != 0 {
      return run(from: i, ScalarClass.letter)
    }
    // 3: \p{N}{1,3}+
    if c & ScalarClass.number != 0 { return digits(i) }
    // 4:  ?[^\s\p{L}\p{N}]++[\r\n]*+
    var start = i
    if ascii(i) == 0x20 { start = i + 1 }
    let punctuationEnd = runAvoiding(from: start, ScalarClass.notPunctuation)
    if punctuationEnd > start {
      return run(from: punctuationEnd, ScalarClass.newline)
    }
    // 5: \s++$   6: \s*[\r\n]   7: \s+(?!\S)   8: \s
    return whitespace(i, wholeRunAtEnd: true)
  }
}
