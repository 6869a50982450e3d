import Foundation

/// A JSON value built by ftcost for output, with keys kept in the order they were added.
public indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Decimal)
  case integer(Int64)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (lhs: JSON, rhs: JSON) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  /// A number, or `null` when there is none.
  public static func number(_ value: Decimal?) -> JSON {
    value.map { .number($0) } ?? .null
  }

  /// A string, or `null` when there is none.
  public static func string(_ value: String?) -> JSON {
    value.map { .string($0) } ?? .null
  }

  /// Deterministic text: two-space indentation, keys in insertion order, exact decimals.
  public func rendered(indent: Int = 0, pretty: Bool = true) -> String {
    var output = ""
    write(to: &output, indent: indent, pretty: pretty)
    return output
  }

  private func write(to output: inout String, indent: Int, pretty: Bool) {
    let newline = pretty ? "\n" : ""
    let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
    let closePad = pretty ? String(repeating: "  ", count: indent) : ""
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    // A non-finite decimal has no JSON form; the engine refuses such results, this keeps the
    // output valid JSON whatever happens.
    case .number(let value): output += value.isFinite ? value.jsonText : "null"
    case .integer(let value): output += String(value)
    case .string(let value): output += JSON.quoted(value)
    case .array(let items):
      if items.isEmpty { output += "[]"; return }
      // Arrays of scalars stay on one line: monthly figures read better that way.
      let scalars = items.allSatisfy {
        if case .array = $0 { return false }; if case .object = $0 { return false }; return true
      }
      if scalars {
        output += "[" + items.map { $0.rendered(pretty: false) }.joined(separator: pretty ? ", " : ",") + "]"
        return
      }
      output += "[" + newline
      for (offset, item) in items.enumerated() {
        output += pad
        item.write(to: &output, indent: indent + 1, pretty: pretty)
        output += (offset == items.count - 1 ? "" : ",") + newline
      }
      output += closePad + "]"
    case .object(let members):
      if members.isEmpty { output += "{}"; return }
      output += "{" + newline
      for (offset, member) in members.enumerated() {
        output += pad + JSON.quoted(member.0) + (pretty ? ": " : ":")
        member.1.write(to: &output, indent: indent + 1, pretty: pretty)
        output += (offset == members.count - 1 ? "" : ",") + newline
      }
      output += closePad + "}"
    }
  }

  /// `text` as a JSON string literal, escaping only what JSON requires.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        // Control characters (C0, DEL and C1) are escaped so no JSON string can drive a terminal.
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
