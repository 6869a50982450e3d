/// Turns a report into the text of one output format.
public protocol ReportRenderer: Sendable {
  func render(_ report: Report, options: RenderOptions) throws(ReportError) -> String
}

/// What every renderer needs besides the report.
public struct RenderOptions: Sendable, Equatable {
  /// Currency and rounding of the amounts shown.
  public var money: MoneyFormat
  /// Bold the verdict (a colour terminal).
  public var emphasis: Bool
  /// Only this table (`--table NAME`); `nil` for the whole report (CSV: its primary table).
  public var table: String?

  public init(money: MoneyFormat = MoneyFormat(), emphasis: Bool = false, table: String? = nil) {
    self.money = money
    self.emphasis = emphasis
    self.table = table
  }
}

/// Why a report cannot be rendered as asked.
public enum ReportError: Error, Equatable, Sendable {
  /// `--table` names no table of this report; `available` lists those it has.
  case unknownTable(String, available: [String])
  /// `--table` names several tables (one per candidate); the caller narrows the report first.
  case ambiguousTable(String, count: Int)
  /// The format needs a table and the report has none.
  case noTable
}

extension OutputFormat {
  /// The renderer of this format: a new format is one new case here and one new renderer.
  public var renderer: any ReportRenderer {
    switch self {
    case .table: return TextRenderer()
    case .markdown: return MarkdownRenderer()
    case .csv: return CSVRenderer()
    case .json: return JSONRenderer()
    case .html: return HTMLRenderer()
    }
  }
}

extension Report {
  /// The report in `format`.
  public func rendered(as format: OutputFormat, options: RenderOptions = RenderOptions()) throws(ReportError)
    -> String
  {
    try format.renderer.render(self, options: options)
  }

  /// The one table `options.table` names, or `nil` when it names none.
  func selectedTable(_ options: RenderOptions) throws(ReportError) -> ReportTable? {
    guard let name = options.table else { return nil }
    let matches = tables(named: name)
    if matches.isEmpty { throw .unknownTable(name, available: tableNames) }
    if matches.count > 1 { throw .ambiguousTable(name, count: matches.count) }
    return matches[0]
  }
}

/// `--format table`: aligned columns and sentences for a terminal.
public struct TextRenderer: ReportRenderer {
  public init() {}

  public func render(_ report: Report, options: RenderOptions) throws(ReportError) -> String {
    if let table = try report.selectedTable(options) { return table.textTable(options.money).renderedText() }
    let chunks = report.blocks.compactMap { chunk($0, options) }
    return chunks.joined(separator: "\n")
  }

  /// A block's text, ending in a newline; `nil` for what a terminal does not show.
  func chunk(_ block: ReportBlock, _ options: RenderOptions) -> String? {
    switch block {
    case .lines(let lines), .notes(let lines):
      return lines.isEmpty ? nil : lines.map { $0 + "\n" }.joined()
    case .heading(let title):
      return title + "\n"
    case .table(let table):
      guard !table.isDetail else { return nil }
      return (table.title.map { $0 + ":\n" } ?? "") + table.textTable(options.money).renderedText()
    case .list(let title, let items):
      return items.isEmpty ? nil : title + ":\n" + items.map { "  \($0)\n" }.joined()
    case .events(let title, let events):
      return events.isEmpty ? nil : title + ":\n" + events.map { "  \($0.line)\n" }.joined()
    case .verdict(let text):
      return (options.emphasis ? "\u{1B}[1m\(text)\u{1B}[0m" : text) + "\n"
    case .preformatted(let text):
      return text.hasSuffix("\n") ? text : text + "\n"
    case .warnings, .figure, .command:
      return nil
    }
  }
}

/// `--format markdown`: GitHub-flavoured tables under bold titles, sentences as paragraphs.
public struct MarkdownRenderer: ReportRenderer {
  public init() {}

  public func render(_ report: Report, options: RenderOptions) throws(ReportError) -> String {
    if let table = try report.selectedTable(options) { return table.textTable(options.money).renderedMarkdown() }
    return report.blocks.compactMap { chunk($0, options) }.joined(separator: "\n")
  }

  func chunk(_ block: ReportBlock, _ options: RenderOptions) -> String? {
    switch block {
    case .lines(let lines), .notes(let lines):
      return lines.isEmpty ? nil : lines.map { $0 + "\n" }.joined(separator: "\n")
    case .heading(let title):
      return "## \(title)\n"
    case .table(let table):
      return (table.title.map { "**\($0)**\n\n" } ?? "") + table.textTable(options.money).renderedMarkdown()
    case .list(let title, let items):
      // A titled list is a section of the document.
      return items.isEmpty ? nil : "## \(title)\n\n" + items.map { "- \($0)\n" }.joined()
    case .events(let title, let events):
      guard !events.isEmpty else { return nil }
      return "**\(title)**\n\n" + ReportEvent.table(events).textTable(options.money).renderedMarkdown()
    case .verdict(let text):
      return text + "\n"
    case .preformatted(let text):
      return "```\n" + (text.hasSuffix("\n") ? text : text + "\n") + "```\n"
    case .warnings, .figure, .command:
      return nil
    }
  }
}

/// `--format csv`: one table per run (RFC 4180, CRLF line ends), plain numbers and ISO dates under a
/// header whose names carry their units.
public struct CSVRenderer: ReportRenderer {
  public init() {}

  public func render(_ report: Report, options: RenderOptions) throws(ReportError) -> String {
    let table: ReportTable
    if let selected = try report.selectedTable(options) {
      table = selected
    } else if let name = report.primaryTable, let primary = report.tables(named: name).first {
      let count = report.tables(named: name).count
      if count > 1 { throw .ambiguousTable(name, count: count) }
      table = primary
    } else if let first = report.tables.first {
      table = first
    } else {
      throw .noTable
    }
    return Self.csv(table, rule: options.money.rounding)
  }

  /// `table` as RFC 4180 CSV: a header of column keys, then one line per row, CRLF line ends; a
  /// cell a spreadsheet would run as a formula is neutralised with a leading `'`.
  public static func csv(_ table: ReportTable, rule: RoundingRule) -> String {
    let shown = table.visibleColumns(for: .data)
    func escape(_ raw: String) -> String {
      let cell = TextTable.neutralizingFormula(raw)
      if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return cell
    }
    var lines = [shown.map { escape(table.columns[$0].key) }.joined(separator: ",")]
    for row in table.rows {
      lines.append(shown.map { escape($0 < row.count ? row[$0].csvValue(rule: rule) : "") }.joined(separator: ","))
    }
    return lines.map { $0 + "\r\n" }.joined()
  }
}

/// `--format json`: the report's JSON contract, unrounded.
public struct JSONRenderer: ReportRenderer {
  public init() {}

  public func render(_ report: Report, options: RenderOptions) throws(ReportError) -> String {
    report.json.rendered() + "\n"
  }
}
