import Foundation
import Testing

@testable import FTCostKit

@Suite struct StrategyCostTests {
  let uncached = #"{"requests_per_month": 1000, "user_tokens": 1000, "output_tokens": 0}"#

  /// (s+f)(1−h)Pin + (s+f)h·Pcache + u·Pin + o·Pout = 300·0.5·10 + 300·0.5·1 + 300·10 + 50·30.
  @Test func promptingWithACachedPrefix() throws {
    let result = try run(scenarioText(candidates: #"{"name": "c", "strategy": "prompting", "model": "small"}"#))
    #expect(result.baseline.cost.costPerRequest == dec("0.00615"))
    #expect(result.baseline.cost.oneTimeCost == 0)
    #expect(result.baseline.cost.fixedMonthlyCost == 0)
    // small: 150·1 + 150·0.5 + 300·1 + 50·2 = 625.
    #expect(try result.figures(0).cost.costPerRequest == dec("0.000625"))
    #expect(result.baselineMonthlyCost[0] == dec("6.15"))
  }

  /// RAG adds context c at the input price and the query's embedding u·Pemb.
  @Test func ragTerms() throws {
    let rag =
      #"{"name": "r", "strategy": "rag", "model": "big", "embedding_model": "emb", "context_tokens": 400, "corpus_tokens": 1000000, "reindex_share_per_month": 0.5, "vector_db_monthly": 50, "setup_cost": 100}"#
    let result = try run(scenarioText(candidates: rag))
    let cost = try result.figures(0).cost
    #expect(cost.costPerRequest == dec("0.01018"))
    #expect(cost.corpusCost == dec("0.1"))
    #expect(cost.oneTimeCost == dec("100.1"))
    #expect(cost.fixedMonthlyCost == dec("50.05"))
    #expect(try result.figures(0).monthlyCost[0] == dec("10.18") + dec("50.05"))
  }

  /// Fine-tuned prices, few-shot dropped, default example size s+u+o+12, auto epochs, labeling.
  @Test func fineTuningTerms() throws {
    let ft =
      #"{"name": "f", "strategy": "fine-tuning", "model": "small", "examples": 100, "labeling_cost_per_example": 0.25, "setup_cost": 10}"#
    let cost = try run(scenarioText(candidates: ft)).figures(0).cost
    #expect(cost.costPerRequest == dec("0.00095"))
    let training = try #require(cost.training)
    #expect(training.tokensPerEpoch == 46_200)
    #expect(training.epochs == 3)
    #expect(training.cost == dec("1.1088"))
    #expect(cost.labelingCost == 25)
    #expect(cost.oneTimeCost == dec("36.1088"))
  }

  @Test func perExampleCapBillsAtTheCap() throws {
    let ft =
      #"{"name": "f", "strategy": "fine-tuning", "model": "small", "examples": 10, "tokens_per_example": 1500, "epochs": 2}"#
    let result = try run(scenarioText(candidates: ft))
    let training = try #require(result.figures(0).cost.training)
    #expect(training.tokensPerEpoch == 10_000)
    #expect(training.truncatedExamples == 10)
    #expect(training.cost == dec("0.16"))
    #expect(result.warnings.contains { $0.contains("1000-token limit per example") })
  }

  @Test func hostingFeeIs730HoursAMonth() throws {
    let ft = #"{"name": "h", "strategy": "fine-tuning", "model": "hosted", "training_tokens": 1000000, "epochs": 1}"#
    let cost = try run(scenarioText(workload: uncached, candidates: ft)).figures(0).cost
    #expect(cost.fixedMonthlyCost == 1460)
    #expect(cost.training?.cost == 8)
  }

  @Test func perHourTraining() throws {
    let ft = #"{"name": "h", "strategy": "fine-tuning", "model": "hourly", "training_hours": 2.5}"#
    #expect(try run(scenarioText(workload: uncached, candidates: ft)).figures(0).cost.training?.cost == 250)
  }

  /// Retraining pays training again at the start of months 1+k, 1+2k, … inside the horizon.
  @Test func retrainingMonths() throws {
    let ft =
      #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 1000000, "epochs": 1, "retrain_every_months": 3}"#
    let result = try run(
      scenarioText(candidates: ft, extra: #""horizon_months": 7,"#).replacingOccurrences(
        of: "\"horizon_months\": 12, ", with: ""))
    let monthly = try result.figures(0).monthlyCost
    let run = dec("0.95")
    #expect(monthly == [run, run, run, run + 8, run, run, run + 8])
  }

  /// The teacher answers `examples` production prompts (s+f+u in, o_T out), at batch prices if asked.
  @Test func distillationTeacherCost() throws {
    let distil =
      #"{"name": "d", "strategy": "distillation", "model": "small", "teacher": "big", "teacher_batch": true, "teacher_output_tokens": 100, "examples": 1000, "epochs": 1}"#
    let cost = try run(scenarioText(candidates: distil)).figures(0).cost
    // 1000 · (600·5 + 100·15)/1e6 = 4.5
    #expect(cost.teacherCost == dec("4.5"))
    // Example size s + u + o_T + 12 = 100 + 300 + 100 + 12 = 512 tokens.
    #expect(cost.training?.tokensPerEpoch == 512_000)
    #expect(cost.training?.cost == dec("4.096"))
    #expect(cost.oneTimeCost == dec("8.596"))
  }

  /// eval = K·(b_req + c_req + teacher_req) + K·answers·judge_call.
  @Test func evaluationCost() throws {
    let distil =
      #"{"name": "d", "strategy": "distillation", "model": "small", "teacher": "big", "teacher_output_tokens": 100, "examples": 10, "training_tokens": 1000, "epochs": 1, "evaluation": {"test_cases": 20, "judge": "judge", "judge_input_tokens": 1000, "judge_output_tokens": 100}}"#
    let cost = try run(scenarioText(candidates: distil)).figures(0).cost
    // b_req 0.00615, c_req 0.00095, teacher (600·10 + 100·30)/1e6 = 0.009; judge (1000·5 + 100·10)/1e6 = 0.006.
    #expect(cost.evaluationCost == dec("20") * (dec("0.00615") + dec("0.00095") + dec("0.009")) + 20 * 3 * dec("0.006"))
  }

  @Test func longContextTierOnScenarioRequests() throws {
    let below = #"{"requests_per_month": 1, "user_tokens": 1000, "output_tokens": 10}"#
    let above = #"{"requests_per_month": 1, "user_tokens": 1001, "output_tokens": 10}"#
    let candidate = #"{"name": "t", "strategy": "prompting", "model": "tiered"}"#
    #expect(
      try run(scenarioText(workload: below, candidates: candidate)).figures(0).cost.costPerRequest == dec("0.00102"))
    #expect(
      try run(scenarioText(workload: above, candidates: candidate)).figures(0).cost.costPerRequest == dec("0.002042")
    )
  }
}

