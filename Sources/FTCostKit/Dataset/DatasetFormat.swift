/// The training-data formats ftcost reads and writes.
public enum DatasetFormat: String, Sendable, CaseIterable {
  /// OpenAI chat: `{"messages": [{"role", "content"}, …]}`.
  case openai
  /// Vertex AI Gemini: `{"systemInstruction"?, "contents": [{"role": "user"|"model", "parts": [{"text"}]}]}`.
  case vertex

  /// Detects the format from a parsed example's keys; `nil` when neither fits.
  public static func detect(_ example: JSONNode) -> DatasetFormat? {
    if example["messages"] != nil { return .openai }
    if example["contents"] != nil || example["systemInstruction"] != nil { return .vertex }
    return nil
  }
}

/// The format-error keys of OpenAI's data-preparation notebook, plus ftcost's own.
public enum FormatErrorKey: String, Sendable, CaseIterable, Comparable {
  case dataType = "data_type"
  case missingMessagesList = "missing_messages_list"
  case messageMissingKey = "message_missing_key"
  case messageUnrecognizedKey = "message_unrecognized_key"
  case unrecognizedRole = "unrecognized_role"
  case missingContent = "missing_content"
  case exampleMissingAssistantMessage = "example_missing_assistant_message"
  case invalidJSON = "invalid_json"
  case invalidUTF8 = "invalid_utf8"
  case jsonArrayFile = "json_array_file"
  case overTokenLimit = "over_token_limit"
  case duplicateExample = "duplicate_example"
  case lineTooLong = "line_too_long"

  public static func < (lhs: FormatErrorKey, rhs: FormatErrorKey) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// What one example holds once checked: its problems and the strings the counting rule uses.
public struct CheckedExample: Sendable {
  public struct Message: Sendable {
    public var role: String
    /// The text of the content alone.
    public var content: String
    /// The message's other string values (role, name, tool_call_id, …), which the chat rule counts too.
    public var otherStrings: [String]
    public var hasName: Bool
  }

  public var problems: [(FormatErrorKey, String)] = []
  public var messages: [Message] = []
  /// True when the line uses the legacy Gemini `text_input`/`output` format.
  public var legacyGemini = false

  public var hasSystem: Bool { messages.contains { $0.role == "system" } }
  public var hasUser: Bool { messages.contains { $0.role == "user" } }
}

/// Format checks for one example, per the notebook's rules extended to tool calling and Vertex.
public enum ExampleChecker {
  static let openAIRoles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]
  static let openAIMessageKeys: Set<String> = [
    "role", "content", "name", "weight", "function_call", "tool_calls", "tool_call_id", "refusal",
  ]

  public static func check(_ example: JSONNode, format: DatasetFormat) -> CheckedExample {
    var result = CheckedExample()
    guard example.members != nil else {
      result.problems.append((.dataType, "each line must be a JSON object, found \(example.typeName)"))
      return result
    }
    if example["text_input"] != nil
      || (example["output"] != nil && example["messages"] == nil && example["contents"] == nil)
    {
      result.legacyGemini = true
    }
    switch format {
    case .openai: checkOpenAI(example, into: &result)
    case .vertex: checkVertex(example, into: &result)
    }
    return result
  }

  /// The text of a content value: a string, or an array of `{"type": "text", "text"}` parts.
  static func text(of content: JSONNode?) -> String? {
    guard let content else { return nil }
    if let text = content.stringValue { return text }
    guard let parts = content.arrayValue else { return nil }
    var text = ""
    for part in parts {
      guard let piece = part["text"]?.stringValue else { return nil }
      text += piece
    }
    return text
  }

