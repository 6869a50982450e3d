import Foundation

extension PricingDiff {
  /// The differences as a document: a heading, the table, and closing counts.
  ///
  /// `otherHeading` names the other side's column (`source`, `overlay`).
  public func report(otherHeading: String) -> Report {
    let shown = entries.filter { $0.kind != .notInSource }
    let missing = entries.filter { $0.kind == .notInSource }
    var report = Report(title: "Pricing differences", json: json, primaryTable: "differences")
    report.append(.lines(["ftcost's built-in tables against \(otherLabel), on \(today)"]))
    var closing: [String] = []
    if shown.isEmpty {
      closing.append("no differences")
    } else {
      var table = ReportTable(
        name: "differences",
        columns: [
          .init("model", "model"), .init("provider", "provider"), .init("difference", "difference"),
          .init("field", "field"), .init("built_in", "built-in"), .init(otherHeading, otherHeading),
        ])
      for entry in shown {
        table.append([
          .text(entry.model), .text(entry.provider), .text(entry.kind.label(otherHeading: otherHeading)),
          .text(entry.field), Self.cell(entry.builtIn), Self.cell(entry.other),
        ])
      }
      report.append(.table(table))
      let models = Set(shown.map(\.model)).count
      closing.append(
        "\(shown.count) difference\(shown.count == 1 ? "" : "s") in \(models) model\(models == 1 ? "" : "s")")
      if shown.contains(where: { $0.kind == .retired }) {
        closing.append("retired: one side retires the model on or before \(today), the other shows it current")
      }
    }
    if !missing.isEmpty {
      closing.append(
        "\(missing.count) built-in model\(missing.count == 1 ? " is" : "s are") not in the \(otherHeading) (not compared): "
          + missing.map(\.model).joined(separator: ", "))
    }
    report.append(.lines(closing))
    return report
  }

  /// The JSON document: the differences, and the built-in models the other side does not list.
  public var json: JSON {
    func value(_ value: Value?) -> JSON {
      switch value {
      case .none: return .null
      case .price(let price): return .number(price)
      case .date(let date): return .string(date.description)
      case .tokens(let tokens): return .integer(tokens)
      case .text(let text): return .string(text)
      }
    }
    return .object([
      ("other", .string(otherLabel)),
      ("today", .string(today.description)),
      ("equal", .bool(!hasDifferences)),
      (
        "differences",
        .array(
          entries.filter { $0.kind != .notInSource }.map { entry in
            .object([
              ("model", .string(entry.model)), ("provider", .string(entry.provider)),
              ("kind", .string(entry.kind.rawValue)), ("field", .string(entry.field)),
              ("built_in", value(entry.builtIn)), ("other", value(entry.other)),
            ])
          })
      ),
      ("not_in_other", .array(entries.filter { $0.kind == .notInSource }.map { .string($0.model) })),
    ])
  }

  /// A value in a table cell: prices in dollars, `-` for none.
  static func cell(_ value: Value?) -> ReportCell {
    switch value {
    case .none: return .missing("-")
    case .price(let price): return .price(price, currency: "USD", mark: "")
    case .date(let date): return .date(date)
    case .tokens(let tokens): return .count(Decimal(tokens))
    case .text(let text): return .text(text)
    }
  }
}

extension PricingDiff.Kind {
  /// The words tables show; `otherHeading` names the other side.
  func label(otherHeading: String) -> String {
    switch self {
    case .price: return "price"
    case .limit: return "limit"
    case .lifecycle: return "lifecycle"
    case .retired: return "retired"
    case .added: return "only in \(otherHeading)"
    case .notInSource: return "not in \(otherHeading)"
    }
  }
}
