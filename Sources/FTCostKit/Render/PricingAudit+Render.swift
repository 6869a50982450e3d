import Foundation

extension PricingAudit {
  /// The audit as a document: the findings, worst first, then a closing count.
  public var report: Report {
    var report = Report(title: "Pricing audit on \(today)", json: json, primaryTable: "findings")
    if !findings.isEmpty {
      var table = ReportTable(
        name: "findings",
        columns: [
          .init("severity", "severity"), .init("check", "check"), .init("model", "model"),
          .init("finding", "finding"),
        ])
      for finding in findings {
        table.append([
          .text(finding.severity.rawValue), .text(finding.check.rawValue), .text(finding.subject),
          .text(finding.message),
        ])
      }
      report.append(.table(table))
    }
    let counts = Severity.allCases.map { severity -> String in
      let count = findings.filter { $0.severity == severity }.count
      return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
    }
    report.append(
      .lines([
        (hasErrors ? "failed" : "ok")
          + ": \(counts.joined(separator: ", ")) in \(modelCount) model\(modelCount == 1 ? "" : "s") on \(today)"
      ]))
    return report
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
