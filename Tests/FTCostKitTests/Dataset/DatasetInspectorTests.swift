import Foundation
import Testing

@testable import FTCostKit

func writeLines(_ lines: [String], crlf: Bool = false, bom: Bool = false, finalNewline: Bool = true) throws -> String {
  let folder = try temporaryFolder()
  let path = folder.appendingPathComponent("data.jsonl").path
  var data = Data()
  if bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
  let separator = crlf ? "\r\n" : "\n"
  data.append(contentsOf: Array(lines.joined(separator: separator).utf8))
  if finalNewline { data.append(contentsOf: Array(separator.utf8)) }
  try data.write(to: URL(fileURLWithPath: path))
  return path
}

let goodLine =
  #"{"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}"#

func inspect(
  _ path: String, cap: Int64 = 65_536, lineLimit: Int = 32 << 20, format: DatasetFormat? = nil, maxErrors: Int? = nil
) throws -> DatasetInspection {
  var options = InspectOptions()
  options.perExampleCap = cap
  options.maximumLineBytes = lineLimit
  options.format = format
  options.maxErrors = maxErrors
  return try DatasetInspector.inspect(path: path, tokenizers: [o200k], options: options)
}

@Suite struct DatasetInspectorTests {
  @Test func everyErrorKeyAtItsLine() throws {
    let long =
      #"{"messages": [{"role": "user", "content": "\#(String(repeating: "word ", count: 40))"}, {"role": "assistant", "content": "ok"}]}"#
    let lines = [
      goodLine,  // 1
      "[1, 2]",  // 2 data_type
      #"{"prompt": "x"}"#,  // 3 missing_messages_list
      // 4 message_missing_key (+ missing_content)
      #"{"messages": [{"role": "user"}, {"role": "assistant", "content": "a"}]}"#,
      // 5 message_unrecognized_key
      #"{"messages": [{"role": "user", "content": "q", "mood": "x"}, {"role": "assistant", "content": "a"}]}"#,
      // 6 unrecognized_role
      #"{"messages": [{"role": "usr", "content": "q"}, {"role": "assistant", "content": "a"}]}"#,
      #"{"messages": [{"role": "user", "content": ""}, {"role": "assistant", "content": "b"}]}"#,  // 7 missing_content
      #"{"messages": [{"role": "user", "content": "only a question"}]}"#,  // 8 example_missing_assistant_message
      #"{"messages": [{"role": "user", "content": "q"}"#,  // 9 invalid_json
      "{\"messages\": \"\u{FFFD}\"}",  // 10 placeholder, replaced below with invalid UTF-8
      long,  // 11 over_token_limit (cap 30)
      goodLine,  // 12 duplicate_example
      String(repeating: "x", count: 400),  // 13 line_too_long (limit 320)
    ]
    var path = try writeLines(lines)
    var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    let marker = Array("\u{FFFD}".utf8)
    if let start = (0..<(bytes.count - 2)).first(where: { Array(bytes[$0..<($0 + 3)]) == marker }) {
      bytes.replaceSubrange(start..<(start + 3), with: [0xC3, 0x28, 0x41])
    }
    path = try writeLines([])
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let report = try inspect(path, cap: 30, lineLimit: 320)
    let expected: [FormatErrorKey: Int] = [
      .dataType: 2, .missingMessagesList: 3, .messageMissingKey: 4, .messageUnrecognizedKey: 5, .unrecognizedRole: 6,
      .missingContent: 7, .exampleMissingAssistantMessage: 8, .invalidJSON: 9, .invalidUTF8: 10, .overTokenLimit: 11,
      .duplicateExample: 12, .lineTooLong: 13,
    ]
    for (key, line) in expected {
      #expect(
        report.errorLines[key]?.contains(line) == true,
        "\(key.rawValue) at line \(line): \(report.errorLines[key] ?? [])")
    }
    let utf8 = try #require(report.findings.first { $0.key == .invalidUTF8 })
    #expect(utf8.column == 15)
    #expect(utf8.message.hasPrefix("byte 15 of the line (file offset "))
    let json = try #require(report.findings.first { $0.key == .invalidJSON })
    #expect(json.line == 9)
    #expect(json.column != nil)
  }

  @Test func jsonArrayFileIsNamedOnce() throws {
    let path = try writeLines(["[", goodLine + ",", goodLine, "]"])
    let report = try inspect(path)
    #expect(report.errorCounts == [.jsonArrayFile: 1])
    #expect(report.errorLines[.jsonArrayFile] == [1])
  }

  @Test func crlfBomBlankLinesAndNoFinalNewline() throws {
    let path = try writeLines(
      [goodLine, "", "   ", goodLine.replacingOccurrences(of: "Hi", with: "Hey")], crlf: true, bom: true,
      finalNewline: false)
    let report = try inspect(path)
    #expect(report.errorTotal == 0, "\(report.findings)")
    #expect(report.examples == 2)
    #expect(report.blankLines == 2)
  }

  @Test func truncatedLastLineSaysSo() throws {
    let path = try writeLines([goodLine, String(goodLine.prefix(40))], finalNewline: false)
    let report = try inspect(path)
    let finding = try #require(report.findings.first)
    #expect(finding.key == .invalidJSON && finding.line == 2)
    #expect(finding.message.contains("was the file truncated?"))
  }

  @Test func emptyFileHasNoExamples() throws {
    let path = try writeLines(["", "  "])
    #expect(throws: DatasetError.empty(path)) { try inspect(path) }
    #expect(throws: DatasetError.fileNotFound("/nonexistent/x.jsonl")) { try inspect("/nonexistent/x.jsonl") }
  }

  /// The notebook's chat counting rule: 3 per message + string values + 1 per name + 3.
  @Test func chatCountingRule() throws {
    let named =
      #"{"messages": [{"role": "user", "name": "ann", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}"#
    let path = try writeLines([named])
    let report = try inspect(path)
    let expected =
      3 + (3 + o200k.count("user") + o200k.count("ann") + 1 + o200k.count("Hi"))
      + (3 + o200k.count("assistant") + o200k.count("Hello."))
    #expect(report.chatTokens == [Int64(expected)])
    #expect(report.contentTokens == [Int64(o200k.count("Hi") + o200k.count("Hello."))])
    #expect(report.assistantTokensPerExample == [CountHistogram([Int64(o200k.count("Hello."))])])
  }

  @Test func toolCallingAndWeightAreValid() throws {
    let tools =
      #"{"tools": [{"type": "function", "function": {"name": "lookup", "parameters": {}}}], "messages": [{"role": "user", "content": "Where is ORD-1?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}], "content": null}, {"role": "tool", "tool_call_id": "c1", "content": "shipped"}, {"role": "assistant", "content": "It shipped.", "weight": 1}]}"#
    let report = try inspect(try writeLines([tools]))
    #expect(report.errorTotal == 0, "\(report.findings)")
  }

  @Test func vertexFormatIsDetected() throws {
    let vertex =
      #"{"systemInstruction": {"parts": [{"text": "Be brief."}]}, "contents": [{"role": "user", "parts": [{"text": "Hi"}]}, {"role": "model", "parts": [{"text": "Hello."}]}]}"#
    let report = try inspect(try writeLines([vertex]))
    #expect(report.format == .vertex)
    #expect(report.errorTotal == 0)
    #expect(report.missingSystem == 0)
    let legacy = try inspect(
      try writeLines([#"{"text_input": "classify: can't pay", "output": "billing"}"#]), format: .openai)
    #expect(legacy.legacyGeminiLines == 1)
  }

  @Test func maxErrorsStopsEarly() throws {
    let path = try writeLines(Array(repeating: "{bad", count: 50))
    let report = try inspect(path, maxErrors: 5)
    #expect(report.errorTotal == 5)
    #expect(report.stoppedEarly)
  }

  @Test func percentilesInterpolate() throws {
    let distribution = try #require(Distribution([1, 2, 3, 4, 100]))
    #expect(distribution.median == 3)
    #expect(distribution.p5 == dec("1.2"))
    #expect(distribution.p95 == dec("80.8"))
    #expect(distribution.mean == dec("22"))
  }

  @Test func noByteSequenceCrashesTheInspector() throws {
    var generator = SplitMix64(seed: 99)
    var lines: [UInt8] = []
    for _ in 0..<400 {
      let length = Int(generator.next() % 80)
      for _ in 0..<length {
        var byte = UInt8(truncatingIfNeeded: generator.next())
        if byte == 0x0A { byte = 0x7B }
        lines.append(byte)
      }
      lines.append(0x0A)
    }
    lines += Array((goodLine + "\n").utf8)
    let path = try writeLines([])
    try Data(lines).write(to: URL(fileURLWithPath: path))
    let report = try inspect(path)
    #expect(report.errorTotal > 0)
  }

  @Test func cookbookEpochsForFiveExamples() throws {
    let lines = (1...5).map { goodLine.replacingOccurrences(of: "Hi", with: "Hi \($0)") }
    let report = try inspect(try writeLines(lines))
    let model = try shippedCatalog().model(named: "gpt-4o-mini")
    let estimates = try DatasetEstimate.estimates(report, models: [model], epochs: nil)
    #expect(estimates.first?.epochs == 20)
    #expect(estimates.first?.trainingTokens == report.billedTokensPerEpoch[0] * 20)
  }
}
