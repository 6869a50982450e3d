import Foundation

/// One problem on one line, in the compiler's `file:line:col: key: message` shape.
public struct LineFinding: Sendable, Equatable {
  public var line: Int
  public var column: Int?
  public var key: FormatErrorKey
  public var message: String

  public func rendered(file: String) -> String {
    "\(file):\(line):\(column.map { "\($0):" } ?? "") \(key.rawValue): \(message)"
  }
}

/// What `dataset inspect` learns from a file.
public struct DatasetInspection: Sendable {
  public var file: String
  public var format: DatasetFormat
  public var fileBytes: Int
  /// Lines that held a JSON value.
  public var examples = 0
  public var blankLines = 0
  public var errorCounts: [FormatErrorKey: Int] = [:]
  /// The first 20 line numbers of each error key.
  public var errorLines: [FormatErrorKey: [Int]] = [:]
  public var findings: [LineFinding] = []
  public var encodings: [Encoding]
  /// Messages per counted example.
  ///
  /// This and the other per-example figures are histograms, so memory does not grow with the
  /// number of examples (see `CountHistogram` for the bound).
  public var messagesPerExample = CountHistogram()
  /// Chat-rule tokens per example, per encoding (same order as `encodings`).
  public var tokensPerExample: [CountHistogram]
  /// Tokens of assistant contents per example, per encoding.
  public var assistantTokensPerExample: [CountHistogram]
  public var contentTokens: [Int64]
  public var chatTokens: [Int64]
  /// Σ min(chat tokens, cap) per encoding: what one epoch bills.
  public var billedTokensPerEpoch: [Int64]
  public var perExampleCap: Int64
  public var truncatedExamples = 0
  public var missingSystem = 0
  public var missingUser = 0
  public var legacyGeminiLines = 0
  /// True when `--max-errors` stopped the run before the end of the file.
  public var stoppedEarly = false

  public var errorTotal: Int { errorCounts.values.reduce(0, +) }

  /// Examples that can be counted (they have messages).
  public var countedExamples: Int { messagesPerExample.count }

  /// `total + value`, or an error naming the total when the sum does not fit in an `Int64`.
  fileprivate func adding(_ value: Int64, to total: Int64, _ name: String) throws(DatasetError) -> Int64 {
    let (sum, overflow) = total.addingReportingOverflow(value)
    if overflow { throw .totalTooLarge(file, name) }
    return sum
  }
}

/// Options for an inspection.
public struct InspectOptions {
  public var format: DatasetFormat?
  public var encodings: [Encoding] = [.o200kBase]
  public var perExampleCap: Int64 = 65_536
  public var maxErrors: Int?
  public var maximumLineBytes = LineReader.defaultMaximumLineBytes
  /// Called now and then with (bytes read, lines read).
  public var progress: ((Int, Int) -> Void)?
  /// Called with each finding as it is found (to stream errors to stderr).
  public var onFinding: ((LineFinding) -> Void)?

  public init() {}
}

/// Streams a JSONL file through the format checks and exact token counts, on every core.
public enum DatasetInspector {
  /// Lines handed to the workers at a time; bounds memory to a few such batches.
  ///
  /// 1 MiB keeps both cores busy (hundreds of typical examples a batch) while the batch, its
  /// results and the reader's buffer stay a few MiB together.
  static let batchBytes = 1 << 20

  private struct LineResult {
    var number = 0
    var blank = false
    var parsed = false
    var isArrayStart = false
    var problems: [LineFinding] = []
    var counted = false
    var messages: Int64 = 0
    var chat: [Int64] = [0, 0]
    var content: [Int64] = [0, 0]
    var assistant: [Int64] = [0, 0]
    var hasSystem = false
    var hasUser = false
    var legacy = false
    var fingerprint: UInt64 = 0
  }

