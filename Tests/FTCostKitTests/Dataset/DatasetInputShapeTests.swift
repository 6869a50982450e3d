import Foundation
import Testing

@testable import FTCostKit

private func writeBytes(_ bytes: [UInt8], name: String = "data.jsonl") throws -> String {
  let path = try temporaryFolder().appendingPathComponent(name).path
  try Data(bytes).write(to: URL(fileURLWithPath: path))
  return path
}

private let twoLines = goodLine + "\n" + goodLine.replacingOccurrences(of: "Hi", with: "Hey") + "\n"

/// Files that are not UTF-8 JSONL with LF or CRLF breaks, and the very long lines, each get one clear message.
@Suite struct DatasetInputShapeTests {
  struct LayoutCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var layout: TextLayout
    var fix: String
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8], _ layout: TextLayout, _ fix: String) {
      self.name = name
      self.bytes = bytes
      self.layout = layout
      self.fix = fix
    }
  }

  static let layoutCases: [LayoutCase] = [
    LayoutCase(
      "UTF-16LE with a mark", [0xFF, 0xFE] + twoLines.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
      .utf16(bigEndian: false, byteOrderMark: true), "iconv -f UTF-16 -t UTF-8"
    ),
    LayoutCase(
      "UTF-16BE with a mark", [0xFE, 0xFF] + twoLines.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
      .utf16(bigEndian: true, byteOrderMark: true), "iconv -f UTF-16 -t UTF-8"
    ),
    LayoutCase(
      "UTF-16LE without a mark", twoLines.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
      .utf16(bigEndian: false, byteOrderMark: false), "iconv -f UTF-16LE -t UTF-8"
    ),
    LayoutCase(
      "UTF-16BE without a mark", twoLines.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
      .utf16(bigEndian: true, byteOrderMark: false), "iconv -f UTF-16BE -t UTF-8"
    ),
    LayoutCase(
      "UTF-32LE", [0xFF, 0xFE, 0, 0] + twoLines.unicodeScalars.flatMap { [UInt8($0.value & 0xFF), 0, 0, 0] },
      .utf32(bigEndian: false), "iconv -f UTF-32 -t UTF-8"
    ),
    LayoutCase(
      "lone CR line breaks", Array(twoLines.replacingOccurrences(of: "\n", with: "\r").utf8), .carriageReturns,
      "tr '\\r' '\\n' < "
    ),
  ]

  @Test(arguments: layoutCases)
  func unreadableLayoutsAreOneErrorWithTheFix(_ layoutCase: LayoutCase) throws {
    let (name, bytes, layout, fix) = (layoutCase.name, layoutCase.bytes, layoutCase.layout, layoutCase.fix)
    let path = try writeBytes(bytes)
    #expect(throws: DatasetError.unsupportedLayout(path, layout), "\(name)") { try inspect(path) }
    let message = DatasetError.unsupportedLayout(path, layout).description
    #expect(message.contains(fix), "\(message)")
    #expect(message.contains("ftcost reads UTF-8 JSONL with LF or CRLF line breaks"))
    #expect(message.hasSuffix(path.replacingOccurrences(of: ".jsonl", with: ".utf8.jsonl")))
    // dataset build and convert read through the same reader.
    let output = (path as NSString).deletingLastPathComponent + "/out.jsonl"
    #expect(throws: DatasetError.unsupportedLayout(path, layout)) {
      try TrainingSetBuilder(options: .init()).build(
        input: path, output: output, validationOutput: nil, overwrite: false)
    }
    #expect(throws: DatasetError.unsupportedLayout(path, layout)) {
      try FormatConverter.convert(input: path, output: output, to: .vertex, overwrite: false)
    }
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func ordinaryFilesAreNotMistakenForOtherLayouts() throws {
    #expect(TextLayout.unsupported(Array(twoLines.utf8)) == nil)
    #expect(TextLayout.unsupported(Array(twoLines.replacingOccurrences(of: "\n", with: "\r\n").utf8)) == nil)
    // One line that ends in a CR is read fine (the CR is stripped), so it is not refused.
    #expect(TextLayout.unsupported(Array((goodLine + "\r").utf8)) == nil)
    #expect(TextLayout.unsupported([]) == nil)
    #expect(TextLayout.convertedName("/tmp/a.b/data") == "/tmp/a.b/data.utf8.jsonl")
    #expect(ShellQuote.quoted("/tmp/it's here.jsonl") == #"'/tmp/it'\''s here.jsonl'"#)
  }

  /// A 40 MiB last line without a line break: one line_too_long with both sizes, no phantom line after it.
  @Test func longLastLineWithoutBreakIsOneError() throws {
    let size = 40 << 20
    var bytes = Array((goodLine + "\n").utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: size)
    let path = try writeBytes(bytes)
    let report = try inspect(path, lineLimit: LineReader.defaultMaximumLineBytes)
    #expect(report.findings.count == 1, "\(report.findings)")
    let finding = try #require(report.findings.first)
    #expect(finding.line == 2 && finding.key == .lineTooLong)
    #expect(
      finding.message == "the line is 41,943,040 bytes, over the limit of 33,554,432 bytes per line; it was skipped")
    #expect(report.examples == 1)
    let output = (path as NSString).deletingLastPathComponent + "/vertex.jsonl"
    let converted = try FormatConverter.convert(input: path, output: output, to: .vertex, overwrite: false)
    #expect(converted.problems.map(\.line) == [2])
    #expect(
      converted.problems.first?.message
        == "the line is 41,943,040 bytes, over the limit of 33,554,432 bytes per line")
  }

  /// The reader at small sizes: every split of a long line across chunks gives one line of the right length.
  @Test(arguments: [false, true])
  func readerReportsTooLongLinesOnceWithTheirLength(finalBreak: Bool) throws {
    let long = String(repeating: "y", count: 1_000)
    let text = "short\n" + long + "\r\nafter\n" + long + (finalBreak ? "\n" : "")
    let path = try writeBytes(Array(text.utf8))
    for chunk in [7, 64, 999, 1_000, 1_001, 1_007, 4_096] {
      let reader = try LineReader(path: path, maximumLineBytes: 300, chunkSize: chunk)
      var lines: [RawLine] = []
      while let line = reader.next() { lines.append(line) }
      #expect(lines.map(\.number) == [1, 2, 3, 4], "chunk \(chunk)")
      #expect(lines.map(\.tooLong) == [false, true, false, true], "chunk \(chunk)")
      #expect(lines.map(\.length) == [5, 1_000, 5, 1_000], "chunk \(chunk)")
      #expect(lines.map(\.offset) == [0, 6, 1_008, 1_014], "chunk \(chunk)")
      #expect(lines.last?.unterminated == !finalBreak)
    }
  }

  @Test func buildOfOnlyInvalidLinesSaysWhatWasDropped() throws {
    let path = try writeLines([
      "{broken", "", logLine(2), logLine(1), #"{"messages": [], "rating": 5}"#, "[1]",
    ])
    var options = TrainingSetBuilder.Options()
    options.minRating = 3
    let output = (path as NSString).deletingLastPathComponent + "/out.jsonl"
    do {
      _ = try TrainingSetBuilder(options: options).build(
        input: path, output: output, validationOutput: nil, overwrite: false)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description
          == "\(path): no conversation kept from the 6 lines read (1 blank); dropped 2 invalid_json (not a JSON object), 1 no_messages (no \"messages\" list, or an empty one), 2 low_rating (rated below --min-rating 3); nothing was written"
      )
    }
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