  private static func checkOpenAI(_ example: JSONNode, into result: inout CheckedExample) {
    guard let messages = example["messages"]?.arrayValue, !messages.isEmpty else {
      result.problems.append((.missingMessagesList, "no \"messages\" list (or it is empty)"))
      return
    }
    var sawAssistant = false
    for (index, message) in messages.enumerated() {
      guard let members = message.members else {
        result.problems.append((.messageMissingKey, "messages[\(index)] is not an object"))
        continue
      }
      let role = message["role"]?.stringValue
      if message["role"] == nil
        || (message["content"] == nil && message["tool_calls"] == nil && message["function_call"] == nil)
      {
        result.problems.append((.messageMissingKey, "messages[\(index)] needs \"role\" and \"content\""))
      }
      if let unknown = members.first(where: { !openAIMessageKeys.contains($0.key) }) {
        let hint = Suggestions.hint(for: unknown.key, in: openAIMessageKeys.sorted())
        result.problems.append(
          (.messageUnrecognizedKey, "messages[\(index)] has unrecognized key \"\(unknown.key)\".\(hint)"))
      }
      if role == nil || !openAIRoles.contains(role ?? "") {
        let hint = role.map { Suggestions.hint(for: $0, in: openAIRoles.sorted()) } ?? ""
        result.problems.append(
          (.unrecognizedRole, "messages[\(index)] has role \(role.map { "\"\($0)\"" } ?? "missing").\(hint)"))
      }
      let content = text(of: message["content"])
      let calls = message["tool_calls"] != nil || message["function_call"] != nil
      if (content ?? "").isEmpty && !calls {
        result.problems.append((.missingContent, "messages[\(index)] has no text content"))
      } else if content == nil, let node = message["content"], !node.isNull {
        result.problems.append((.missingContent, "messages[\(index)].content must be a string (or text parts)"))
      }
      if role == "assistant" { sawAssistant = true }
      var others: [String] = []
      for member in members where member.key != "content" {
        if let value = member.value.stringValue { others.append(value) }
      }
      result.messages.append(
        CheckedExample.Message(
          role: role ?? "", content: content ?? "", otherStrings: others, hasName: message["name"] != nil))
    }
    if !sawAssistant {
      result.problems.append((.exampleMissingAssistantMessage, "no assistant message to learn from"))
    }
  }

  private static func checkVertex(_ example: JSONNode, into result: inout CheckedExample) {
    if let system = example["systemInstruction"] {
      let text = (system["parts"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined()
      result.messages.append(
        CheckedExample.Message(role: "system", content: text, otherStrings: ["system"], hasName: false))
    }
    guard let contents = example["contents"]?.arrayValue, !contents.isEmpty else {
      result.problems.append((.missingMessagesList, "no \"contents\" list (or it is empty)"))
      return
    }
    var sawModel = false
    for (index, turn) in contents.enumerated() {
      guard let members = turn.members else {
        result.problems.append((.messageMissingKey, "contents[\(index)] is not an object"))
        continue
      }
      if turn["role"] == nil || turn["parts"] == nil {
        result.problems.append((.messageMissingKey, "contents[\(index)] needs \"role\" and \"parts\""))
      }
      if let unknown = members.first(where: { $0.key != "role" && $0.key != "parts" }) {
        result.problems.append((.messageUnrecognizedKey, "contents[\(index)] has unrecognized key \"\(unknown.key)\""))
      }
      let role = turn["role"]?.stringValue ?? ""
      if role != "user" && role != "model" {
        result.problems.append(
          (.unrecognizedRole, "contents[\(index)] has role \"\(role)\"; Vertex uses \"user\" and \"model\""))
      }
      let parts = turn["parts"]?.arrayValue ?? []
      let text = parts.compactMap { $0["text"]?.stringValue }.joined()
      if text.isEmpty
        && !parts.contains(where: {
          $0["fileData"] != nil || $0["functionCall"] != nil || $0["functionResponse"] != nil
        })
      {
        result.problems.append((.missingContent, "contents[\(index)] has no text part"))
      }
      if role == "model" { sawModel = true }
      let mapped = role == "model" ? "assistant" : role
      result.messages.append(CheckedExample.Message(role: mapped, content: text, otherStrings: [role], hasName: false))
    }
    if !sawModel {
      result.problems.append((.exampleMissingAssistantMessage, "no \"model\" turn to learn from"))
    }
  }
}
