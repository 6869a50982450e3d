import Foundation
import Testing

@testable import FTCostKit

/// Cost model v2 on a calendar: proration, price changes, retirements, migrations, fallbacks,
/// blocked retraining, lead time, failures and recurring costs, each worked out by hand.
@Suite struct TimelineTests {
  let ft = #""strategy": "fine-tuning", "training_tokens": 100000, "epochs": 1"#

  /// A retirement on the 15th splits January by days.
  ///
  /// 31 days: 14 on `old` (0.01 a request) and 17 on its successor `new` (0.02): B_1 = 31,000 · (14·0.01 + 17·0.02) / 31 = 480. A price
  /// change on the same day splits the candidate the same way: 31,000 · (14·0.001 + 17·0.002) / 31.
  @Test func aMonthSplitOnItsFifteenthDayIsProratedByDays() throws {
    let result = try runTimely(
      timelyScenario(candidates: #"{"name": "c", "strategy": "prompting", "model": "changing"}"#))
    #expect(result.baseline.monthlyCost[0] == 480)
    #expect(result.baseline.monthlyCost[1] == 620)
    let figures = try result.figures(0)
    #expect(figures.monthlyCost[0] == 48)
    #expect(figures.monthlyCost[1] == 62)
    #expect(result.baseline.events.map(\.kind) == [.retirement, .migration])
    #expect(result.baseline.events.allSatisfy { $0.date == ISODate("2027-01-15") && $0.month == 1 })
    #expect(result.candidates[0].events.map(\.kind) == [.priceChange])
    #expect(result.candidates[0].status == .feasible)
    // Month-1 figures use the prices on the start day.
    #expect(figures.cost.costPerRequest == dec("0.001"))
    #expect(figures.costRatio == 10)
  }

  /// A fine-tuned model that retires with no tunable successor falls back.
  ///
  /// The fine-tuned model stops on 2027-01-15 and its successor cannot be fine-tuned: from that day
  /// the candidate costs exactly what the baseline costs. C_1 = (31,000 · (14·0.002 + 17·0.02) +
  /// 14 · 3 storage) / 31 = 11,450 / 31; savings are 0 from month 2 on.
  @Test func aTrainedPlanWhoseModelRetiresFallsBackToTheBaseline() throws {
    let result = try runTimely(timelyScenario(candidates: #"{"name": "c", "model": "tunable", \#(ft)}"#))
    let figures = try result.figures(0)
    #expect(close(figures.monthlyCost[0], dec("11450") / 31))
    #expect(close(figures.monthlySavings[0], dec("3430") / 31))
    #expect(figures.monthlySavings.dropFirst().allSatisfy { $0 == 0 })
    #expect(figures.investment == 1)
    #expect(close(figures.netBenefit, dec("3430") / 31 - 1))
    #expect(close(try #require(figures.paybackMonths), dec("31") / 3430))
    let candidate = result.candidates[0]
    #expect(
      candidate.status == .fallsBack(on: try #require(ISODate("2027-01-15")), reason: candidate.status.reasonText))
    #expect(candidate.events.map(\.kind) == [.retirement, .fallback])
    let report = ScenarioReport(result: result)
    #expect(report.verdict.contains("so it falls back to the baseline on 2027-01-15"))
  }

  /// A plan whose fine-tuned model retired before the start cannot run: it has no money figures
  /// and is never the verdict.
  @Test func aCandidateThatCannotStartIsInfeasible() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#,
        candidates: #"{"name": "late", "model": "tunable", \#(ft)}, {"name": "ok", "model": "steady", \#(ft)}"#,
        start: "2027-01-20"))
    let late = result.candidates[0]
    #expect(late.status == .infeasible(reason: "fine-tuned tunable retired on 2027-01-15"))
    #expect(late.figures == nil)
    let json = result.json(candidates: [late]).rendered()
    for key in ["roi", "net_benefit", "monthly_cost", "one_time_cost", "payback_months", "npv"] {
      #expect(json.contains("\"\(key)\": null"), "\(key)")
    }
    #expect(json.contains("\"status\": \"infeasible\""))
    #expect(result.best?.name == "ok")
    #expect(
      ScenarioReport(result: result).verdict.hasSuffix("late cannot run: fine-tuned tunable retired on 2027-01-15."))
  }

  /// Training jobs must start by new_jobs_until: a plan that would train after it cannot start.
  @Test func trainingClosedAtTheStartIsInfeasible() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#,
        candidates: #"{"name": "c", "model": "steady", \#(ft)}"#, start: "2027-03-01"))
    #expect(
      result.candidates[0].status
        == .infeasible(reason: "Timely fine-tuning of steady took its last new jobs on 2027-02-10"))
  }

  @Test func aBaselineThatCannotStartIsAnErrorNamingTheModelDateAndSuccessor() throws {
    let text = timelyScenario(
      candidates: #"{"name": "c", "strategy": "prompting", "model": "new"}"#, start: "2027-02-01")
    #expect {
      try runTimely(text)
    } throws: { error in
      let message = String(describing: error)
      return message.contains("baseline (base): old retired on 2027-01-15")
        && message.contains("its successor is new: set baseline.model to new")
    }
  }

  /// A baseline with no successor that retires inside the horizon stops the comparison; after the
  /// horizon it only ends the payback search.
  @Test func aBaselineThatCannotMigrateIsAnErrorInsideTheHorizonOnly() throws {
    let candidate = #"{"name": "c", "strategy": "prompting", "model": "changing"}"#
    let baseline = #"{"name": "base", "strategy": "prompting", "model": "lone"}"#
    #expect {
      try runTimely(timelyScenario(baseline: baseline, candidates: candidate))
    } throws: { error in
      let message = String(describing: error)
      return message.contains("lone retires on 2027-03-01") && message.contains("successor_model")
    }
    let short = try runTimely(timelyScenario(baseline: baseline, candidates: candidate, horizon: 2))
    #expect(short.warnings.contains { $0.contains("lone retires on 2027-03-01 with no successor") })
  }

  /// Retraining every month: February's job is billed (1 + the month's tokens); March's falls after
  /// new_jobs_until (2027-02-10), so it is not billed and the plan falls back that day.
  @Test func retrainingAfterTheCutOffIsBlockedAndThePlanFallsBack() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#,
        candidates: #"{"name": "c", "model": "steady", "retrain_every_months": 1, \#(ft)}"#))
    let figures = try result.figures(0)
    #expect(Array(figures.monthlyCost.prefix(3)) == [62, 63, 620])
    #expect(figures.monthlyComponents[1][.retraining] == 1)
    #expect(figures.netBenefit == Decimal(558 + 557 - 1))
    let events = result.candidates[0].events
    #expect(events.map(\.kind) == [.retrainingBlocked, .fallback])
    #expect(events.allSatisfy { $0.date == ISODate("2027-03-01") && $0.month == 3 })
  }

  /// A 1.5-month lead time: January is served the baseline's way; the candidate starts on
  /// 2027-02-15 (14 of February's 28 days); its one-time cost is paid at the start.
  @Test func leadTimeServesTheBaselinesWayUntilItEnds() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#,
        candidates: #"{"name": "c", "model": "steady", "lead_time_months": 1.5, \#(ft)}"#))
    let figures = try result.figures(0)
    #expect(figures.monthlySavings[0] == 0)
    #expect(figures.monthlyCost[1] == 31000 * dec("0.308") / 28)
    #expect(figures.monthlySavings[2] == 558)
    #expect(figures.investment == 1)
    // Month-1 figures still describe the candidate's own serving.
    #expect(figures.cost.costPerRequest == dec("0.002"))
  }

  /// A trained plan migrates when its successor can be fine-tuned on the day: it pays a retraining
  /// on the successor (same tokens and epochs: $1) and migration_cost once, and serves on it after.
  @Test func aTrainedPlanMigratesToAFineTunableSuccessor() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#,
        candidates: #"{"name": "c", "model": "moving", "migration_cost": 50, \#(ft)}"#))
    let figures = try result.figures(0)
    // 31,000 · (14·0.003 + 17·0.002) / 31 + 51.
    #expect(figures.monthlyCost[0] == Decimal(76 + 51))
    #expect(figures.monthlyComponents[0][.migration] == 51)
    #expect(figures.monthlyCost[1] == 62)
    #expect(result.candidates[0].status == .feasible)
    #expect(result.candidates[0].events.map(\.kind) == [.retirement, .migration])
  }

  /// Failures cost (1 − q) · failure_cost per request on top of the tokens; cost_ratio compares
  /// effective costs.
  @Test func failureCostsEnterTheEffectiveCostPerRequest() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new", "success_rate": 0.9}"#,
        candidates: #"{"name": "c", "model": "steady", "success_rate": 0.95, \#(ft)}"#,
        workload: #", "failure_cost": 2"#))
    let figures = try result.figures(0)
    #expect(result.baseline.cost.effectiveCostPerRequest == dec("0.22"))
    #expect(figures.cost.costPerRequest == dec("0.002"))
    #expect(figures.cost.effectiveCostPerRequest == dec("0.102"))
    #expect(figures.costRatio == dec("0.22") / dec("0.102"))
    #expect(result.baseline.monthlyCost[0] == 6820)
    #expect(figures.monthlyComponents[0][.failures] == 3100)
  }

  /// ops_monthly is part of F; a fine-tuned model's storage_per_month too.
  @Test func operationsAndStorageAreMonthlyCosts() throws {
    let result = try runTimely(
      timelyScenario(
        candidates: #"{"name": "c", "model": "tunable", "ops_monthly": 100, \#(ft)}"#, start: "2026-12-01",
        horizon: 1))
    let figures = try result.figures(0)
    #expect(figures.cost.fixedMonthlyCost == 103)
    #expect(figures.monthlyComponents[0][.operations] == 100)
    #expect(figures.monthlyComponents[0][.storage] == 3)
    #expect(figures.monthlyCost[0] == Decimal(62 + 103))
  }

  /// A distillation's retraining pays the training again plus retrain_examples · (labeling + the
  /// teacher's answer); the model's own new_jobs_until (2027-12-31) wins over its provider's.
  @Test func retrainingWithNewExamples() throws {
    let distil =
      #"{"name": "d", "strategy": "distillation", "model": "open-late", "teacher": "new", "examples": 100, "training_tokens": 100000, "epochs": 1, "retrain_every_months": 6, "retrain_examples": 50, "labeling_cost_per_example": 0.5}"#
    let result = try runTimely(
      timelyScenario(baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#, candidates: distil))
    let figures = try result.figures(0)
    // Teacher answers 100 · 0.02, training 0.1M · 10, labeling 100 · 0.5.
    #expect(figures.cost.oneTimeCost == Decimal(2 + 1 + 50))
    #expect(figures.monthlyComponents[6][.retraining] == 1 + 50 * (dec("0.5") + dec("0.02")))
    #expect(figures.monthlyCost[6] == Decimal(62 + 27))
    #expect(figures.monthlyComponents[5][.retraining] == 0)
  }

  /// With nothing dated inside the horizon the closed form gives R*; bisection on the same net
  /// benefit line agrees to 1e-9.
  @Test func closedFormAndBisectionAgree() throws {
    let result = try runTimely(
      timelyScenario(
        baseline: #"{"name": "base", "strategy": "prompting", "model": "new"}"#,
        candidates:
          #"{"name": "c", "model": "open-late", "training_tokens": 5000000, "epochs": 1, "strategy": "fine-tuning", "ops_monthly": 10}"#,
        start: "2027-03-01"))
    let figures = try result.figures(0)
    // (ΔI + H·(F_c − F_b)) / (S · (b − c)) = (50 + 120) / (12 · 0.018).
    let closed = try #require(figures.breakEvenRequestsPerMonth)
    #expect(closed == dec("170") / dec("0.216"))
    let bisected = try #require(BreakEven.bisection { volume in volume * dec("0.216") - 170 })
    #expect((bisected - closed).magnitude <= dec("1e-9") * closed)
    #expect(bisected >= closed)
    #expect(BreakEven.bisection { _ in -1 } == nil)
    #expect(BreakEven.bisection { volume in volume - 0 } == 0)
  }

  /// Break-even is solved numerically when a fallback cuts the savings short.
  @Test func breakEvenWithAFallbackIsBisected() throws {
    let result = try runTimely(timelyScenario(candidates: #"{"name": "c", "model": "tunable", \#(ft)}"#))
    let figures = try result.figures(0)
    let volume = try #require(figures.breakEvenRequestsPerMonth)
    // Savings come only from January's first 14 days: 14/31 · (0.01 − 0.002) per request a month,
    // less 14/31 · 3 of storage; they repay $1 at R* = (1 + 42/31) / (14 · 0.008 / 31).
    let exact = (1 + dec("42") / 31) / (dec("0.112") / 31)
    #expect((volume - exact).magnitude <= dec("1e-9") * exact)
  }
}

extension PlanStatus {
  /// The reason text of a fallback, for comparing statuses in tests.
  var reasonText: String {
    if case .fallsBack(_, let reason) = self { return reason }
    return ""
  }
}

/// Equal to 30 significant digits: a share of a month such as 14/31 has no exact decimal.
func close(_ value: Decimal, _ expected: Decimal) -> Bool {
  (value - expected).magnitude <= dec("1e-30") * max(expected.magnitude, 1)
}
