import Foundation

extension PricingAudit {
  /// The findings as a table (text or markdown), worst first, with a closing count.
  public func rendered(as format: OutputFormat) -> String {
    if format == .json { return json.rendered() + "\n" }
    var text = ""
    if !findings.isEmpty {
      var table = TextTable(columns: [.init("severity"), .init("check"), .init("model"), .init("finding")])
      for finding in findings {
        table.append([finding.severity.rawValue, finding.check.rawValue, finding.subject, finding.message])
      }
      text += table.rendered(as: format) + "\n"
    }
    let counts = Severity.allCases.map { severity -> String in
      let count = findings.filter { $0.severity == severity }.count
      return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
    }
    text +=
      (hasErrors ? "failed" : "ok")
      + ": \(counts.joined(separator: ", ")) in \(modelCount) model\(modelCount == 1 ? "" : "s") on \(today)\n"
    return text
  }

  /// The JSON document: every finding, and whether the audit passed.
  public var json: JSON {
    .object([
      ("today", .string(today.description)),
      ("passed", .bool(!hasErrors)),
      ("models", .integer(Int64(modelCount))),
      (
        "findings",
        .array(
          findings.map { finding in
            .object([
              ("severity", .string(finding.severity.rawValue)), ("check", .string(finding.check.rawValue)),
              ("model", .string(finding.subject)), ("file", .string(finding.file)),
              ("message", .string(finding.message)),
            ])
          })
      ),
    ])
  }
}
