import Foundation
import Testing

@testable import FTCostKit

/// The binary floating-point evaluation that ranks simulation samples must agree with the
/// decimal engine on every figure it ranks by, to about 1e-9 of the amounts involved.
@Suite struct FastEvaluationTests {
  static func close(_ fast: Double?, _ exact: Decimal?, scale: Double) -> Bool {
    switch (fast, exact) {
    case (nil, nil): return true
    case (let x?, let y?): return abs(x - (Double(y.description) ?? .nan)) <= 1e-9 * max(1, scale)
    default: return false
    }
  }

  @Test(arguments: [
    ("azure-hosted-fine-tune.json", [String]()), ("growing-workload-quarterly-retraining.json", []),
    ("module-20-distillation-now.json", []), ("module-20-distillation.json", []),
    ("self-hosted-qwen-vs-api.json", []), ("support-assistant.json", []),
    ("support-assistant-uncertain.json", []),
    ("support-assistant-uncertain.json", ["workload.requests_per_month=300000", "workload.monthly_growth=-0.01"]),
    ("self-hosted-qwen-vs-api.json", ["workload.requests_per_month=200000"]),
    ("azure-hosted-fine-tune.json", ["workload.requests_per_month=500000"]),
    ("azure-hosted-fine-tune.json", ["workload.requests_per_month=45000"]),
    ("module-20-distillation-now.json", ["workload.monthly_growth=0.1"]),
  ])
  func agreesWithTheDecimalEngine(example: String, sets: [String]) throws {
    let (scenario, _, _) = try ScenarioLoader.load(
      file: repositoryRoot.appendingPathComponent("examples/\(example)").path,
      overrides: sets.map { try ScenarioOverride(parsing: $0) }, horizon: nil)
    let catalog = try shippedCatalog()
    let planned = try ScenarioEngine.plan(scenario, catalog: catalog, today: testToday, file: example)
    let fast = FastEvaluation(planned: planned).figures()
    // Months worked out ahead (as simulation reuses them) change no figure, not even in its last bit.
    let ahead = FastEvaluation(planned: planned).workingOutMonths().figures()
    #expect(ahead.map { $0?.netBenefit } == fast.map { $0?.netBenefit })
    #expect(ahead.map { $0?.npv } == fast.map { $0?.npv })
    #expect(ahead.map { $0?.paybackMonths } == fast.map { $0?.paybackMonths })
    let exact = try ScenarioEngine.run(scenario, catalog: catalog, today: testToday)
    #expect(fast.count == exact.candidates.count)
    for (quick, candidate) in zip(fast, exact.candidates) {
      guard let figures = candidate.figures else {
        #expect(quick == nil, "\(candidate.name)")
        continue
      }
      let quickFigures = try #require(quick, "\(candidate.name)")
      let scale = Double(exact.baseline.totalCost.description) ?? 1
      #expect(Self.close(quickFigures.netBenefit, figures.netBenefit, scale: scale), "\(example) \(candidate.name) net")
      #expect(Self.close(quickFigures.npv, figures.npv, scale: scale), "\(example) \(candidate.name) npv")
      #expect(
        Self.close(quickFigures.paybackMonths, figures.paybackMonths, scale: 1),
        "\(example) \(candidate.name) payback \(String(describing: quickFigures.paybackMonths)) vs \(String(describing: figures.paybackMonths))"
      )
    }
  }
}