  /// Inspects `path` with `tokenizers` (one per encoding in `options.encodings`).
  public static func inspect(path: String, tokenizers: [Tokenizer], options: InspectOptions) throws(DatasetError)
    -> DatasetInspection
  {
    let reader = try LineReader(path: path, maximumLineBytes: options.maximumLineBytes)
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    var report = DatasetInspection(
      file: path, format: options.format ?? .openai, fileBytes: (attributes?[.size] as? Int) ?? 0,
      encodings: tokenizers.map(\.encoding),
      tokensPerExample: tokenizers.map { _ in CountHistogram() },
      assistantTokensPerExample: tokenizers.map { _ in CountHistogram() },
      contentTokens: tokenizers.map { _ in 0 }, chatTokens: tokenizers.map { _ in 0 },
      billedTokensPerEpoch: tokenizers.map { _ in 0 }, perExampleCap: options.perExampleCap)
    var formatKnown = options.format != nil
    // One 64-bit fingerprint per counted example: the only memory that grows with the file.
    var seen = FingerprintSet()
    var firstContentLine = true
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
    let sessions = (0..<workers).map { _ in tokenizers.map { $0.session() } }
    let box = SessionBox(sessions)
    var linesRead = 0

    batches: while true {
      var batch: [RawLine] = []
      var bytes = 0
      while bytes < batchBytes, let line = reader.next() {
        bytes += line.bytes.count + 1
        batch.append(line)
      }
      if batch.isEmpty { break }
      linesRead += batch.count
      if !formatKnown {
        for line in batch {
          if let node = try? JSONParser.parse(line.bytes), let format = DatasetFormat.detect(node) {
            report.format = format
            formatKnown = true
            break
          }
        }
      }
      let format = report.format
      var results = [LineResult](repeating: LineResult(), count: batch.count)
      results.withUnsafeMutableBufferPointer { buffer in
        let output = ResultsBox(buffer)
        let input = batch
        let lineLimit = options.maximumLineBytes
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          let mySessions = box.sessions[worker]
          var index = worker
          while index < input.count {
            output.buffer[index] = process(
              input[index], format: format, maximumLineBytes: lineLimit, sessions: mySessions)
            index += workers
          }
        }
      }
      // Merge in file order.
      for result in results {
        if result.blank {
          report.blankLines += 1
          continue
        }
        if firstContentLine {
          firstContentLine = false
          if result.isArrayStart {
            let finding = LineFinding(
              line: result.number, column: 1, key: .jsonArrayFile,
              message: "the file is a JSON array, not JSONL; write one JSON object per line")
            record(finding, into: &report, options: options)
            break batches
          }
        }
        if result.parsed { report.examples += 1 }
        for finding in result.problems { record(finding, into: &report, options: options) }
        if result.legacy { report.legacyGeminiLines += 1 }
        if result.counted {
          if !seen.insert(result.fingerprint) {
            record(
              LineFinding(
                line: result.number, column: nil, key: .duplicateExample,
                message: "the same messages as an earlier example"), into: &report, options: options)
          }
          report.messagesPerExample.add(result.messages)
          for index in tokenizers.indices {
            report.tokensPerExample[index].add(result.chat[index])
            report.assistantTokensPerExample[index].add(result.assistant[index])
            report.contentTokens[index] = try report.adding(
              result.content[index], to: report.contentTokens[index], "content tokens")
            report.chatTokens[index] = try report.adding(
              result.chat[index], to: report.chatTokens[index], "chat tokens")
            report.billedTokensPerEpoch[index] = try report.adding(
              min(result.chat[index], options.perExampleCap), to: report.billedTokensPerEpoch[index],
              "billed tokens per epoch")
          }
          if result.chat[0] > options.perExampleCap {
            report.truncatedExamples += 1
            record(
              LineFinding(
                line: result.number, column: nil, key: .overTokenLimit,
                message:
                  "\(result.chat[0]) tokens, over the \(options.perExampleCap)-token limit per example; it will be truncated"
              ), into: &report, options: options)
          }
          if !result.hasSystem { report.missingSystem += 1 }
          if !result.hasUser { report.missingUser += 1 }
        }
        if let limit = options.maxErrors, report.errorTotal >= limit {
          report.stoppedEarly = true
          break batches
        }
      }
      options.progress?(reader.bytesRead, linesRead)
    }
    if report.examples == 0 && report.errorTotal == 0 { throw .empty(path) }
    return report
  }

  private static func record(_ finding: LineFinding, into report: inout DatasetInspection, options: InspectOptions) {
    report.errorCounts[finding.key, default: 0] += 1
    if report.errorLines[finding.key, default: []].count < 20 {
      report.errorLines[finding.key, default: []].append(finding.line)
    }
    if report.findings.count < 10_000 { report.findings.append(finding) }
    options.onFinding?(finding)
  }

  private static func process(
    _ line: RawLine, format: DatasetFormat, maximumLineBytes: Int, sessions: [TokenizerSession]
  ) -> LineResult {
    var result = LineResult()
    result.number = line.number
    if line.tooLong {
      result.problems.append(
        LineFinding(
          line: line.number, column: nil, key: .lineTooLong,
          message: RawLine.tooLongMessage(length: line.length, limit: maximumLineBytes) + "; it was skipped"))
      return result
    }
    guard let first = line.bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else {
      result.blank = true
      return result
    }
    result.isArrayStart = line.bytes[first] == UInt8(ascii: "[")
    if let bad = UTF8Check.firstInvalidByte(line.bytes) {
      result.problems.append(
        LineFinding(
          line: line.number, column: bad + 1, key: .invalidUTF8,
          message: "byte \(bad + 1) of the line (file offset \(line.offset + bad)) is not valid UTF-8"))
      return result
    }
    let node: JSONNode
    do {
      node = try JSONParser.parse(line.bytes, firstLine: line.number)
    } catch {
      let truncated =
        line.unterminated && error.message.hasPrefix("unexpected end of input")
        || error.message == "unterminated string"
      let message =
        truncated && line.unterminated
        ? "the last line is cut off (\(error.message)); was the file truncated?" : error.message
      result.problems.append(
        LineFinding(line: line.number, column: error.location.column, key: .invalidJSON, message: message))
      return result
    }
    result.parsed = true
    let checked = ExampleChecker.check(node, format: format)
    result.problems = checked.problems.map { LineFinding(line: line.number, column: nil, key: $0.0, message: $0.1) }
    result.legacy = checked.legacyGemini
    guard !checked.messages.isEmpty else { return result }
    result.counted = true
    result.messages = Int64(checked.messages.count)
    result.hasSystem = checked.hasSystem
    result.hasUser = checked.hasUser
    var hasher = FNV1a()
    for message in checked.messages {
      hasher.add(message.role)
      hasher.add(0xFF)
      hasher.add(message.content)
      hasher.add(0xFE)
    }
    result.fingerprint = hasher.value
    for (index, session) in sessions.enumerated() {
      var chat: Int64 = 3
      var content: Int64 = 0
      var assistant: Int64 = 0
      for message in checked.messages {
        let contentTokens = Int64(session.count(message.content))
        chat += 3 + contentTokens + (message.hasName ? 1 : 0)
        for other in message.otherStrings { chat += Int64(session.count(other)) }
        content += contentTokens
        if message.role == "assistant" { assistant += contentTokens }
      }
      result.chat[index] = chat
      result.content[index] = content
      result.assistant[index] = assistant
    }
    return result
  }
}

/// Per-worker tokenizer sessions, each used by exactly one worker.
private final class SessionBox: @unchecked Sendable {
  let sessions: [[TokenizerSession]]
  init(_ sessions: [[TokenizerSession]]) { self.sessions = sessions }
}

/// The results buffer; workers write disjoint indexes.
private struct ResultsBox<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
