import Foundation

/// A what-if change to a scenario file given on the command line: `--set workload.requests_per_month=50000`.
public struct ScenarioOverride: Sendable, Equatable {
  /// The dotted path as given (`candidates[0].epochs`).
  public var path: String
  /// The value as given.
  public var value: String

  /// Parses `PATH=VALUE`.
  public init(parsing text: String) throws(ScenarioError) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw .badOverride("--set expects PATH=VALUE, e.g. workload.requests_per_month=50000 (found '\(text)')")
    }
    path = String(text[..<equals])
    value = String(text[text.index(after: equals)...])
  }

  public init(path: String, value: String) {
    self.path = path
    self.value = value
  }

  /// The path split into keys and array indexes: `candidates[0].epochs` → candidates, 0, epochs.
  enum Step: Equatable { case key(String), index(Int) }

  func steps() throws(ScenarioError) -> [Step] {
    var steps: [Step] = []
    for part in path.split(separator: ".", omittingEmptySubsequences: false) {
      var rest = Substring(part)
      guard let keyEnd = rest.firstIndex(of: "[") ?? Optional(rest.endIndex) else { continue }
      let key = String(rest[..<keyEnd])
      if key.isEmpty { throw .badOverride("--set path '\(path)' has an empty part") }
      steps.append(.key(key))
      rest = rest[keyEnd...]
      while rest.hasPrefix("[") {
        guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
          index >= 0
        else {
          throw .badOverride("--set path '\(path)' has a bad index; write candidates[0].epochs")
        }
        steps.append(.index(index))
        rest = rest[rest.index(after: close)...]
      }
      if !rest.isEmpty { throw .badOverride("--set path '\(path)' is malformed near '\(rest)'") }
    }
    return steps
  }

  /// The JSON value for the text: a number when it reads as one, true/false/null, else a string.
  func node(at location: SourceLocation) -> JSONNode {
    switch value {
    case "true": return JSONNode(kind: .bool(true), location: location)
    case "false": return JSONNode(kind: .bool(false), location: location)
    case "null": return JSONNode(kind: .null, location: location)
    default:
      if let number = try? DecimalParser.parse(value) {
        return JSONNode(kind: .number(number.description), location: location)
      }
      return JSONNode(kind: .string(value), location: location)
    }
  }

  /// Returns `root` with this override applied; refuses paths the scenario format does not have.
  public func apply(to root: JSONNode) throws(ScenarioError) -> JSONNode {
    let steps = try self.steps()
    let keys = steps.compactMap { if case .key(let key) = $0 { return key } else { return nil } }
    return try apply(steps[...], to: root, keysSoFar: [], allKeys: keys)
  }

  private func apply(_ steps: ArraySlice<Step>, to node: JSONNode, keysSoFar: [String], allKeys: [String])
    throws(ScenarioError) -> JSONNode
  {
    guard let step = steps.first else { return self.node(at: node.location) }
    var node = node
    switch step {
    case .key(let key):
      guard var members = node.members else {
        throw .badOverride("--set path '\(path)': '\(keysSoFar.joined(separator: "."))' is not an object")
      }
      let allowed = Scenario.allowedKeys(atParentOf: keysSoFar + [key])
      if let position = members.firstIndex(where: { $0.key == key }) {
        members[position].value = try apply(
          steps.dropFirst(), to: members[position].value, keysSoFar: keysSoFar + [key], allKeys: allKeys)
      } else if allowed.contains(key) && steps.count == 1 {
        members.append(JSONNode.Member(key: key, keyLocation: node.location, value: self.node(at: node.location)))
      } else {
        let existing = members.map(\.key)
        let hint = Suggestions.hint(for: key, in: Array(Set(existing + allowed)).sorted())
        throw .badOverride("--set path '\(path)' does not exist in the scenario.\(hint)")
      }
      node.kind = .object(members)
    case .index(let index):
      guard var items = node.arrayValue else {
        throw .badOverride("--set path '\(path)': '\(keysSoFar.joined(separator: "."))' is not an array")
      }
      guard index < items.count else {
        throw .badOverride(
          "--set path '\(path)': '\(keysSoFar.joined(separator: "."))' has \(items.count) entries (indexes 0 to \(items.count - 1))"
        )
      }
      items[index] = try apply(steps.dropFirst(), to: items[index], keysSoFar: keysSoFar, allKeys: allKeys)
      node.kind = .array(items)
    }
    return node
  }
}
