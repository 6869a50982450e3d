import Foundation

/// One line of a JSONL file as read: its number, its bytes (without the line break) and where
/// it starts in the file.
public struct RawLine: Sendable {
  public var number: Int
  public var bytes: [UInt8]
  /// Byte offset of the line's first byte in the file.
  public var offset: Int
  /// True when the line was longer than the limit; `bytes` is then empty.
  public var tooLong: Bool
  /// True for the last line when the file does not end with a line break.
  public var unterminated: Bool
  /// The line's length in bytes, without its line break; for a too-long line, how long it was.
  public var length: Int

  /// What a too-long line is told: its size and the limit, both in bytes.
  public static func tooLongMessage(length: Int, limit: Int) -> String {
    "the line is \(MoneyFormat.grouped(Decimal(length))) bytes, over the limit of \(MoneyFormat.grouped(Decimal(limit))) bytes per line"
  }
}

/// Reads a file line by line in fixed-size chunks, so memory stays bounded whatever its size.
///
/// Handles CRLF, a UTF-8 byte order mark and a last line without a line break. A line longer
/// than `maximumLineBytes` is skipped (reported as too long, with its length) without being
/// buffered. A file that is UTF-16 or UTF-32, or whose lines end in a lone CR, is refused when
/// it is opened with one error saying how to convert it, instead of an error on every line.
public final class LineReader {
  /// The longest line read by default: 32 MiB.
  public static let defaultMaximumLineBytes = 32 << 20

  private let handle: FileHandle
  public let maximumLineBytes: Int
  private let chunkSize: Int
  /// `chunkSize` zero bytes: the room each read is given at the end of the buffer.
  private let zeroChunk: [UInt8]
  private var buffer: [UInt8] = []
  private var position = 0
  /// Where the search for the next line break resumes: bytes before it hold none, so a long
  /// line is scanned once, not again after every chunk (which made it quadratic).
  private var searched = 0
  private var fileOffset = 0
  private var lineNumber = 0
  private var finished = false
  private var skipping = false
  private var skippingStart = 0
  private var skippedBytes = 0
  private var skippedEndsInCR = false
  /// Bytes read so far, for progress.
  public private(set) var bytesRead = 0

  public init(
    path: String, maximumLineBytes: Int = LineReader.defaultMaximumLineBytes, chunkSize: Int = 1 << 20
  ) throws(DatasetError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
    guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path) }
    self.handle = handle
    self.maximumLineBytes = maximumLineBytes
    self.chunkSize = chunkSize
    zeroChunk = [UInt8](repeating: 0, count: chunkSize)
    _ = fill()
    if let layout = TextLayout.unsupported(buffer) { throw .unsupportedLayout(path, layout) }
  }

  deinit {
    try? handle.close()
  }

  /// Reads the next chunk into the buffer, straight from the file descriptor so no chunk-sized
  /// temporary is allocated; false at the end of the file (or on a read error).
  private func fill() -> Bool {
    guard !finished else { return false }
    if position > 0 {
      buffer.removeFirst(position)
      searched = max(0, searched - position)
      position = 0
    }
    let start = buffer.count
    // Appending an array is a copy of memory; appending repeatElement goes element by element
    // through generic code, which dominated reading a 40 MiB line in a debug build.
    buffer.append(contentsOf: zeroChunk)
    let descriptor = handle.fileDescriptor
    let size = chunkSize
    let got = buffer.withUnsafeMutableBytes { raw -> Int in
      guard let base = raw.baseAddress else { return 0 }
      var result: Int
      repeat { result = read(descriptor, base + start, size) } while result < 0 && errno == EINTR
      return result
    }
    buffer.removeLast(buffer.count - start - max(got, 0))
    guard got > 0 else {
      finished = true
      return false
    }
    bytesRead += got
    return true
  }

  /// The next line, or `nil` at the end of the file.
  public func next() -> RawLine? {
    while true {
      if let newline = nextLineBreak() {
        let start = position
        position = newline + 1
        let lineOffset = fileOffset
        fileOffset += newline + 1 - start
        return line(start: start, end: newline, offset: lineOffset, unterminated: false)
      }
      // No line break in the buffer: drop an over-long line's bytes instead of keeping them.
      if buffer.count - position > maximumLineBytes {
        if !skipping {
          skipping = true
          skippingStart = fileOffset
          skippedBytes = 0
        }
        skippedBytes += buffer.count - position
        skippedEndsInCR = buffer.last == 0x0D
        fileOffset += buffer.count - position
        buffer.removeAll(keepingCapacity: true)
        position = 0
        searched = 0
      }
      if !fill() {
        guard position < buffer.count || skipping else { return nil }
        // The last line has no line break: it takes every byte left, so nothing is read twice.
        let start = position
        position = buffer.count
        let lineOffset = fileOffset
        fileOffset += buffer.count - start
        return line(start: start, end: buffer.count, offset: lineOffset, unterminated: true)
      }
    }
  }

  /// The index of the first line break at or after `position`, searched with `memchr` from where
  /// the last search ended; `nil` when the buffer holds none.
  private func nextLineBreak() -> Int? {
    let from = max(position, searched)
    guard from < buffer.count else { return nil }
    let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
      guard let base = bytes.baseAddress, let hit = memchr(base + from, 0x0A, bytes.count - from) else { return nil }
      return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
    searched = found.map { $0 + 1 } ?? buffer.count
    return found
  }

  /// The line in `buffer[start..<end]` (`end` at its line break or the end of the file).
  private func line(start: Int, end lineEnd: Int, offset: Int, unterminated: Bool) -> RawLine {
    lineNumber += 1
    var end = lineEnd
    if end > start, buffer[end - 1] == 0x0D { end -= 1 }
    if skipping {
      skipping = false
      // A CR dropped just before the line break belongs to the break, not to the line.
      let length = skippedBytes + end - start - (end == lineEnd && lineEnd == start && skippedEndsInCR ? 1 : 0)
      return RawLine(
        number: lineNumber, bytes: [], offset: skippingStart, tooLong: true, unterminated: unterminated,
        length: length)
    }
    var begin = start
    if lineNumber == 1, end - begin >= 3, buffer[begin] == 0xEF, buffer[begin + 1] == 0xBB, buffer[begin + 2] == 0xBF {
      begin += 3
    }
    if end - begin > maximumLineBytes {
      return RawLine(
        number: lineNumber, bytes: [], offset: offset, tooLong: true, unterminated: unterminated, length: end - begin)
    }
    return RawLine(
      number: lineNumber, bytes: Array(buffer[begin..<end]), offset: offset, tooLong: false,
      unterminated: unterminated, length: end - begin)
  }
}

