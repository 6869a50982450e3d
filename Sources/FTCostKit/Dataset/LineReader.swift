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
}

/// Reads a file line by line in fixed-size chunks, so memory stays bounded whatever its size.
///
/// Handles CRLF, a UTF-8 byte order mark and a last line without a line break. A line longer
/// than `maximumLineBytes` is skipped (reported as too long) without being buffered.
public final class LineReader {
  private let handle: FileHandle
  public let maximumLineBytes: Int
  private let chunkSize: Int
  private var buffer: [UInt8] = []
  private var position = 0
  private var fileOffset = 0
  private var lineNumber = 0
  private var finished = false
  private var skipping = false
  private var skippingStart = 0
  /// Bytes read so far, for progress.
  public private(set) var bytesRead = 0

  public init(path: String, maximumLineBytes: Int = 32 << 20, chunkSize: Int = 1 << 20) throws(DatasetError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
    guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path) }
    self.handle = handle
    self.maximumLineBytes = maximumLineBytes
    self.chunkSize = chunkSize
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
      position = 0
    }
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunkSize))
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
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
        let start = position
        position = newline + 1
        let lineOffset = fileOffset
        fileOffset += newline + 1 - start
        if skipping {
          skipping = false
          lineNumber += 1
          return RawLine(number: lineNumber, bytes: [], offset: skippingStart, tooLong: true, unterminated: false)
        }
        lineNumber += 1
        var end = newline
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        var begin = start
        if lineNumber == 1, end - begin >= 3, buffer[begin] == 0xEF, buffer[begin + 1] == 0xBB,
          buffer[begin + 2] == 0xBF
        {
          begin += 3
        }
        if end - begin > maximumLineBytes {
          return RawLine(number: lineNumber, bytes: [], offset: lineOffset, tooLong: true, unterminated: false)
        }
        return RawLine(
          number: lineNumber, bytes: Array(buffer[begin..<end]), offset: lineOffset, tooLong: false, unterminated: false
        )
      }
      // No line break in the buffer: drop an over-long line's bytes instead of keeping them.
      if buffer.count - position > maximumLineBytes {
        if !skipping {
          skipping = true
          skippingStart = fileOffset
        }
        fileOffset += buffer.count - position
        buffer.removeAll(keepingCapacity: true)
        position = 0
      }
      if !fill() {
        guard position < buffer.count || skipping else { return nil }
        lineNumber += 1
        if skipping {
          skipping = false
          return RawLine(number: lineNumber, bytes: [], offset: skippingStart, tooLong: true, unterminated: true)
        }
        var end = buffer.count
        if end > position, buffer[end - 1] == 0x0D { end -= 1 }
        var begin = position
        if lineNumber == 1, end - begin >= 3, buffer[begin] == 0xEF, buffer[begin + 1] == 0xBB,
          buffer[begin + 2] == 0xBF
        {
          begin += 3
        }
        let line = RawLine(
          number: lineNumber, bytes: Array(buffer[begin..<end]), offset: fileOffset,
          tooLong: end - begin > maximumLineBytes, unterminated: true)
        fileOffset += buffer.count - position
        position = buffer.count
        return line.tooLong
          ? RawLine(number: line.number, bytes: [], offset: line.offset, tooLong: true, unterminated: true) : line
      }
    }
  }
}

/// Why a dataset could not be read or written.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
  case fileNotFound(String)
  case unreadable(String)
  case empty(String)
  case output(OutputFileError)
  case sameFile(String)
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
