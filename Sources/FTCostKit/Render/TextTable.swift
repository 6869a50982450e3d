/// A table of already-formatted cells that renders as aligned text, CSV or markdown: the layout
/// step under the report renderers and the generated docs.
public struct TextTable: Sendable, Equatable {
  public enum Alignment: Sendable, Equatable { case left, right }

  public struct Column: Sendable, Equatable {
    public var title: String
    public var alignment: Alignment
    public init(_ title: String, _ alignment: Alignment = .left) {
      self.title = title
      self.alignment = alignment
    }
  }

  public var columns: [Column]
  public var rows: [[String]]

  public init(columns: [Column], rows: [[String]] = []) {
    self.columns = columns
    self.rows = rows
  }

  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// Aligned columns separated by two spaces, a dashed rule under the header.
  public func renderedText() -> String {
    let widths = columns.indices.map { index in
      max(columns[index].title.count, rows.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0)
    }
    func line(_ cells: [String]) -> String {
      let padded = columns.indices.map { index -> String in
        let cell = index < cells.count ? cells[index] : ""
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return columns[index].alignment == .right ? padding + cell : cell + padding
      }
      return String(padded.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
    }
    var lines = [line(columns.map(\.title))]
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    lines += rows.map(line)
    return lines.joined(separator: "\n") + "\n"
  }

  /// RFC 4180 CSV with a header row.
  public func renderedCSV() -> String {
    func escape(_ raw: String) -> String {
      let cell = Self.neutralizingFormula(raw)
      if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return cell
    }
    let lines = [columns.map { escape($0.title) }] + rows.map { $0.map(escape) }
    return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `@`, a tab or a carriage
  /// return, or `-` that does not begin a number or an amount) gets a leading `'`, as OWASP advises
  /// against CSV injection; numbers and amounts such as `-$12.50` stay as they are.
  static func neutralizingFormula(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first else { return cell }
    switch first {
    case "=", "+", "@", "\t", "\r":
      return "'" + cell
    case "-":
      // A lone dash is the "not applicable" cell; spreadsheets read it as text.
      let rest = cell.dropFirst().drop { $0 == "$" }
      let isAmount = rest.allSatisfy { $0.isASCII && ($0.isNumber || ",.%x".contains($0)) }
      return isAmount ? cell : "'" + cell
    default:
      return cell
    }
  }

  /// A GitHub-flavoured markdown table.
  public func renderedMarkdown() -> String {
    func escape(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
    var lines = ["| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |"]
    lines.append("|" + columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined())
    lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
    return lines.joined(separator: "\n") + "\n"
  }
}
