import Foundation

/// The figure of a candidate that sensitivity moves and simulation spreads.
public enum OutcomeMetric: String, Sendable, CaseIterable {
  case netBenefit = "net_benefit"
  case npv
  case paybackMonths = "payback_months"

  /// The figure, `nil` for a payback that never comes (or a candidate that cannot run).
  public func value(_ figures: CandidateFigures?) -> Decimal? {
    guard let figures else { return nil }
    switch self {
    case .netBenefit: return figures.netBenefit
    case .npv: return figures.npv
    case .paybackMonths: return figures.paybackMonths
    }
  }

  /// The figure as the fast evaluation ranks it, `nil` for a payback that never comes.
  func value(_ figures: FastEvaluation.Figures) -> Double? {
    switch self {
    case .netBenefit: return figures.netBenefit
    case .npv: return figures.npv
    case .paybackMonths: return figures.paybackMonths
    }
  }

  /// True when a higher value is better (less is better for payback).
  public var higherIsBetter: Bool {
    switch self {
    case .netBenefit, .npv: return true
    case .paybackMonths: return false
    }
  }

  /// The label people read.
  public var title: String {
    switch self {
    case .netBenefit: return "net benefit"
    case .npv: return "NPV"
    case .paybackMonths: return "payback"
    }
  }

  /// True for money figures.
  public var isMoney: Bool { self != .paybackMonths }
}
