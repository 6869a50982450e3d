import Foundation

/// Converts examples between OpenAI chat and Vertex Gemini `contents`.
///
/// `system` ↔ `systemInstruction`, `assistant` ↔ `model`, `user` ↔ `user`; content strings
/// become `parts: [{"text"}]` and back.
public enum FormatConverter {
  /// Why one line could not be converted.
  public struct Problem: Sendable, Equatable {
    public var line: Int
    public var message: String
  }

  /// A Vertex line from OpenAI-style messages (key/value pairs with role first).
  static func vertexLine(_ messages: [[(String, JSON)]]) -> String {
    var system: [String] = []
    var contents: [JSON] = []
    for message in messages {
      let role =
        message.first { $0.0 == "role" }.flatMap { if case .string(let r) = $0.1 { return r } else { return nil } }
        ?? ""
      let content =
        message.first { $0.0 == "content" }.flatMap { if case .string(let c) = $0.1 { return c } else { return nil } }
        ?? ""
      if role == "system" || role == "developer" {
        system.append(content)
      } else {
        contents.append(
          .object([
            ("role", .string(role == "assistant" ? "model" : "user")),
            ("parts", .array([.object([("text", .string(content))])])),
          ]))
      }
    }
    var members: [(String, JSON)] = []
    if !system.isEmpty {
      members.append(
        (
          "systemInstruction",
          .object([
            ("role", .string("system")),
            ("parts", .array([.object([("text", .string(system.joined(separator: "\n\n")))])])),
          ])
        ))
    }
    members.append(("contents", .array(contents)))
    return JSON.object(members).rendered(pretty: false)
  }

  /// Why one example could not be converted.
  public struct Refusal: Error, Equatable {
    public var message: String
  }

  /// Converts one parsed example to `target`, or says why it cannot.
  public static func convert(_ example: JSONNode, to target: DatasetFormat) -> Result<String, Refusal> {
    switch target {
    case .vertex:
      guard let list = example["messages"]?.arrayValue, !list.isEmpty else {
        return .failure(Refusal(message: "no \"messages\" list to convert"))
      }
      var messages: [[(String, JSON)]] = []
      for (index, message) in list.enumerated() {
        guard let role = message["role"]?.stringValue else {
          return .failure(Refusal(message: "messages[\(index)] has no role"))
        }
        guard ["system", "developer", "user", "assistant"].contains(role) else {
          return .failure(
            Refusal(message: "messages[\(index)] has role \"\(role)\", which Vertex text tuning cannot express"))
        }
        guard let content = ExampleChecker.text(of: message["content"]), !content.isEmpty else {
          return .failure(Refusal(message: "messages[\(index)] has no text content"))
        }
        messages.append([("role", .string(role)), ("content", .string(content))])
      }
      return .success(vertexLine(messages))
    case .openai:
      guard let contents = example["contents"]?.arrayValue, !contents.isEmpty else {
        return .failure(Refusal(message: "no \"contents\" list to convert"))
      }
      var messages: [JSON] = []
      if let system = example["systemInstruction"] {
        let text = (system["parts"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined()
        messages.append(.object([("role", .string("system")), ("content", .string(text))]))
      }
      for (index, turn) in contents.enumerated() {
        guard let role = turn["role"]?.stringValue, role == "user" || role == "model" else {
          return .failure(Refusal(message: "contents[\(index)] has a role other than \"user\" or \"model\""))
        }
        let parts = turn["parts"]?.arrayValue ?? []
        guard parts.allSatisfy({ $0["text"] != nil }) else {
          return .failure(Refusal(message: "contents[\(index)] has non-text parts, which OpenAI chat cannot express"))
        }
        let text = parts.compactMap { $0["text"]?.stringValue }.joined()
        messages.append(
          .object([("role", .string(role == "model" ? "assistant" : "user")), ("content", .string(text))]))
      }
      return .success(JSON.object([("messages", .array(messages))]).rendered(pretty: false))
    }
  }

  /// Converts a whole file; writes nothing when any line fails.
  public static func convert(input: String, output: String, to target: DatasetFormat, overwrite: Bool)
    throws(DatasetError) -> (written: Int, problems: [Problem])
  {
    try TrainingSetBuilder(options: .init()).checkOutputs([output], input: input, overwrite: overwrite)
    let reader = try LineReader(path: input)
    let writer = try AtomicWriter(path: output)
    var written = 0
    var problems: [Problem] = []
    while let line = reader.next() {
      if line.tooLong {
        problems.append(
          Problem(
            line: line.number, message: RawLine.tooLongMessage(length: line.length, limit: reader.maximumLineBytes)))
        continue
      }
      if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      if let bad = UTF8Check.firstInvalidByte(line.bytes) {
        problems.append(Problem(line: line.number, message: "byte \(bad + 1) is not valid UTF-8"))
        continue
      }
      let node: JSONNode
      do { node = try JSONParser.parse(line.bytes) } catch {
        problems.append(
          Problem(line: line.number, message: "invalid JSON at column \(error.location.column): \(error.message)"))
        continue
      }
      switch convert(node, to: target) {
      case .success(let text):
        if problems.isEmpty { try writer.write(text + "\n") }
        written += 1
      case .failure(let refusal):
        problems.append(Problem(line: line.number, message: refusal.message))
      }
    }
    if !problems.isEmpty {
      writer.discard()
      return (0, problems)
    }
    if written == 0 {
      writer.discard()
      throw .empty(input)
    }
    try writer.commit()
    return (written, problems)
  }
}