/// Why a dataset could not be read or written.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
  case fileNotFound(String)
  case unreadable(String)
  case empty(String)
  case output(OutputFileError)
  case sameFile(String)
  /// The file is not UTF-8 JSONL with LF or CRLF line breaks (UTF-16, UTF-32, lone CRs).
  case unsupportedLayout(String, TextLayout)
  /// Every line of a `dataset build` input was blank or dropped; the summary says why.
  case nothingKept(String, TrainingSetBuilder.Summary, minRating: Decimal, minMessages: Int)
  /// A total over the file (named by the second value) does not fit in a 64-bit integer.
  case totalTooLarge(String, String)

  public var description: String {
    switch self {
    case .fileNotFound(let path): return "file '\(path)' does not exist"
    case .unreadable(let path): return "cannot read '\(path)' (is it a folder, or unreadable?)"
    case .empty(let path): return "\(path): no examples (the file is empty or has only blank lines)"
    case .output(let error): return error.description
    case .sameFile(let path):
      return "'\(path)' is both input and output; ftcost never touches its input, choose another --out"
    case .unsupportedLayout(let path, let layout):
      return
        "\(path) is \(layout.name); ftcost reads UTF-8 JSONL with LF or CRLF line breaks. Convert it first: \(layout.conversion(of: path))"
    case .nothingKept(let path, let summary, let minRating, let minMessages):
      let reasons = TrainingSetBuilder.DropReason.allCases.compactMap { reason -> String? in
        guard let count = summary.dropped[reason.rawValue] else { return nil }
        return
          "\(MoneyFormat.grouped(Decimal(count))) \(reason.rawValue) (\(reason.explanation(minRating: minRating, minMessages: minMessages)))"
      }
      let lines = "\(MoneyFormat.grouped(Decimal(summary.linesRead))) line\(summary.linesRead == 1 ? "" : "s")"
      let blank = summary.blankLines > 0 ? " (\(MoneyFormat.grouped(Decimal(summary.blankLines))) blank)" : ""
      return
        "\(path): no conversation kept from the \(lines) read\(blank); dropped \(reasons.joined(separator: ", ")); nothing was written"
    case .totalTooLarge(let path, let total):
      return
        "\(path): the \(total) add up to more than \(MoneyFormat.grouped(Decimal(Int64.max))), the largest count ftcost can represent"
    }
  }
}

/// UTF-8 validation that says where the first bad byte is.
public enum UTF8Check {
  /// The offset of the first byte that is not valid UTF-8, or `nil` when all are valid.
  public static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 { index += 1; continue }
      let width: Int
      var minimum: UInt32
      var value: UInt32
      switch byte {
      case 0xC2...0xDF: width = 2; minimum = 0x80; value = UInt32(byte & 0x1F)
      case 0xE0...0xEF: width = 3; minimum = 0x800; value = UInt32(byte & 0x0F)
      case 0xF0...0xF4: width = 4; minimum = 0x10000; value = UInt32(byte & 0x07)
      default: return index
      }
      guard index + width <= count else { return index }
      for offset in 1..<width {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return index }
        value = value << 6 | UInt32(next & 0x3F)
      }
      if value < minimum || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000) { return index }
      index += width
    }
    return nil
  }
}
