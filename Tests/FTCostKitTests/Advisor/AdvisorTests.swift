import Foundation
import Testing

@testable import FTCostKit

/// Every leaf of the tree, reached by the answers that lead to it.
let outcomeTable: [(answers: [String: String], recommendation: Recommendation, summary: String)] = [
  (["problem": "knowledge"], .rag, "RAG: retrieve"),
  (["problem": "both", "provider": "openai", "examples": "20"], .collectData, "Not yet"),
  (["problem": "both", "provider": "anthropic"], .rag, "RAG for the facts"),
  (["problem": "both", "examples": "400", "provider": "openai"], .ragFineTuning, "RAG + fine-tuning"),
  (["problem": "format", "few_shot_quality": "92"], .prompting, "Stay with prompting"),
  (["problem": "format", "few_shot_quality": "70", "provider": "openai", "examples": "30"], .collectData, "Not yet"),
  (["problem": "format", "few_shot_quality": "unknown", "provider": "anthropic"], .prompting, "Prompt engineering"),
  (
    [
      "problem": "format", "few_shot_quality": "70", "examples": "500", "provider": "openai", "cost_critical": "yes",
      "teacher_meets_quality": "yes",
    ], .distillation, "Distil"
  ),
  (
    [
      "problem": "format", "few_shot_quality": "70", "examples": "500", "provider": "openai", "cost_critical": "yes",
      "teacher_meets_quality": "unknown",
    ], .fineTuning, "Fine-tune"
  ),
  (
    [
      "problem": "format", "few_shot_quality": "70", "examples": "500", "provider": "google-vertex",
      "cost_critical": "no", "latency_critical": "yes",
    ], .fineTuning, "Fine-tune"
  ),
  (
    [
      "problem": "format", "few_shot_quality": "70", "examples": "500", "provider": "openai", "cost_critical": "no",
      "latency_critical": "no",
    ], .fineTuning, "Fine-tune"
  ),
  (["problem": "cost", "teacher_meets_quality": "yes", "data_changes": "often"], .rag, "RAG on a smaller model"),
  (
    [
      "problem": "cost", "teacher_meets_quality": "yes", "data_changes": "rarely", "provider": "openai",
      "examples": "10",
    ],
    .collectData, "Not yet"
  ),
  (
    [
      "problem": "cost", "teacher_meets_quality": "yes", "data_changes": "rarely", "provider": "anthropic",
    ], .prompting, "A smaller model"
  ),
  (
    [
      "problem": "cost", "teacher_meets_quality": "yes", "data_changes": "rarely", "examples": "10000",
      "provider": "openai",
    ], .distillation, "Distil"
  ),
  (["problem": "cost", "teacher_meets_quality": "no", "few_shot_quality": "95"], .prompting, "Stay with prompting"),
  (["problem": "cost", "teacher_meets_quality": "unknown", "few_shot_quality": "unknown"], .collectData, "Not yet"),
  (
    ["problem": "latency", "teacher_meets_quality": "yes", "provider": "openai", "examples": "5"], .switchModel,
    "Cut latency"
  ),
  (["problem": "latency", "teacher_meets_quality": "yes", "provider": "anthropic"], .switchModel, "Cut latency"),
  (
    ["problem": "latency", "teacher_meets_quality": "yes", "examples": "200", "provider": "open-models"], .distillation,
    "Distil"
  ),
  (
    ["problem": "latency", "teacher_meets_quality": "no", "provider": "openai", "examples": "49"], .switchModel,
    "Cut latency"
  ),
  (["problem": "latency", "teacher_meets_quality": "no", "provider": "anthropic"], .switchModel, "Cut latency"),
  (
    ["problem": "latency", "teacher_meets_quality": "no", "examples": "50", "provider": "azure-openai"], .fineTuning,
    "Fine-tune"
  ),
]

/// The branch labels of every root-to-leaf path of the tree.
func leafPaths(_ node: DecisionNode, prefix: [String] = []) -> [[String]] {
  switch node {
  case .outcome: return [prefix]
  case .ask(let key, let branches):
    return branches.flatMap { leafPaths($0.next, prefix: prefix + ["\(key):\($0.condition.label)"]) }
  }
}

@Suite struct AdvisorTests {
  func advisor() throws -> Advisor {
    try Advisor(catalog: shippedCatalog(), today: testToday)
  }

