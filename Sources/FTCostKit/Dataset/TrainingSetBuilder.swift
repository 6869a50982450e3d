import Foundation

/// Builds a fine-tuning file from production logs: module 20.2's `createTrainingDataset`, made safe.
public struct TrainingSetBuilder {
  public struct Options {
    public var minRating: Decimal = 4
    public var minMessages = 2
    public var categories: Set<String> = []
    public var systemMessage: String?
    public var dedupe = false
    public var validationShare: Decimal = 0
    public var seed: UInt64 = 0
    public var format: DatasetFormat = .openai
    public init() {}
  }

  /// Why a log line was not kept.
  public enum DropReason: String, CaseIterable, Sendable, Error {
    case invalidJSON = "invalid_json"
    case invalidUTF8 = "invalid_utf8"
    case lineTooLong = "line_too_long"
    case noMessages = "no_messages"
    case badMessage = "bad_message"
    case noRating = "no_rating"
    case lowRating = "low_rating"
    case otherCategory = "other_category"
    case tooFewMessages = "too_few_messages"
    case noAssistantReply = "no_assistant_reply"
    case duplicate = "duplicate"
  }

  /// What a build did.
  public struct Summary: Sendable, Equatable {
    public var linesRead = 0
    public var blankLines = 0
    public var kept = 0
    public var training = 0
    public var validation = 0
    public var dropped: [String: Int] = [:]
  }

  public var options: Options

  public init(options: Options) {
    self.options = options
  }

  /// The keys a message keeps in the OpenAI output.
  static let keptMessageKeys = ["role", "content", "name", "weight", "tool_calls", "tool_call_id"]

