import Foundation

extension Advisor {
  /// Adds the numbers of the user's scenario to `advice` and flags where they disagree with it,
  /// both ways: a training path the numbers say never pays back (stay), and a path without
  /// training when a plan in the scenario pays back.
  public func backed(_ advice: Advice, by result: ScenarioResult) -> Advice {
    var advice = advice
    advice.costs = result
    let money = MoneyFormat(currency: result.currency)
    let report = ScenarioReport(result: result, money: money)
    let volume = MoneyFormat.count(result.scenario.workload.requestsPerMonth)
    let horizon = result.scenario.horizonMonths
    let said = advice.recommendation.rawValue
    if advice.recommendation.trains, let strategy = advice.recommendation.strategy {
      let matching = result.candidates.filter { $0.plan.strategy == strategy }
      let runnable = matching.compactMap { candidate in candidate.figures.map { (candidate, $0) } }
      if matching.isEmpty {
        advice.conflicts.append(
          "the scenario has no \(strategy.rawValue) candidate, so the numbers cannot confirm the recommendation; add one to the scenario"
        )
      } else if runnable.isEmpty {
        let reasons = matching.compactMap { $0.status.reason }.joined(separator: "; ")
        advice.conflicts.append(
          "\(strategy.rawValue) fits the problem, but no such plan can run as written: \(reasons); the numbers say stay"
        )
      } else if runnable.allSatisfy({ $0.1.paybackMonths == nil || $0.1.netBenefit <= 0 }) {
        let best = runnable.max { $0.1.netBenefit < $1.1.netBenefit }
        let net = best.map { " (\($0.0.name): net \(money.total($0.1.netBenefit)))" } ?? ""
        advice.conflicts.append(
          "\(strategy.rawValue) fits the problem, but at \(volume) requests a month it never pays back in \(horizon) months\(net); the numbers say stay"
        )
      } else if let best = result.best, let bestFigures = best.figures, best.plan.strategy != strategy,
        let mine = runnable.max(by: { $0.1.netBenefit < $1.1.netBenefit }), bestFigures.netBenefit > mine.1.netBenefit
      {
        advice.conflicts.append(
          "\(best.name) (\(best.plan.strategy.rawValue)) saves more over \(horizon) months (\(money.total(bestFigures.netBenefit)) against \(money.total(mine.1.netBenefit)))"
        )
      }
    } else if let best = result.best, let figures = best.figures, best.plan.strategy.trains || figures.investment > 0 {
      advice.conflicts.append(
        "the advice says \(said), but \(best.name) (\(best.plan.strategy.rawValue)) pays back in \(report.payback(figures.paybackMonths)) and saves \(money.total(figures.netBenefit)) over \(horizon) months at \(volume) requests a month"
      )
    }
    return advice
  }
}
