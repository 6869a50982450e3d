/// The shapes a command's results can be printed in; each has one `ReportRenderer`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, csv, markdown, html
}
