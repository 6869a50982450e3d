import Foundation

/// Checks of pricing tables against a day: what is retired, retiring, stale or unconfirmed.
///
/// Errors are contradictions a plan would trip over: an overlay showing as current a model the
/// built-in tables retire, a model that serves today naming a retired successor, a price change
/// dated on or after the model's retirement. Warnings are facts a planner should see before
/// they bite: retirements and fine-tuning cut-offs within 90 days, a successor that retires no
/// later than the model it replaces, fine-tuning prices of a model that takes no new jobs.
/// Notes: prices checked more than 180 days ago, values no primary source confirms.
public struct PricingAudit: Sendable {
  /// How much a finding matters; only errors fail the audit.
  public enum Severity: String, Sendable, CaseIterable, Comparable {
    case error, warning, note

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  /// What a finding is about.
  public enum Check: String, Sendable, CaseIterable {
    case retiredListedCurrent = "retired-listed-current"
    case retiredSuccessor = "retired-successor"
    case priceChangeAfterRetirement = "price-change-after-retirement"
    case retiresSoon = "retires-soon"
    case successorRetiresFirst = "successor-retires-first"
    case fineTuningClosed = "fine-tuning-closed"
    case stale
    case unconfirmed

    public var severity: Severity {
      switch self {
      case .retiredListedCurrent, .retiredSuccessor, .priceChangeAfterRetirement: return .error
      case .retiresSoon, .successorRetiresFirst, .fineTuningClosed: return .warning
      case .stale, .unconfirmed: return .note
      }
    }
  }

  /// One finding about one model (or one table).
  public struct Finding: Sendable, Equatable {
    public var check: Check
    /// The model id, or the table's file for a finding about a whole table.
    public var subject: String
    public var file: String
    public var message: String

    public var severity: Severity { check.severity }
  }

  /// Retirements this many days ahead or fewer are warned about.
  public static let soonDays = 90

  public var today: ISODate
  public var findings: [Finding]
  public var modelCount: Int

  /// True when an error-level finding was made.
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Audits `catalog` on `today`; `reference` holds the built-in models an overlay is checked
  /// against (empty when the built-in tables themselves are audited).
  public static func audit(_ catalog: PricingCatalog, reference: [ModelPricing] = [], today: ISODate) -> PricingAudit {
    var findings: [Finding] = []
    func add(_ check: Check, _ model: ModelPricing, _ message: String) {
      findings.append(Finding(check: check, subject: model.id, file: model.origin.file, message: message))
    }
    for table in catalog.tables {
      let age = table.asOf.days(to: today)
      if age > PricingTable.staleAfterDays {
        findings.append(
          Finding(
            check: .stale, subject: table.file, file: table.file,
            message: "the table's as_of is \(table.asOf), \(age) days before \(today)"))
      }
    }
    for model in catalog.models {
      let retired = model.isRetired(on: today)
      if let builtIn = reference.first(where: { $0.id == model.id }), !model.origin.isBuiltIn,
        let date = builtIn.deprecationDate, date <= today, !retired
      {
        add(
          .retiredListedCurrent, model,
          "retired on \(date) per \(builtIn.origin.file), but \(model.origin.file) lists it as "
            + (model.deprecationDate.map { "retiring on \($0)" } ?? "current"))
      }
      if let name = model.successor, let successor = try? catalog.model(named: name) {
        if !retired, let date = successor.deprecationDate, date <= today {
          add(.retiredSuccessor, model, "names \(successor.id) as its successor, which retired on \(date)")
        } else if !retired, let date = successor.deprecationDate, let own = model.deprecationDate, date <= own {
          add(
            .successorRetiresFirst, model,
            "retires on \(own) and names \(successor.id) as its successor, which retires on \(date): a migration there lands on a retired model"
          )
        }
      }
      if let date = model.deprecationDate {
        for change in model.priceChanges where change.effectiveFrom >= date {
          add(
            .priceChangeAfterRetirement, model,
            "has a price change on \(change.effectiveFrom), on or after it retires on \(date)")
        }
      }
      findings += soon(model, today: today).map {
        Finding(check: .retiresSoon, subject: model.id, file: model.origin.file, message: $0)
      }
      if !retired, model.fineTuning != nil, let reason = model.trainingUnavailableReason(on: today) {
        add(.fineTuningClosed, model, "lists fine-tuning prices but takes no new jobs: \(reason)")
      }
      let age = model.asOf.days(to: today)
      if age > PricingTable.staleAfterDays {
        add(.stale, model, "prices as of \(model.asOf), \(age) days before \(today)")
      }
      if !model.unconfirmed.isEmpty {
        let paths = model.unconfirmed.contains("*") ? "every value" : model.unconfirmed.joined(separator: ", ")
        add(.unconfirmed, model, "no primary source confirms: \(paths)")
      }
    }
    let ordered = findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
    return PricingAudit(today: today, findings: ordered.map(\.element), modelCount: catalog.models.count)
  }

  /// The retirements and fine-tuning cut-offs of `model` within `soonDays` after `today`.
  static func soon(_ model: ModelPricing, today: ISODate) -> [String] {
    func within(_ date: ISODate?) -> Int? {
      guard let date else { return nil }
      let days = today.days(to: date)
      return days > 0 && days <= soonDays ? days : nil
    }
    func inDays(_ days: Int) -> String { "in \(days) day\(days == 1 ? "" : "s")" }
    var messages: [String] = []
    if let days = within(model.deprecationDate), let date = model.deprecationDate {
      messages.append("retires on \(date) (\(inDays(days)))")
    }
    if model.fineTuning != nil, !model.isRetired(on: today) {
      let stop = model.stopsServing(fineTuned: true)
      if stop != model.deprecationDate, let days = within(stop), let stop {
        messages.append("its fine-tuned models stop serving on \(stop) (\(inDays(days)))")
      }
      if model.acceptsTraining(on: today), let until = model.fineTuningNewJobsUntil, let days = within(until) {
        messages.append("takes its last new fine-tuning jobs on \(until) (\(inDays(days)))")
      }
    }
    return messages
  }
}
