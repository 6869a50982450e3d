import Foundation
import Testing

@testable import FTCostKit

/// A sweep works each plan's months out once and evaluates one candidate per volume; its figures
/// must be exactly those of the scenario run from scratch at that volume.
@Suite struct VolumeSweepTests {
  /// Every example, each of its candidates that can run, at volumes from a hundredth to a hundred
  /// times its own: payback (past the horizon too), ROI, net benefit, NPV and monthly costs match.
  @Test func sweepMatchesAFreshRunAtEveryVolume() throws {
    let catalog = try shippedCatalog()
    let folder = repositoryRoot.appendingPathComponent("examples")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
    #expect(files.count >= 5)
    for file in files.sorted() {
      let (scenario, _, _) = try ScenarioLoader.load(
        file: folder.appendingPathComponent(file).path, overrides: [], horizon: nil)
      let result = try ScenarioEngine.run(scenario, catalog: catalog, today: testToday)
      let volume = scenario.workload.requestsPerMonth
      for candidate in result.candidates where candidate.figures != nil {
        let sweep = VolumeSweep.run(
          result, candidate: candidate.name, from: max(1, volume / 100), to: volume * 100, steps: 7)
        #expect(sweep.points.count == 7, "\(file): \(candidate.name)")
        for point in sweep.points {
          var fresh = scenario
          fresh.workload.requestsPerMonth = point.requestsPerMonth
          let expected = try #require(
            try ScenarioEngine.run(fresh, catalog: catalog, today: testToday).candidates
              .first { $0.name == candidate.name }?.figures)
          let label = "\(file): \(candidate.name) at \(point.requestsPerMonth)"
          #expect(point.figures.paybackMonths == expected.paybackMonths, "\(label)")
          #expect(point.figures.roi == expected.roi, "\(label)")
          #expect(point.figures.netBenefit == expected.netBenefit, "\(label)")
          #expect(point.figures.npv == expected.npv, "\(label)")
          #expect(point.figures.monthlyCost == expected.monthlyCost, "\(label)")
          #expect(point.figures.breakEvenRequestsPerMonth == expected.breakEvenRequestsPerMonth, "\(label)")
        }
      }
    }
  }

  /// A candidate that never pays back within the horizon is searched beyond it from the months
  /// worked out once: the growing example at a low volume pays back after its 24 months.
  @Test func paybackBeyondTheHorizonUsesTheSameMonths() throws {
    let catalog = try shippedCatalog()
    let (scenario, _, _) = try ScenarioLoader.load(
      file: repositoryRoot.appendingPathComponent("examples/growing-workload-quarterly-retraining.json").path,
      overrides: [], horizon: 3)
    let result = try ScenarioEngine.run(scenario, catalog: catalog, today: testToday)
    let candidate = try #require(result.candidates.first { $0.figures != nil })
    let volume = scenario.workload.requestsPerMonth
    let sweep = VolumeSweep.run(result, candidate: candidate.name, from: volume / 10, to: volume, steps: 5)
    let beyond = sweep.points.compactMap(\.figures.paybackMonths).filter { $0 > 3 }
    #expect(!beyond.isEmpty, "no volume pays back after the 3-month horizon; pick another range")
    for point in sweep.points {
      var fresh = scenario
      fresh.workload.requestsPerMonth = point.requestsPerMonth
      let expected = try ScenarioEngine.run(fresh, catalog: catalog, today: testToday).candidates
        .first { $0.name == candidate.name }?.figures
      #expect(point.figures.paybackMonths == expected?.paybackMonths)
    }
  }

  /// A self-hosted plan with an evaluation set reads the volume (its answers cost month-1 GPU cost
  /// / R_1), so the sweep prices it again at each volume: still exactly a fresh run.
  @Test func aPlanThatReadsTheVolumeIsPricedAgainAtEachVolume() throws {
    let catalog = try shippedCatalog()
    let root = try selfHostedWithEvaluation()
    let scenario = try #require(Scenario.decode(root, file: "hosted-eval.json").scenario)
    let result = try ScenarioEngine.run(scenario, catalog: catalog, today: testToday)
    #expect(result.planned.readsVolume)
    let name = scenario.candidates[0].name
    let sweep = VolumeSweep.run(result, candidate: name, from: 1_000, to: 1_000_000, steps: 4)
    #expect(sweep.points.count == 4)
    for point in sweep.points {
      var fresh = scenario
      fresh.workload.requestsPerMonth = point.requestsPerMonth
      let expected = try ScenarioEngine.run(fresh, catalog: catalog, today: testToday).candidates
        .first { $0.name == name }?.figures
      #expect(point.figures.netBenefit == expected?.netBenefit, "at \(point.requestsPerMonth)")
      #expect(point.figures.paybackMonths == expected?.paybackMonths, "at \(point.requestsPerMonth)")
    }
  }
}

/// The self-hosted example with an evaluation set (500 test cases judged by GPT-4.1) on its first
/// candidate, which runs on its own GPUs.
func selfHostedWithEvaluation() throws -> JSONNode {
  let (root, _, _) = try ScenarioLoader.loadTree(
    file: repositoryRoot.appendingPathComponent("examples/self-hosted-qwen-vs-api.json").path, overrides: [],
    horizon: nil)
  let text = #"{"test_cases": 500, "judge": "gpt-4.1", "judge_input_tokens": 1500, "judge_output_tokens": 200}"#
  let evaluation = try JSONParser.parse(Array(text.utf8))
  guard var candidates = root["candidates"]?.arrayValue, var members = candidates[0].members else {
    throw CocoaError(.coderInvalidValue)
  }
  members.append(JSONNode.Member(key: "evaluation", keyLocation: candidates[0].location, value: evaluation))
  candidates[0] = JSONNode(kind: .object(members), location: candidates[0].location)
  guard var top = root.members, let position = top.firstIndex(where: { $0.key == "candidates" }) else {
    throw CocoaError(.coderInvalidValue)
  }
  top[position].value = JSONNode(kind: .array(candidates), location: top[position].value.location)
  return JSONNode(kind: .object(top), location: root.location)
}