@Suite struct ComparisonTests {
  let workload = #"{"requests_per_month": 1000, "user_tokens": 1000, "output_tokens": 0}"#

  /// Runs `candidate` against the baseline.
  ///
  /// Baseline big: 1000·10/1e6 = 0.01 a request, $10 a month. Candidate small tuned: 0.002, $2.
  func result(_ candidate: String, extra: String = "", workload: String? = nil) throws -> CandidateFigures {
    try run(scenarioText(workload: workload ?? self.workload, candidates: candidate, extra: extra)).figures(0)
  }

  @Test func paybackInsideAMonthROIAndNPV() throws {
    let ft = #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 500000, "epochs": 1}"#
    let candidate = try result(ft)
    #expect(candidate.investment == 4)
    #expect(candidate.monthlySavings == Array(repeating: dec("8"), count: 12))
    #expect(candidate.paybackMonths == dec("0.5"))
    #expect(candidate.netBenefit == 92)
    #expect(candidate.roi == 23)
    #expect(candidate.benefitCostRatio == 24)
    #expect(candidate.npv == 92)
    #expect(candidate.costRatio == 5)
    // R* = 4 / (12 · 0.008).
    #expect(candidate.breakEvenRequestsPerMonth == dec("4") / dec("0.096"))
  }

  @Test func paybackAcrossMonthsIsLinearInTheCrossingMonth() throws {
    let ft = #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 2500000, "epochs": 1}"#
    // ΔI = 20, savings 8 a month: 2 months give 16, then 4/8 of month 3.
    #expect(try result(ft).paybackMonths == dec("2.5"))
  }

  @Test func neverWhenSavingsAreNotPositive() throws {
    let worse = #"{"name": "w", "strategy": "fine-tuning", "model": "hosted", "training_tokens": 1000000, "epochs": 1}"#
    let candidate = try result(worse)
    #expect(candidate.paybackMonths == nil)
    #expect(candidate.roi != nil)
    #expect(candidate.netBenefit < 0)
    let report = ScenarioReport(result: try run(scenarioText(workload: workload, candidates: worse)))
    #expect(report.payback(candidate.paybackMonths) == "never")
    let json = try run(scenarioText(workload: workload, candidates: worse)).json().rendered()
    #expect(json.contains("\"payback_months\": null"))
  }

  @Test func nothingInvestedMeansZeroPaybackAndNoROI() throws {
    let cheaper = #"{"name": "p", "strategy": "prompting", "model": "small"}"#
    let candidate = try result(cheaper)
    #expect(candidate.investment == 0)
    #expect(candidate.paybackMonths == 0)
    #expect(candidate.roi == nil)
    #expect(candidate.benefitCostRatio == nil)
    #expect(candidate.breakEvenRequestsPerMonth == 0)
  }

