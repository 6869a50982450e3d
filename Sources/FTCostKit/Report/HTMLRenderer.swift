/// `--format html` and `ftcost report`: one self-contained page (inline CSS and SVG, nothing
/// loaded from anywhere, no scripts) that reads well on a phone and prints on A4 or Letter.
public struct HTMLRenderer: ReportRenderer {
  public init() {}

  public func render(_ report: Report, options: RenderOptions) throws(ReportError) -> String {
    var body = ""
    if let table = try report.selectedTable(options) {
      body = Self.table(table, options)
    } else {
      body = report.blocks.map { Self.block($0, report: report, options) }.joined()
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="ftcost">
      <title>\(Self.escape(report.title))</title>
      <style>
      \(Self.style)</style>
      </head>
      <body>
      <main>
      <h1>\(Self.escape(report.title))</h1>

      """ + body + "</main>\n</body>\n</html>\n"
  }

  static let style = """
    :root { color-scheme: light; }
    body { margin: 0; background: #fff; color: #1a1a1a; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
    h1 { font-size: 1.6em; margin: 0 0 .3em; }
    h2 { font-size: 1.25em; margin: 1.8em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid #d0d7de; }
    h3 { font-size: 1.02em; margin: 1.3em 0 .4em; }
    p { margin: .35em 0; }
    .lead { color: #444; }
    .verdict { margin: 1em 0; padding: .7em 1em; background: #eef6ee; border-left: 5px solid #2e7d32; font-weight: 600; }
    .warnings { margin: 1em 0; padding: .5em 1em; background: #fff7e0; border-left: 5px solid #c98a00; }
    .warnings h3 { margin: .3em 0; }
    .warnings ul { margin: .3em 0; padding-left: 1.2em; }
    .note { color: #444; }
    .scroll { overflow-x: auto; margin: .3em 0 .8em; }
    table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
    th, td { padding: 3px 8px; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
    th { background: #f3f5f7; font-weight: 600; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    td.word { white-space: nowrap; }
    tr.part td:first-child { padding-left: 22px; color: #444; }
    tfoot td { font-weight: 600; border-top: 2px solid #888; }
    figure { margin: 1em 0; }
    figure svg { display: block; width: 100%; max-width: 860px; height: auto; }
    figcaption { color: #555; font-size: .9em; }
    pre { background: #f6f8fa; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
    footer { margin-top: 2.5em; color: #555; font-size: .9em; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      main { padding: 12px 10px 28px; }
      table { font-size: 12px; }
      th, td { padding: 2px 5px; }
    }
    @media print {
      @page { margin: 12mm; }
      body { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      .scroll { overflow: visible; }
      table { font-size: 7.5pt; width: 100%; }
      th, td { padding: 1px 4px; }
      thead { display: table-header-group; }
      tr, figure, .verdict, .warnings { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      figure svg { max-width: 100%; }
    }

    """

  /// `text` with markup characters as entities and control characters as visible escapes.
  static func escape(_ text: String) -> String { ChartText.escape(text) }

  static func block(_ block: ReportBlock, report: Report, _ options: RenderOptions) -> String {
    switch block {
    case .lines(let lines):
      let shown = lines.first == report.title ? Array(lines.dropFirst()) : lines
      return shown.map { "<p class=\"lead\">\(escape($0))</p>\n" }.joined()
    case .heading(let title):
      return "<h2>\(escape(title))</h2>\n"
    case .table(let table):
      return Self.table(table, options)
    case .list(let title, let items):
      guard !items.isEmpty else { return "" }
      return "<h3>\(escape(title))</h3>\n<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    case .events(let title, let events):
      guard !events.isEmpty else { return "" }
      return Self.table(ReportEvent.table(events, title: title), options)
    case .notes(let lines):
      return lines.map { "<p class=\"note\">\(escape($0))</p>\n" }.joined()
    case .warnings(let lines):
      guard !lines.isEmpty else { return "" }
      return "<div class=\"warnings\" role=\"note\">\n<h3>Warnings</h3>\n<ul>\n"
        + lines.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n</div>\n"
    case .verdict(let text):
      return "<p class=\"verdict\">\(escape(text))</p>\n"
    case .figure(let figure):
      // Inline SVG needs no namespace declaration inside HTML.
      let svg = figure.svg.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
      return "<figure role=\"img\" aria-label=\"\(escape(figure.title))\">\n" + svg
        + "<figcaption>\(escape(figure.title))</figcaption>\n</figure>\n"
    case .preformatted(let text):
      return "<pre>\(escape(text))</pre>\n"
    case .command(let command):
      return "<footer>\n<p>Produced by this command:</p>\n<pre><code>\(escape(command))</code></pre>\n</footer>\n"
    }
  }

  static func table(_ table: ReportTable, _ options: RenderOptions) -> String {
    var html = table.title.map { "<h3>\(escape($0))</h3>\n" } ?? ""
    html += "<div class=\"scroll\">\n<table>\n"
    let shown = table.visibleColumns(for: .people)
    func cell(_ value: ReportCell, right: Bool = false) -> String {
      let text = value.display(options.money)
      // A word such as a model id or a date is never broken at its hyphens.
      let word = !text.contains(" ") && text.count <= 40
      let style = value.isNumeric || right ? " class=\"num\"" : word ? " class=\"word\"" : ""
      return "<td\(style)>\(escape(text))</td>"
    }
    switch table.layout {
    case .grid:
      let numeric = shown.map { index in
        table.columns[index].alignsRight || table.rows.contains { index < $0.count && $0[index].isNumeric }
      }
      html += "<thead><tr>"
      html += zip(shown, numeric).map { "<th\($1 ? " class=\"num\"" : "")>\(escape(table.columns[$0].label))</th>" }
        .joined()
      html += "</tr></thead>\n<tbody>\n"
      for row in table.rows {
        html +=
          "<tr>" + zip(shown, numeric).map { cell($0 < row.count ? row[$0] : .missing(""), right: $1) }.joined()
          + "</tr>\n"
      }
      html += "</tbody>\n"
      if let totals = table.totals {
        html +=
          "<tfoot><tr>"
          + zip(shown, numeric).map { cell($0 < totals.count ? totals[$0] : .missing(""), right: $1) }
          .joined()
          + "</tr></tfoot>\n"
      }
    case .record:
      let titles =
        table.rows.count == 1 || table.recordTitles.count != table.rows.count
        ? table.rows.map { _ in "value" } : table.recordTitles
      html +=
        "<thead><tr><th>measure</th>" + titles.map { "<th class=\"num\">\(escape($0))</th>" }.joined()
        + "</tr></thead>\n<tbody>\n"
      for index in shown {
        let column = table.columns[index]
        html += "<tr\(column.level > 0 ? " class=\"part\"" : "")><td>\(escape(column.label))</td>"
        html += table.rows.map { cell(index < $0.count ? $0[index] : .missing(""), right: true) }.joined() + "</tr>\n"
      }
      html += "</tbody>\n"
    }
    return html + "</table>\n</div>\n"
  }
}
