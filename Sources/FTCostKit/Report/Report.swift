import Foundation

/// What a command found, as a document: titles, lines, tables of typed cells, notes, warnings,
/// events and figures, plus the JSON contract.
///
/// A command builds one in the library; one renderer per `OutputFormat` turns it into text, so a
/// new format is one new renderer and every command gets it.
public struct Report: Sendable, Equatable {
  /// What the document is about (a scenario's name, a model); the HTML page's title.
  public var title: String
  public var blocks: [ReportBlock]
  /// The machine-readable form, with unrounded numbers (`--format json`).
  public var json: JSON
  /// The table CSV prints when `--table` names none; the first table when `nil`.
  public var primaryTable: String?
  /// The ISO 4217 code of the amounts in money cells.
  public var currency: String

  public init(
    title: String, blocks: [ReportBlock] = [], json: JSON, primaryTable: String? = nil, currency: String = "USD"
  ) {
    self.title = title
    self.blocks = blocks
    self.json = json
    self.primaryTable = primaryTable
    self.currency = currency
  }

  /// Every table, in document order.
  public var tables: [ReportTable] {
    blocks.compactMap { block in
      switch block {
      case .table(let table): return table
      case .events(let title, let events): return events.isEmpty ? nil : ReportEvent.table(events, title: title)
      default: return nil
      }
    }
  }

  /// The names `--table` accepts, each once, in document order.
  public var tableNames: [String] {
    var seen = Set<String>()
    return tables.map(\.name).filter { seen.insert($0).inserted }
  }

  /// The tables named `name`.
  public func tables(named name: String) -> [ReportTable] {
    tables.filter { $0.name == name }
  }

  public mutating func append(_ block: ReportBlock) {
    blocks.append(block)
  }
}

/// One part of a report.
public enum ReportBlock: Sendable, Equatable {
  /// Lines of text as they are (a heading line, a summary sentence).
  case lines([String])
  /// A section heading.
  case heading(String)
  case table(ReportTable)
  /// A titled list of sentences (`Self-hosting:`), shown as indented lines or bullets.
  case list(title: String, items: [String])
  /// Dated events, listed under a table; a table of their own in CSV, markdown and HTML.
  case events(title: String, [ReportEvent])
  /// Sentences under a table (why a plan falls back, which prices came from an overlay).
  case notes([String])
  /// Warnings: on standard error for the terminal formats, so only HTML shows them.
  case warnings([String])
  /// The conclusion, emphasised.
  case verdict(String)
  /// A chart; only HTML shows it.
  case figure(ReportFigure)
  /// Text shown exactly as it is, in a fixed-width font (a decision tree, a diagram).
  case preformatted(String)
  /// The command line that produced the report; only HTML shows it.
  case command(String)
}

/// A chart in a report: a standalone SVG document and what it shows, in words.
public struct ReportFigure: Sendable, Equatable {
  public var title: String
  public var svg: String

  public init(title: String, svg: String) {
    self.title = title
    self.svg = svg
  }
}

/// A dated event a plan met, as reports list it.
public struct ReportEvent: Sendable, Equatable {
  public var plan: String
  public var event: PlanEvent

  public init(plan: String, event: PlanEvent) {
    self.plan = plan
    self.event = event
  }

  /// "2027-01-14 (month 2) Plan: fallback: why".
  public var line: String {
    "\(event.date) (month \(event.month)) \(plan): \(event.kind.rawValue): \(event.detail)"
  }

  /// The events as a table: date, month, plan, event, detail.
  public static func table(_ events: [ReportEvent], title: String = "Events") -> ReportTable {
    ReportTable(
      name: "events", title: title,
      columns: [
        .init("date", "date"), .init("month", "month"), .init("plan", "plan"), .init("event", "event"),
        .init("detail", "detail"),
      ],
      rows: events.map { item in
        [
          .date(item.event.date), .count(Decimal(item.event.month)), .text(item.plan),
          .text(item.event.kind.rawValue), .text(item.event.detail),
        ]
      })
  }
}
