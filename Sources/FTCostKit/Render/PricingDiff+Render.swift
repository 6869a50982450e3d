import Foundation

extension PricingDiff {
  /// The differences as a table (text, markdown or CSV), with a heading and a closing count.
  ///
  /// `otherHeading` names the other side's column (`source`, `overlay`).
  public func rendered(as format: OutputFormat, otherHeading: String) -> String {
    if format == .json { return json.rendered() + "\n" }
    let shown = entries.filter { $0.kind != .notInSource }
    let missing = entries.filter { $0.kind == .notInSource }
    var text = "ftcost's built-in tables against \(otherLabel), on \(today)\n\n"
    if shown.isEmpty {
      text += "no differences\n"
    } else {
      var table = TextTable(columns: [
        .init("model"), .init("provider"), .init("difference"), .init("field"), .init("built-in", .right),
        .init(otherHeading, .right),
      ])
      for entry in shown {
        table.append([
          entry.model, entry.provider, entry.kind.label(otherHeading: otherHeading), entry.field,
          Self.cell(entry.builtIn),
          Self.cell(entry.other),
        ])
      }
      text += table.rendered(as: format)
      let models = Set(shown.map(\.model)).count
      text +=
        "\n\(shown.count) difference\(shown.count == 1 ? "" : "s") in \(models) model\(models == 1 ? "" : "s")\n"
      if shown.contains(where: { $0.kind == .retired }) {
        text += "retired: one side retires the model on or before \(today), the other shows it current\n"
      }
    }
    if !missing.isEmpty {
      text +=
        "\(missing.count) built-in model\(missing.count == 1 ? " is" : "s are") not in the \(otherHeading) (not compared): "
        + missing.map(\.model).joined(separator: ", ") + "\n"
    }
    return text
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
  static func cell(_ value: Value?) -> String {
    switch value {
    case .none: return "-"
    case .price(let price): return MoneyFormat().price(price)
    case .date(let date): return date.description
    case .tokens(let tokens): return MoneyFormat.grouped(Decimal(tokens))
    case .text(let text): return text
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
