/// The shapes a command's results can be printed in.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, csv, markdown
}