  @Test func breakEvenIsNullWhenNeverCheaperPerRequest() throws {
    let pricier = #"{"name": "p", "strategy": "prompting", "model": "big", "setup_cost": 1}"#
    let text = scenarioText(
      workload: workload, baseline: #"{"name": "b", "strategy": "prompting", "model": "small"}"#, candidates: pricier)
    let candidate = try run(text).figures(0)
    #expect(candidate.breakEvenRequestsPerMonth == nil)
    #expect(candidate.paybackMonths == nil)
  }

  @Test func growthVolumesAndBreakEvenWithGrowth() throws {
    let growing = #"{"requests_per_month": 1000, "monthly_growth": 0.1, "user_tokens": 1000, "output_tokens": 0}"#
    let ft =
      #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 500000, "epochs": 1, "retrain_every_months": 2}"#
    let scenarioValue = try scenario(
      scenarioText(workload: growing, candidates: ft).replacingOccurrences(
        of: "\"horizon_months\": 12", with: "\"horizon_months\": 3"))
    let three = try ScenarioEngine.run(scenarioValue, catalog: acmeCatalog(), today: testToday).figures(0)
    #expect(three.monthlyCost == [dec("2"), dec("2.2"), dec("2.42") + 4])
    // R* = (ΔI + Σ retrain) / (S · (b − c)) with S = 1 + 1.1 + 1.21.
    #expect(three.breakEvenRequestsPerMonth == dec("8") / (dec("3.31") * dec("0.008")))
  }

  @Test func npvDiscountsMonthlySavings() throws {
    let annual = dec("1.01").power(12) - 1
    let ft = #"{"name": "f", "strategy": "fine-tuning", "model": "small", "training_tokens": 500000, "epochs": 1}"#
    let text = scenarioText(workload: workload, candidates: ft, extra: "\"discount_rate_annual\": \(annual),")
      .replacingOccurrences(of: "\"horizon_months\": 12", with: "\"horizon_months\": 1")
    let candidate = try run(text).figures(0)
    // r = 0.01 exactly in principle: NPV = −4 + 8/1.01; Newton's root is good to ~34 digits.
    #expect((ScenarioEngine.monthlyRate(annual: annual) - dec("0.01")).magnitude < dec("1e-30"))
    #expect((candidate.npv - (dec("8") / dec("1.01") - 4)).magnitude < dec("1e-30"))
  }
}

@Suite struct EpochRuleTests {
  @Test(
    arguments: [
      (1, 25), (4, 25), (5, 20), (10, 10), (33, 3), (34, 3), (8333, 3), (8334, 2), (12500, 2), (12501, 1), (100_000, 1),
    ] as [(Int64, Int64)])
  func automaticEpochs(examples: Int64, epochs: Int64) throws {
    #expect(try TrainingPlan.automaticEpochs(examples: examples) == epochs)
  }

  @Test func emptyDatasetIsAnError() {
    #expect(throws: TrainingError.noExamples) { try TrainingPlan.automaticEpochs(examples: 0) }
  }

  @Test func module20TrainingExample() throws {
    // Module 20.3: 1,000 examples × 500 tokens on GPT-4o-mini at $3.00/1M, one epoch ≈ $1.50.
    let model = try shippedCatalog().model(named: "gpt-4o-mini")
    let plan = try TrainingPlan.resolve(
      model: model, examples: 1000, tokensPerExample: 500, trainingTokens: nil, defaultExampleTokens: nil, epochs: 1,
      hours: nil)
    #expect(plan.cost == dec("1.5"))
  }
}

@Suite struct Module20WorkedCheckTests {
  @Test func builtInScenarioIsTheExampleFile() throws {
    let file = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/module-20-distillation.json"), encoding: .utf8)
    #expect(file == BuiltInScenarios.module20Distillation)
  }

  @Test func reproducesModule20ROI() throws {
    let (scenarioValue, _, _) = try ScenarioLoader.load(file: nil, overrides: [], horizon: nil)
    let result = try ScenarioEngine.run(scenarioValue, catalog: shippedCatalog(), today: testToday)
    let money = MoneyFormat()
    #expect(money.total(result.baselineMonthlyCost[0]) == "$125.00")
    let candidate = try result.figures(0)
    #expect(result.start == ISODate("2025-10-01"))
    #expect(money.total(candidate.monthlyCost[0]) == "$30.00")
    #expect(candidate.cost.teacherCost == 30)
    #expect(candidate.cost.training?.cost == dec("5.000001"))
    #expect(money.total(candidate.investment) == "$35.00")
    #expect(money.total(candidate.monthlySavings.reduce(0, +)) == "$1,140.00")
    #expect(money.total(candidate.netBenefit) == "$1,105.00")
    #expect(money.ratio(try #require(candidate.roi)) == "31.57")
    #expect(money.percent(try #require(candidate.roi)) == "3,157%")
    #expect(money.ratio(try #require(candidate.benefitCostRatio)) == "32.57")
    #expect(try #require(candidate.paybackMonths).rounded(scale: 3, .plain) == dec("0.368"))
  }
}
