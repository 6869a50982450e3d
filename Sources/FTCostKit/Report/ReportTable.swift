/// A table of typed cells in a report: a grid of rows, or records shown one column each.
public struct ReportTable: Sendable, Equatable {
  /// How people see the rows (CSV and JSON always get one row per record).
  public enum Layout: Sendable, Equatable {
    /// Rows as rows, columns as columns.
    case grid
    /// Each row is a record of measures, shown turned: one line per column, one column per
    /// record (`measure | value`), as a statement reads.
    case record
  }

  /// Which renderers show a column.
  public enum Audience: Sendable, Equatable {
    /// Every format.
    case everyone
    /// Table, markdown and HTML only.
    case people
    /// CSV only (what a spreadsheet needs and people read elsewhere, such as a flag column).
    case data
  }

  /// One column: its CSV name (with its unit, `investment_usd`) and the label people read.
  public struct Column: Sendable, Equatable {
    /// The CSV header: snake case, its unit in the name.
    public var key: String
    /// The header (or, in a record, the line label) people read.
    public var label: String
    /// 0 for a figure, 1 for a part of the figure above it (indented when shown).
    public var level: Int
    public var audience: Audience
    /// Right-aligned whatever its cells hold (a column of `a / b` prices); else numbers align
    /// right and words left.
    public var alignsRight: Bool

    public init(
      _ key: String, _ label: String, level: Int = 0, audience: Audience = .everyone, alignsRight: Bool = false
    ) {
      self.key = key
      self.label = label
      self.level = level
      self.audience = audience
      self.alignsRight = alignsRight
    }
  }

  /// The name `--table` selects it by, and its CSV identity (`cashflow`, `events`).
  public var name: String
  /// A heading in markdown and HTML (and in text for detail tables shown there).
  public var title: String?
  public var columns: [Column]
  public var rows: [[ReportCell]]
  public var layout: Layout
  /// A table the terminal view leaves out (long month-by-month detail); markdown, CSV and HTML
  /// show it.
  public var isDetail: Bool
  /// A total row people see under the rows (CSV leaves it out: a column of a spreadsheet sums
  /// itself).
  public var totals: [ReportCell]?
  /// In a record layout with several records, the header of each record's column.
  public var recordTitles: [String]

  public init(
    name: String, title: String? = nil, columns: [Column], rows: [[ReportCell]] = [], layout: Layout = .grid,
    isDetail: Bool = false, totals: [ReportCell]? = nil, recordTitles: [String] = []
  ) {
    self.name = name
    self.title = title
    self.columns = columns
    self.rows = rows
    self.layout = layout
    self.isDetail = isDetail
    self.totals = totals
    self.recordTitles = recordTitles
  }

  public mutating func append(_ row: [ReportCell]) {
    rows.append(row)
  }

  /// The indexes of the columns `audience` sees.
  func visibleColumns(for audience: Audience) -> [Int] {
    columns.indices.filter { columns[$0].audience == .everyone || columns[$0].audience == audience }
  }

  /// The table as aligned text cells for people: turned when it is a record table.
  ///
  /// Numbers align right; in a record, the labels left and the values right; parts of a figure
  /// are indented two spaces.
  func textTable(_ money: MoneyFormat) -> TextTable {
    let shown = visibleColumns(for: .people)
    switch layout {
    case .grid:
      let alignments = shown.map { index -> TextTable.Alignment in
        let cells = rows.map { index < $0.count ? $0[index] : .missing("") } + (totals.map { [$0[index]] } ?? [])
        return columns[index].alignsRight || cells.contains(where: \.isNumeric) ? .right : .left
      }
      var table = TextTable(columns: zip(shown, alignments).map { .init(columns[$0].label, $1) })
      for row in rows { table.append(shown.map { $0 < row.count ? row[$0].display(money) : "" }) }
      if let totals { table.append(shown.map { $0 < totals.count ? totals[$0].display(money) : "" }) }
      return table
    case .record:
      let headers =
        rows.count == 1 || recordTitles.count != rows.count ? rows.indices.map { _ in "value" } : recordTitles
      var table = TextTable(columns: [.init("measure")] + headers.map { .init($0, .right) })
      for index in shown {
        let column = columns[index]
        let label = String(repeating: "  ", count: column.level) + column.label
        table.append([label] + rows.map { index < $0.count ? $0[index].display(money) : "" })
      }
      return table
    }
  }
}
