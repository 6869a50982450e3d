import Foundation
import Testing

@testable import FTCostKit

/// The cases as an expert labels them: answers and the recommendation expected.
let expertCases: [(name: String, answers: [String: String], expected: Recommendation)] = [
  (
    "format, 2,000 examples, OpenAI, cost-critical: a cheap current model first",
    [
      "problem": "format", "few_shot_quality": "unknown", "provider": "openai", "examples": "2000",
      "cost_critical": "yes", "teacher_meets_quality": "unknown",
    ], .switchModel
  ),
  (
    "the same, priced at 100,000 requests a month on gpt-4.1",
    [
      "problem": "format", "few_shot_quality": "unknown", "provider": "openai", "examples": "2000",
      "cost_critical": "yes", "teacher_meets_quality": "unknown", "requests_per_month": "100000",
      "current_model": "gpt-4.1", "prompt_tokens": "1500", "output_tokens": "300",
    ], .switchModel
  ),
  (
    "Vertex at 500 requests a month: no training",
    [
      "problem": "format", "few_shot_quality": "unknown", "provider": "google-vertex", "examples": "2000",
      "cost_critical": "no", "latency_critical": "no", "requests_per_month": "500", "current_model": "gemini-3.8-flash",
    ], .prompting
  ),
  (
    "Azure at 500 requests a month: the hosting fee never pays back",
    [
      "problem": "format", "few_shot_quality": "unknown", "provider": "azure-openai", "examples": "2000",
      "cost_critical": "no", "latency_critical": "no", "requests_per_month": "500", "current_model": "azure-gpt-4.1",
    ], .prompting
  ),
  (
    "latency-critical with 40 examples: latency advice",
    [
      "problem": "format", "few_shot_quality": "60", "provider": "openai", "examples": "40", "latency_critical": "yes",
    ], .switchModel
  ),
  (
    "latency problem with 40 examples: latency advice",
    ["problem": "latency", "teacher_meets_quality": "no", "provider": "openai", "examples": "40"], .switchModel
  ),
  (
    "both, Azure, 20,000 requests a month: not RAG + fine-tuning",
    ["problem": "both", "provider": "azure-openai", "examples": "2000", "requests_per_month": "20000"], .rag
  ),
  (
    "60 examples on Vertex: collect data",
    ["problem": "format", "few_shot_quality": "unknown", "provider": "google-vertex", "examples": "60"], .collectData
  ),
  (
    "85 style examples: collect data",
    ["problem": "format", "few_shot_quality": "70", "provider": "openai", "examples": "85"], .collectData
  ),
  ("knowledge: RAG", ["problem": "knowledge"], .rag),
  ("few-shot already at 92%: prompting", ["problem": "format", "few_shot_quality": "92"], .prompting),
  (
    "high volume on Azure with a long few-shot prefix: fine-tuning pays back",
    [
      "problem": "format", "few_shot_quality": "70", "provider": "azure-openai", "examples": "2000",
      "cost_critical": "no", "latency_critical": "no", "requests_per_month": "2000000",
      "current_model": "azure-gpt-4.1",
      "prompt_tokens": "3000", "few_shot_tokens": "2500", "output_tokens": "200",
    ], .fineTuning
  ),
]

@Suite struct ExpertCasesTests {
  func advisor() throws -> Advisor {
    try Advisor(catalog: shippedCatalog(), today: testToday)
  }

  @Test(arguments: expertCases.indices)
  func agreesWithTheExpert(row: Int) throws {
    let (name, answers, expected) = expertCases[row]
    let advice = try advisor().advise(answers)
    #expect(advice.recommendation == expected, "\(name): \(advice.revisions.map(\.reason))")
  }

  @Test func volumeThatNeverPaysBackNamesTheNumbersAndTheHostingFee() throws {
    let advice = try advisor().advise(expertCases[6].answers)
    let reason = try #require(advice.revisions.last?.reason)
    #expect(reason.contains("never pays back in 12 months"), "\(reason)")
    #expect(reason.contains("hosting fee for a deployed fine-tuned model, $1.70 an hour ($1,241.00 a month)"))
    #expect(advice.revisions.last?.from == .ragFineTuning)
    #expect(advice.recommendedCandidates.first?.plan.strategy == .rag)
  }

  @Test func latencyAdviceCutsLatency() throws {
    let advice = try advisor().advise(expertCases[4].answers)
    let steps = advice.nextSteps.joined(separator: "\n")
    for word in [
      "smaller, faster", "cache the static prefix", "stream", "reasoning effort", "drop the few-shot prefix",
    ] {
      #expect(steps.contains(word), "\(word)")
    }
    #expect(!steps.contains("improving the prompt"))
  }

  @Test func switchModelIsPricedWithItsNumbers() throws {
    let advice = try advisor().advise(expertCases[1].answers)
    let built = try #require(advice.builtScenario)
    #expect(built.switchCandidate == "Switch to gpt-6-luna")
    #expect(built.trainingCandidate == "Fine-tuned gpt-4o-mini-2024-07-18")
    let figures = try #require(advice.recommendedCandidates.first?.figures)
    #expect(figures.paybackMonths == 0)
    #expect(figures.monthlyCost.first == Decimal(string: "30"))
    #expect(advice.headline(money: MoneyFormat()).first?.contains("break-even 0 requests a month") == true)
  }

  @Test func aProviderThatCannotTrainSaysSoAndOffersTheRest() throws {
    var answers = expertCases[0].answers
    answers["start_date"] = "2027-02-01"
    answers["cost_critical"] = "no"
    answers["latency_critical"] = "no"
    let advice = try advisor().advise(answers)
    #expect(advice.recommendation == .prompting)
    #expect(advice.revisions.first?.reason.contains("OpenAI takes no new fine-tuning job on 2027-02-01") == true)
    #expect(advice.revisions.first?.reason.contains("closed to new jobs on 2027-01-06") == true)
    #expect(advice.nextSteps.contains { $0.hasPrefix("where fine-tuning is open on 2027-02-01: Azure OpenAI: azure-") })
  }
}
