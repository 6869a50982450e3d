/// The outcomes for latency, and those the advisor moves to when the market, the calendar or the
/// volume overrule the tree's leaf.
extension DecisionTree {
  static let latencyNote =
    "Few-shot examples add input tokens, and input tokens add time to the first token: a longer prompt is a slower one."

  /// Latency first fixed without training.
  public static let latencyAdvice = Outcome(
    recommendation: .switchModel,
    summary:
      "Cut latency without training: a smaller, faster model, prompt caching, streaming and less reasoning.",
    nextSteps: [
      "try a smaller, faster current model against your test set: {switch_models}",
      "cache the static prefix (system prompt and few-shot examples): cached tokens are read faster and cost less",
      "stream the answer so users see the first tokens at once",
      "lower the reasoning effort (or turn extended thinking off) where the task allows it",
      "once you have {target} good examples, fine-tune to drop the few-shot prefix: a shorter prompt answers faster",
    ],
    caveats: [latencyNote])

  /// Latency fixed by fine-tuning the few-shot prefix away.
  static let latencyFineTune = outcome(
    .fineTuning,
    "Fine-tune so the model needs no few-shot examples: a shorter prompt answers faster. Meanwhile: a smaller model, caching, streaming, less reasoning.",
    next: [
      "price the job on your real file: `ftcost train --dataset train.jsonl --model {train_model}`",
      "compare it with staying over the horizon: `ftcost compare --scenario {scenario}`",
      "meanwhile cache the static prefix, stream answers and lower the reasoning effort",
      "evaluate the fine-tuned model against the base model before switching (module 20.5)",
    ],
    caveats: [latencyNote])

  /// A current untuned model is cheaper than the trained candidate.
  public static let switchForCost = Outcome(
    recommendation: .switchModel,
    summary:
      "Switch models: a current untuned model costs less per request than the fine-tuned candidate; try it first, with prompt caching and the batch API.",
    nextSteps: [
      "evaluate the cheaper current models on your test set before switching (module 20.5): {switch_models}",
      "price the switch against staying: `ftcost compare --scenario {scenario}`",
      "cache the static prefix (cached_prefix_share) and send work that can wait through the batch API (half price)",
      "fine-tune only if the cheaper model misses the bar: keep the examples for it",
    ],
    caveats: [])

  /// Training does not pay back at this volume: stay with prompting.
  public static let stayForVolume = Outcome(
    recommendation: .prompting,
    summary: "Stay with prompting: at this volume training does not pay back; improve the prompt instead.",
    nextSteps: [
      "keep a test set and measure each prompt change",
      "see the volume at which training would pay back: `ftcost breakeven --scenario {scenario}`",
      "cache the static prefix to cut its cost: set cached_prefix_share in {scenario}",
    ],
    caveats: [])

  /// The fine-tuned half of RAG + fine-tuning does not pay back, or cannot start.
  public static let ragWithoutTraining = Outcome(
    recommendation: .rag,
    summary: "RAG for the facts, and few-shot prompting for the style: the fine-tuned part does not pay for itself.",
    nextSteps: [
      "index the documents and measure answer quality on real questions",
      "price retrieval against staying: `ftcost compare --scenario {scenario}`",
      "keep the style in the prompt's few-shot examples; revisit fine-tuning when the volume grows",
    ],
    caveats: [])

  /// The provider takes no fine-tuning job on the start date.
  public static let noTrainingOnDate = Outcome(
    recommendation: .prompting,
    summary:
      "Stay with prompting for now: the provider takes no new fine-tuning job on the start date; train elsewhere only if the numbers justify a move.",
    nextSteps: [
      "keep improving the prompt and measure it against a test set",
      "price training elsewhere against staying: a candidate on an open provider in `ftcost compare --scenario {scenario}`",
    ],
    caveats: [])
}
