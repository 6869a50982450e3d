import Foundation

/// Reads typed fields out of parsed JSON objects and collects every problem it meets.
///
/// Shared by pricing tables and scenarios so both apply the same rules: unknown keys are errors
/// with a did-you-mean hint (keys starting with `x-` are the user's own), duplicate keys are
/// errors, numbers are exact decimals and must be finite.
public struct FieldReader {
  public let file: String
  public private(set) var diagnostics: [Diagnostic] = []

  public init(file: String) {
    self.file = file
  }

  /// Records a problem at `node`'s location.
  public mutating func report(_ message: String, at location: SourceLocation?, path: String) {
    diagnostics.append(Diagnostic(file: location?.file ?? file, location: location, path: path, message: message))
  }

  /// Checks that `node` is an object whose keys are all in `allowed` (or start with `x-`).
  ///
  /// Returns `nil` (after reporting) when `node` is not an object.
  public mutating func object(_ node: JSONNode, path: String, allowed: [String]) -> JSONNode? {
    guard let members = node.members else {
      report("expected an object, found \(node.typeName)", at: node.location, path: path)
      return nil
    }
    var seen: [String: SourceLocation] = [:]
    for member in members {
      let memberPath = Self.join(path, member.key)
      if let first = seen[member.key] {
        report(
          "duplicate key \"\(member.key)\" (first at line \(first.line), column \(first.column)); keep one",
          at: member.keyLocation, path: memberPath)
      }
      seen[member.key] = member.keyLocation
      if member.key.hasPrefix("x-") || allowed.contains(member.key) { continue }
      let hint = Suggestions.hint(for: member.key, in: allowed)
      report(
        "unknown key \"\(member.key)\".\(hint.isEmpty ? " Allowed keys: \(allowed.joined(separator: ", "))." : hint)",
        at: member.keyLocation, path: memberPath)
    }
    return node
  }

  /// `parent.key`, or `key` at the top level.
  public static func join(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : parent + "." + key
  }

  private mutating func value(
    _ object: JSONNode, _ key: String, path: String, required: Bool
  ) -> (JSONNode, String)? {
    let fieldPath = Self.join(path, key)
    guard let node = object[key], !node.isNull else {
      if required { report("missing required field \"\(key)\"", at: object.location, path: fieldPath) }
      return nil
    }
    return (node, fieldPath)
  }

  /// A string field.
  public mutating func string(_ object: JSONNode, _ key: String, path: String, required: Bool = false) -> String? {
    guard let (node, fieldPath) = value(object, key, path: path, required: required) else { return nil }
    guard let text = node.stringValue else {
      report("expected a string, found \(node.typeName)", at: node.location, path: fieldPath)
      return nil
    }
    return text
  }

  /// A boolean field.
  public mutating func bool(_ object: JSONNode, _ key: String, path: String, required: Bool = false) -> Bool? {
    guard let (node, fieldPath) = value(object, key, path: path, required: required) else { return nil }
    guard case .bool(let flag) = node.kind else {
      report("expected true or false, found \(node.typeName)", at: node.location, path: fieldPath)
      return nil
    }
    return flag
  }

  /// A finite decimal number, read exactly; negative values are refused unless `allowNegative`.
  public mutating func decimal(
    _ object: JSONNode, _ key: String, path: String, required: Bool = false, allowNegative: Bool = false
  ) -> Decimal? {
    guard let (node, fieldPath) = value(object, key, path: path, required: required) else { return nil }
    return decimal(node, path: fieldPath, allowNegative: allowNegative)
  }

  /// A finite decimal number from a node that is known to be present.
  public mutating func decimal(_ node: JSONNode, path: String, allowNegative: Bool = false) -> Decimal? {
    let literal: String
    switch node.kind {
    case .number(let text): literal = text
    case .string(let text):
      report(
        "expected a number, found the string \"\(text)\"; write it without quotes",
        at: node.location, path: path)
      return nil
    default:
      report("expected a number, found \(node.typeName)", at: node.location, path: path)
      return nil
    }
    do {
      let parsed = try DecimalParser.parse(literal)
      if parsed < 0 && !allowNegative {
        report("must not be negative (found \(literal))", at: node.location, path: path)
        return nil
      }
      return parsed
    } catch {
      report(error.description, at: node.location, path: path)
      return nil
    }
  }

  /// A whole number ≥ 0 (token counts, examples, months).
  public mutating func count(_ object: JSONNode, _ key: String, path: String, required: Bool = false) -> Int64? {
    guard let (node, fieldPath) = value(object, key, path: path, required: required) else { return nil }
    guard let number = decimal(node, path: fieldPath) else { return nil }
    guard number == number.rounded(scale: 0, .plain), number <= Decimal(Int64.max) else {
      report("expected a whole number, found \(number)", at: node.location, path: fieldPath)
      return nil
    }
    return Int64(truncating: number as NSDecimalNumber)
  }

  /// An ISO date `YYYY-MM-DD`.
  public mutating func date(_ object: JSONNode, _ key: String, path: String, required: Bool = false) -> ISODate? {
    guard let text = string(object, key, path: path, required: required) else { return nil }
    guard let date = ISODate(text) else {
      report(
        "expected a date written YYYY-MM-DD, found \"\(text)\"", at: object[key]?.location, path: Self.join(path, key))
      return nil
    }
    return date
  }

  /// An array of strings.
  public mutating func strings(_ object: JSONNode, _ key: String, path: String) -> [String]? {
    guard let (node, fieldPath) = value(object, key, path: path, required: false) else { return nil }
    guard let items = node.arrayValue else {
      report("expected an array of strings, found \(node.typeName)", at: node.location, path: fieldPath)
      return nil
    }
    var result: [String] = []
    for (offset, item) in items.enumerated() {
      guard let text = item.stringValue else {
        report("expected a string, found \(item.typeName)", at: item.location, path: "\(fieldPath)[\(offset)]")
        continue
      }
      result.append(text)
    }
    return result
  }
}
