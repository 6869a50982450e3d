import Foundation

/// Every amount a scenario's reports show, rounded to cents once so that each table foots and a
/// figure shown in two tables shows the same both times.
///
/// The baseline's month-0 one-time cost and its months foot to its rounded total cost of
/// ownership (largest remainder). A candidate's cash-flow table (one-time components in month 0,
/// running components in months 1 … H) foots both ways to its rounded total cost of ownership
/// (`ControlledRounding`); its savings are the baseline's shown costs less its own, so its net
/// benefit is the baseline's shown total less its own; its discounted savings foot to the rounded
/// NPV, month 0 being the shown investment.
struct ScenarioFooting {
  /// One plan's shown costs.
  struct Plan {
    /// Month 0 (the one-time cost I) then months 1 … H.
    var months: [Decimal]
    /// The same months by component: month 0 by one-time component, the others by running
    /// component (empty for the baseline, whose components no table shows).
    var oneTimeParts: OneTimeCosts
    var runningParts: [ComponentAmounts]
    /// I + Σ months: the total cost of ownership over the horizon.
    var total: Decimal

    var oneTime: Decimal { months[0] }
    var running: Decimal { months.dropFirst().reduce(0, +) }
  }

  /// A candidate's shown figures against the baseline.
  struct Candidate {
    var plan: Plan
    /// Months 0 … H: the baseline's shown cost less the candidate's (month 0 is −ΔI).
    var savings: [Decimal]
    /// Months 0 … H, footing to the rounded NPV.
    var discounted: [Decimal]
    var npv: Decimal
    var investment: Decimal { -savings[0] }
    var net: Decimal { savings.reduce(0, +) }
  }

  let baseline: Plan
  /// By candidate name; only candidates that can run.
  let candidates: [String: Candidate]

  init(result: ScenarioResult, rule: RoundingRule) {
    let base = result.baseline
    let baselineMonths = [base.cost.oneTimeCost] + base.monthlyCost
    let baselineTotal = Footing.rounded(base.totalCost, rule: rule)
    let baselineShown = Footing.allocate(baselineMonths, to: baselineTotal, rule: rule)
    baseline = Plan(months: baselineShown, oneTimeParts: OneTimeCosts(), runningParts: [], total: baselineTotal)
    var candidates: [String: Candidate] = [:]
    for candidate in result.candidates {
      guard let figures = candidate.figures else { continue }
      let plan = Self.plan(figures, rule: rule)
      let savings = zip(baselineShown, plan.months).map { $0 - $1 }
      let flows = CashFlows(figures: figures, discountRateAnnual: result.scenario.discountRateAnnual)
      let npv = Footing.rounded(figures.npv, rule: rule)
      let discounted = Footing.allocate(flows.discounted, to: npv, fixed: [0: savings[0]], rule: rule)
      candidates[candidate.name] = Candidate(plan: plan, savings: savings, discounted: discounted, npv: npv)
    }
    self.candidates = candidates
  }

  /// A candidate's months rounded both ways: components across, months down.
  static func plan(_ figures: CandidateFigures, rule: RoundingRule) -> Plan {
    let oneTimeCases = OneTimeComponent.allCases
    let runningCases = CostComponent.allCases
    let width = oneTimeCases.count + runningCases.count
    var grid = [oneTimeCases.map { figures.cost.oneTime[$0] } + Array(repeating: 0, count: runningCases.count)]
    for month in figures.monthlyComponents {
      grid.append(Array(repeating: 0, count: oneTimeCases.count) + runningCases.map { month[$0] })
    }
    let total = Footing.rounded(figures.totalCost, rule: rule)
    let rounded =
      ControlledRounding.round(grid, total: total, rule: rule)
      ?? ControlledRounding.Result(
        cells: grid.map { $0.map { Footing.rounded($0, rule: rule) } },
        rows: grid.map { Footing.rounded($0.reduce(0, +), rule: rule) },
        columns: (0..<width).map { column in Footing.rounded(grid.reduce(0) { $0 + $1[column] }, rule: rule) })
    var oneTime = OneTimeCosts()
    for (index, part) in oneTimeCases.enumerated() { oneTime[part] = rounded.cells[0][index] }
    let running = rounded.cells.dropFirst().map { row -> ComponentAmounts in
      var amounts = ComponentAmounts()
      for (index, part) in runningCases.enumerated() { amounts[part] = row[oneTimeCases.count + index] }
      return amounts
    }
    return Plan(
      months: rounded.cells.map { $0.reduce(0, +) }, oneTimeParts: oneTime, runningParts: running,
      total: rounded.cells.reduce(0) { $0 + $1.reduce(0, +) })
  }
}
