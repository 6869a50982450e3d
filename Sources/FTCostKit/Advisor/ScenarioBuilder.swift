import Foundation

/// The scenario the advisor writes for itself from the answers: staying on the current model
/// against the recommended path (and a switch to a cheaper current model where there is one).
///
/// It is built as the JSON a user would write, then read back through the scenario decoder, so
/// `--emit-scenario` writes exactly what was priced and `compare` gives the same numbers.
public struct AdviceScenario: Sendable {
  /// The scenario file's content.
  public var document: JSON
  public var scenario: Scenario
  /// The names of the candidates by role.
  public var trainingCandidate: String?
  public var switchCandidate: String?
  public var ragCandidate: String?
  /// What the advisor assumed where the answers were silent, in words.
  public var assumptions: [String]
}

/// Builds an `AdviceScenario`.
public struct ScenarioBuilder: Sendable {
  public var availability: ModelAvailability
  public var shape: TokenShape
  public var requestsPerMonth: Decimal
  /// The model used today, already resolved to one that serves on the start date.
  public var current: ModelPricing?
  public var provider: String?
  public var examples: Int64

  /// Retrieved context per request assumed for a RAG candidate.
  public static let ragContextTokens: Int64 = 1_000

  /// The scenario for the tree's recommendation `tree` and the advice's `final` one; `nil` when
  /// no baseline model is known (no current model, and no trainable model whose untuned base
  /// stands in for it) or no candidate can be priced against it.
  public func build(tree: Recommendation, final: Recommendation) -> AdviceScenario? {
    var assumptions = shape.assumed.map { key -> String in
      key == "prompt_tokens"
        ? "\(MoneyFormat.grouped(Decimal(TokenShape.defaultPrompt))) input tokens per request (prompt_tokens)"
        : "\(MoneyFormat.grouped(Decimal(TokenShape.defaultOutput))) output tokens per answer (output_tokens)"
    }
    let paths = [tree, final]
    let trains = paths.contains { $0.trains }
    let trained = trains ? provider.flatMap { availability.trainable(provider: $0, shape: shape).first?.model } : nil
    let hostedWeights =
      trains && trained == nil && (provider == "open-models" || provider == "gpus")
      ? availability.openWeights.first : nil
    let preferred = provider ?? current?.provider
    guard let baseline = current ?? trained else { return nil }
    if current == nil {
      assumptions.append("today's model is \(baseline.id) (current_model)")
    }
    let baselineCost = shape.cost(on: baseline, fineTuned: false, date: availability.date)
    var candidates: [JSON] = []
    var trainingName: String?
    var ragName: String?
    var switchName: String?

    let trainingRecommendation = paths.first { $0.trains }
    if let recommendation = trainingRecommendation, let model = trained ?? hostedWeights {
      var members: [(String, JSON)] = []
      let name: String
      switch recommendation {
      case .distillation:
        name = "Distilled \(model.id) (teacher \(baseline.id))"
        members = [("strategy", .string("distillation")), ("model", .string(model.id))]
        members.append(("teacher", .string(baseline.id)))
      case .ragFineTuning:
        name = "RAG + fine-tuned \(model.id)"
        members = [("strategy", .string("rag+fine-tuning")), ("model", .string(model.id))]
        members += ragTerms(&assumptions)
      case .fineTuning, .prompting, .rag, .collectData, .switchModel:
        name = "Fine-tuned \(model.id)"
        members = [("strategy", .string("fine-tuning")), ("model", .string(model.id))]
      }
      members += [("examples", .integer(examples)), ("epochs", .string("auto"))]
      if hostedWeights != nil { members.append(("hosting", .object([]))) }
      candidates.append(.object([("name", .string(name))] + members))
      trainingName = name
    }
    if paths.contains(.rag) || paths.contains(.ragFineTuning) {
      let name = "RAG on \(baseline.id)"
      candidates.append(
        .object(
          [("name", .string(name)), ("strategy", .string("rag")), ("model", .string(baseline.id))]
            + ragTerms(&assumptions) + (successor(of: baseline).map { [("successor_model", .string($0))] } ?? [])))
      ragName = name
    }
    if let cheapest = availability.untuned(shape: shape, preferring: preferred).first, cheapest.model.id != baseline.id,
      baselineCost.map({ cheapest.costPerRequest < $0 }) ?? true
    {
      let name = "Switch to \(cheapest.model.id)"
      candidates.append(
        .object([("name", .string(name)), ("strategy", .string("prompting")), ("model", .string(cheapest.model.id))]))
      switchName = name
    }
    guard !candidates.isEmpty else { return nil }
    var workload: [(String, JSON)] = [("requests_per_month", .number(requestsPerMonth))]
    if shape.fewShot > 0 { workload.append(("few_shot_tokens", .integer(shape.fewShot))) }
    workload += [("user_tokens", .integer(shape.prompt - shape.fewShot)), ("output_tokens", .integer(shape.output))]
    let stayName = "Stay on \(baseline.id)"
    var stay: [(String, JSON)] = [
      ("name", .string(stayName)), ("strategy", .string("prompting")), ("model", .string(baseline.id)),
    ]
    if let successor = successor(of: baseline) { stay.append(("successor_model", .string(successor))) }
    let document = JSON.object([
      ("name", .string("ftcost advise: \(final.rawValue) against staying on \(baseline.id)")),
      (
        "description",
        .string(
          "Written by ftcost advise from the answers"
            + (assumptions.isEmpty ? "." : "; assumed: \(assumptions.joined(separator: "; ")).")
            + " Edit it and run ftcost compare --scenario FILE.")
      ),
      ("horizon_months", .integer(Int64(availability.horizonMonths))),
      ("start_date", .string(availability.date.description)),
      ("workload", .object(workload)),
      ("baseline", .object(stay)),
      ("candidates", .array(candidates)),
    ])
    let (decoded, _) = Scenario.parse(file: "advice", bytes: Array(document.rendered().utf8))
    guard let decoded else { return nil }
    return AdviceScenario(
      document: document, scenario: decoded, trainingCandidate: trainingName, switchCandidate: switchName,
      ragCandidate: ragName, assumptions: assumptions)
  }

  /// The model an untuned plan on `model` moves to when `model` retires inside the horizon: the
  /// first model down its successor chain that serves to the horizon's end, else its provider's
  /// cheapest such model; `nil` when it serves through the horizon.
  func successor(of model: ModelPricing) -> String? {
    guard let stop = model.stopsServing(fineTuned: false) else { return nil }
    let end = availability.date.adding(months: availability.horizonMonths)
    guard stop <= end else { return nil }
    var next = model.successor.flatMap { try? availability.catalog.model(named: $0) }
    var hops = 0
    while let candidate = next, hops < 10 {
      if candidate.stopsServing(fineTuned: false).map({ $0 > end }) ?? true { return candidate.id }
      next = candidate.successor.flatMap { try? availability.catalog.model(named: $0) }
      hops += 1
    }
    return availability.untuned(shape: shape).first { $0.model.provider == model.provider }?.model.id
  }

  /// A RAG candidate's retrieval terms, on the cheapest embedding model that serves through the
  /// horizon.
  private func ragTerms(_ assumptions: inout [String]) -> [(String, JSON)] {
    guard let embedding = availability.embeddingModel else { return [] }
    let context = "\(MoneyFormat.grouped(Decimal(Self.ragContextTokens))) tokens of retrieved context per request"
    if !assumptions.contains(context) { assumptions.append(context) }
    return [("embedding_model", .string(embedding.id)), ("context_tokens", .integer(Self.ragContextTokens))]
  }
}