  /// Builds `output` (and `validationOutput`) from `input`; writes nothing if it fails.
  ///
  /// Both files are staged beside their destinations and renamed into place together at the end
  /// (see `StagedFiles`); an existing file is replaced only when `overwrite`, and never the input.
  public func build(input: String, output: String, validationOutput: String?, overwrite: Bool) throws(DatasetError)
    -> Summary
  {
    let policy = try checkOutputs([output] + (validationOutput.map { [$0] } ?? []), input: input, overwrite: overwrite)
    let reader = try LineReader(path: input)
    let outputs = StagedFiles(policy: policy)
    let writer = try AtomicWriter(path: output, in: outputs)
    let validationWriter = try validationOutput.map { path throws(DatasetError) in
      try AtomicWriter(path: path, in: outputs)
    }
    var summary = Summary()
    var seen = Set<UInt64>()
    var random = SplitMix64(seed: options.seed)
    do {
      while let line = reader.next() {
        summary.linesRead += 1
        if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) && !line.tooLong {
          summary.blankLines += 1
          continue
        }
        switch example(from: line) {
        case .failure(let reason):
          summary.dropped[reason.rawValue, default: 0] += 1
        case .success(let (messages, fingerprint)):
          if options.dedupe && !seen.insert(fingerprint).inserted {
            summary.dropped[DropReason.duplicate.rawValue, default: 0] += 1
            continue
          }
          summary.kept += 1
          let text = Self.render(messages, format: options.format)
          let toValidation = validationWriter != nil && random.nextUnit() < options.validationShare
          if toValidation, let validationWriter {
            try validationWriter.write(text)
            summary.validation += 1
          } else {
            try writer.write(text)
            summary.training += 1
          }
        }
      }
      guard summary.kept > 0 else {
        if summary.linesRead == summary.blankLines { throw DatasetError.empty(input) }
        throw DatasetError.nothingKept(input, summary, minRating: options.minRating, minMessages: options.minMessages)
      }
      try writer.commit()  // and the validation file, staged with it
    } catch let error as DatasetError {
      outputs.discard()
      throw error
    } catch {
      outputs.discard()
      throw .unreadable(input)
    }
    return summary
  }

  /// Checks the outputs against `input` and `overwrite`, and returns the policy they follow.
  @discardableResult
  func checkOutputs(_ outputs: [String], input: String, overwrite: Bool) throws(DatasetError) -> OutputPolicy {
    let policy = OutputPolicy(overwrite: overwrite, inputs: [input])
    do throws(OutputFileError) {
      try policy.check(outputs)
    } catch {
      if case .isInput(let path, _) = error { throw .sameFile(path) }
      throw .output(error)
    }
    return policy
  }

  /// A kept example's messages (each a list of key/value pairs) and its fingerprint.
  typealias Messages = [[(String, JSON)]]

  func example(from line: RawLine) -> Result<(Messages, UInt64), DropReason> {
    if line.tooLong { return .failure(.lineTooLong) }
    if UTF8Check.firstInvalidByte(line.bytes) != nil { return .failure(.invalidUTF8) }
    guard let node = try? JSONParser.parse(line.bytes), node.members != nil else { return .failure(.invalidJSON) }
    guard let list = node["messages"]?.arrayValue, !list.isEmpty else { return .failure(.noMessages) }
    guard let ratingNode = node["rating"], case .number(let literal) = ratingNode.kind,
      let rating = try? DecimalParser.parse(literal)
    else {
      return .failure(.noRating)
    }
    if rating < options.minRating { return .failure(.lowRating) }
    if !options.categories.isEmpty, !options.categories.contains(node["category"]?.stringValue ?? "") {
      return .failure(.otherCategory)
    }
    var messages: Messages = []
    for message in list {
      guard let role = message["role"]?.stringValue, ExampleChecker.openAIRoles.contains(role) else {
        return .failure(.badMessage)
      }
      var kept: [(String, JSON)] = []
      for key in Self.keptMessageKeys {
        guard let value = message[key], !value.isNull else { continue }
        guard let converted = Self.json(value) else { return .failure(.badMessage) }
        kept.append((key, converted))
      }
      if role != "assistant" || message["tool_calls"] == nil {
        guard let content = message["content"]?.stringValue, !content.isEmpty else { return .failure(.badMessage) }
        _ = content
      }
      messages.append(kept)
    }
    if let system = options.systemMessage {
      messages.removeAll { $0.first?.1 == .string("system") }
      messages.insert([("role", .string("system")), ("content", .string(system))], at: 0)
    }
    if messages.count < options.minMessages { return .failure(.tooFewMessages) }
    guard messages.contains(where: { $0.first?.1 == .string("assistant") }) else { return .failure(.noAssistantReply) }
    var hasher = FNV1a()
    hasher.add(Self.render(messages, format: .openai))
    return .success((messages, hasher.value))
  }

  /// A parsed value as output JSON (numbers keep their exact text).
  static func json(_ node: JSONNode) -> JSON? {
    switch node.kind {
    case .null: return .null
    case .bool(let value): return .bool(value)
    case .number(let text): return (try? DecimalParser.parse(text)).map { .number($0) }
    case .string(let text): return .string(text)
    case .array(let items):
      var result: [JSON] = []
      for item in items {
        guard let value = json(item) else { return nil }
        result.append(value)
      }
      return .array(result)
    case .object(let members):
      var result: [(String, JSON)] = []
      for member in members {
        guard let value = json(member.value) else { return nil }
        result.append((member.key, value))
      }
      return .object(result)
    }
  }

  /// One example as a JSONL line in `format`.
  static func render(_ messages: Messages, format: DatasetFormat) -> String {
    switch format {
    case .openai:
      return JSON.object([("messages", .array(messages.map { .object($0) }))]).rendered(pretty: false) + "\n"
    case .vertex:
      return FormatConverter.vertexLine(messages) + "\n"
    }
  }
}

/// A streaming output of the dataset commands: staged until `commit`, errors as `DatasetError`.
final class AtomicWriter {
  let path: String
  private let files: StagedFiles
  private let file: StagedFile

  /// A file staged on its own (its outputs checked by the caller).
  convenience init(path: String) throws(DatasetError) {
    try self.init(path: path, in: StagedFiles())
  }

  /// A file staged with the others of `files`, committed with them.
  init(path: String, in files: StagedFiles) throws(DatasetError) {
    self.path = path
    self.files = files
    do { file = try files.stream(to: path) } catch { throw .output(error) }
  }

  func write(_ text: String) throws(DatasetError) {
    do { try file.write(text) } catch { throw .output(error) }
  }

  /// Renames this file (and the others staged with it) into place.
  func commit() throws(DatasetError) {
    do { try files.commit() } catch { throw .output(error) }
  }

  /// Removes this file (and the others staged with it).
  func discard() {
    files.discard()
  }
}