  @Test(arguments: outcomeTable.indices)
  func everyOutcomeIsReachable(row: Int) throws {
    let (answers, recommendation, summary) = outcomeTable[row]
    guard case .done(let advice) = try advisor().walk(answers) else {
      Issue.record("row \(row) did not finish")
      return
    }
    #expect(advice.recommendation == recommendation)
    #expect(advice.summary.hasPrefix(summary), "\(advice.summary)")
    #expect(advice.path.count == answers.count)
    #expect(advice.path.allSatisfy { !$0.rule.isEmpty && !$0.source.isEmpty })
  }

  @Test func theTableCoversEveryLeaf() throws {
    let advisor = try advisor()
    let all = Set(leafPaths(advisor.tree.root).map { $0.joined(separator: " / ") })
    var reached = Set<String>()
    for row in outcomeTable {
      guard case .done(let advice) = advisor.walk(row.answers) else { continue }
      // Rebuild the branch labels from the path taken.
      var node = advisor.tree.root
      var labels: [String] = []
      for step in advice.path {
        guard case .ask(let key, let branches) = node,
          let branch = branches.first(where: { advisor.matches($0.condition, step.answer, row.answers) })
        else { break }
        labels.append("\(key):\(branch.condition.label)")
        node = branch.next
      }
      reached.insert(labels.joined(separator: " / "))
    }
    #expect(all.count == 23)
    #expect(reached == all, "not reached: \(all.subtracting(reached))")
  }

  @Test func missingAnswersAreNamed() throws {
    guard case .needs(let question, _) = try advisor().walk(["problem": "format"]) else {
      Issue.record("expected a question")
      return
    }
    #expect(question.key == "few_shot_quality")
  }

  @Test func answersAreValidatedWithHints() throws {
    let advisor = try advisor()
    #expect(try advisor.validate(key: "few_shot_quality", value: "85%") == "85")
    #expect(try advisor.validate(key: "provider", value: "OpenAI") == "openai")
    #expect(
      throws: AdviceError.invalidValue(
        key: "few_shot_quality", value: "150", reason: "a percentage must be from 0 to 100")
    ) {
      try advisor.validate(key: "few_shot_quality", value: "150")
    }
    #expect(throws: AdviceError.self) { try advisor.validate(key: "problme", value: "x") }
    do {
      _ = try advisor.validate(key: "problem", value: "formt")
    } catch {
      #expect(
        error.description
          == "the answer 'formt' is invalid for 'problem': expected one of knowledge, format, both, cost, latency. Did you mean 'format'?"
      )
    }
  }

  @Test func fineTuningOutcomesWarnAboutClosingProviders() throws {
    guard case .done(let advice) = try advisor().walk(outcomeTable[3].answers) else { return }
    #expect(
      advice.caveats.contains(
        "OpenAI fine-tuning closes to new jobs on 2027-01-06: train before then, and plan where retraining will run."))
  }

  @Test func numbersThatDisagreeAreFlagged() throws {
    let advisor = try advisor()
    let (scenario, _, _) = try ScenarioLoader.load(
      file: repositoryRoot.appendingPathComponent("examples/azure-hosted-fine-tune.json").path, overrides: [],
      horizon: nil)
    let result = try ScenarioEngine.run(scenario, catalog: advisor.catalog, today: testToday)
    guard case .done(let advice) = advisor.walk(outcomeTable[22].answers) else { return }
    let backed = advisor.backed(advice, by: result)
    #expect(
      backed.conflicts == [
        "fine-tuning fits the problem, but at 20,000 requests a month it never pays back in 12 months (Fine-tuned GPT-4o-mini on Azure: net -$6,472.02); the numbers say stay"
      ])
  }

  @Test func mermaidIsAFlowchart() throws {
    let text = try advisor().tree.mermaid
    let lines = text.split(separator: "\n")
    #expect(lines.first == "flowchart TD")
    let node = /^  n\d+(\{"[^"]*"\}|\(\["[^"]*"\]\))$/
    let edge = /^  n\d+ -->\|"[^"]*"\| n\d+$/
    for line in lines.dropFirst() {
      #expect(line.wholeMatch(of: node) != nil || line.wholeMatch(of: edge) != nil, "\(line)")
    }
  }
}
