/// A dated fact that changed a plan's numbers: a price change, a retirement, a migration, a
/// fallback to the baseline, or a retraining that could not run.
public struct PlanEvent: Sendable, Equatable {
  public enum Kind: String, Sendable, CaseIterable {
    case priceChange = "price_change"
    case retirement
    case migration
    case fallback
    case retrainingBlocked = "retraining_blocked"
  }

  public var date: ISODate
  /// The scenario month the date falls in (1-based).
  public var month: Int
  public var kind: Kind
  /// What happened, in words.
  public var detail: String
}

/// Whether a candidate can run as written.
public enum PlanStatus: Sendable, Equatable {
  /// It runs as written for the whole horizon (migrating where its models retire).
  case feasible
  /// From `date`, inside the horizon, it is served the baseline's way, for `reason`.
  case fallsBack(on: ISODate, reason: String)
  /// It cannot start: a model or the training it needs is not available on the start date.
  case infeasible(reason: String)

  /// The word used in JSON and tables.
  public var name: String {
    switch self {
    case .feasible: return "feasible"
    case .fallsBack: return "falls_back"
    case .infeasible: return "infeasible"
    }
  }

  /// Why a plan cannot run, or from when it falls back, in words; `nil` when it runs as written.
  public var reason: String? {
    switch self {
    case .feasible: return nil
    case .fallsBack(let date, let reason): return "\(reason); it falls back to the baseline on \(date)"
    case .infeasible(let reason): return reason
    }
  }
}
