import Foundation

/// The "should we fine-tune?" tree: module 20.1's rules and the providers' own guidance, in one
/// declarative value that is easy to read and edit.
extension DecisionTree {
  static let module = "module 20.1"
  static let openAIGuide = "OpenAI SFT guide: minimum 10 examples, start with 50 well-crafted ones"
  static let vertexGuide = "Vertex AI supervised tuning: start with 100 examples"
  static let anthropicNote = "module 20.3: Anthropic has no public fine-tuning API"

  public static let standard = DecisionTree(questions: questions, root: root)

  public static let questions: [Question] = [
    Question(
      key: "problem", text: "What is the main problem with the model today?",
      why:
        "Missing knowledge is fixed by putting data in the context (RAG); a format, style or tone the model will not keep is fixed by training on examples; cost and latency can be fixed by a smaller trained model.",
      kind: .choice([
        ("knowledge", "it does not know our data (facts, documents, products)"),
        ("format", "it does not keep our format, style or tone"),
        ("both", "both: missing knowledge and the wrong style"),
        ("cost", "quality is fine, but inference costs too much"),
        ("latency", "quality is fine, but answers are too slow"),
      ]), defaultAnswer: "format"),
    Question(
      key: "few_shot_quality",
      text: "How close does a good few-shot prompt get to your quality target (percent, or 'unknown')?",
      why:
        "If few-shot prompting already reaches 90% or more of the target, fine-tuning rarely pays for its data, training and upkeep.",
      kind: .percentage, defaultAnswer: "unknown"),
    Question(
      key: "examples", text: "How many good (rated, reviewed) examples do you have?",
      why:
        "Fewer than 50 good examples are not enough to train on; providers set their own floors (OpenAI 10, Vertex recommends starting with 100).",
      kind: .count, defaultAnswer: nil),
    Question(
      key: "data_changes", text: "Does the underlying data change often?",
      why:
        "Data that changes often is better served from a retrieval index than baked into weights that must be retrained.",
      kind: .choice([("often", "weekly or faster"), ("rarely", "a few times a year")]), defaultAnswer: "rarely"),
    Question(
      key: "provider", text: "Which provider will host the model?",
      why:
        "Fine-tuning is only possible where the provider offers it (Anthropic has no public fine-tuning API), and some providers are closing fine-tuning to new jobs.",
      kind: .provider, defaultAnswer: "openai"),
    Question(
      key: "cost_critical", text: "Is inference cost critical?",
      why:
        "When cost matters and a stronger model already meets the bar, distilling it into a fine-tuned small model cuts the price per request most.",
      kind: .choice([("yes", "cost per request drives the decision"), ("no", "cost is secondary")]), defaultAnswer: "no"
    ),
    Question(
      key: "latency_critical", text: "Is latency critical?",
      why: "A fine-tuned model needs a shorter prompt (no few-shot examples), and a shorter prompt answers faster.",
      kind: .choice([("yes", "users wait on every answer"), ("no", "latency is acceptable")]), defaultAnswer: "no"),
    Question(
      key: "teacher_meets_quality", text: "Does a stronger model already meet your quality bar on this task?",
      why:
        "Distillation copies a teacher's answers into a smaller model; it only works when some model already answers well enough.",
      kind: .choice([
        ("yes", "a stronger model meets the bar"), ("no", "no model meets it yet"), ("unknown", "not evaluated yet"),
      ]),
      defaultAnswer: "unknown"),
  ]

  static func outcome(_ recommendation: Recommendation, _ summary: String, next: [String], caveats: [String] = [])
    -> DecisionNode
  {
    .outcome(Outcome(recommendation: recommendation, summary: summary, nextSteps: next, caveats: caveats))
  }

  static let collectData = outcome(
    .collectData, "Not yet: collect more good examples first, and keep improving the prompt meanwhile.",
    next: [
      "collect {more} more rated examples (at least {target} in all, {recommended} recommended), then `ftcost dataset build logs.jsonl --min-rating 4 --out train.jsonl`",
      "check them with `ftcost dataset inspect train.jsonl{task}`",
      "meanwhile keep improving the prompt and measure it against a test set",
    ])

  static func byProvider(_ trained: DecisionNode, withoutFineTuning: DecisionNode) -> DecisionNode {
    .ask(
      "provider",
      [
        Branch(
          condition: .providerWithoutFineTuning,
          rule:
            "the provider has no public fine-tuning API -> prompt engineering, few-shot and RAG, or another provider for the trained part",
          source: anthropicNote, next: withoutFineTuning),
        Branch(
          condition: .otherwise, rule: "the provider can fine-tune", source: "pricing tables (fine_tuning.api)",
          next: trained),
      ])
  }

  static func enoughExamples(_ then: DecisionNode, tooFew: DecisionNode = collectData) -> DecisionNode {
    .ask(
      "examples",
      [
        Branch(
          condition: .belowExampleMinimum,
          rule:
            "fewer examples than the minimum for the provider and task (module 20.2's table, never below 50; Vertex AI 100) -> not enough for training",
          source: "module 20.1 and 20.2; " + openAIGuide + "; " + vertexGuide, next: tooFew),
        Branch(
          condition: .otherwise, rule: "at least the minimum for the provider and task -> enough to train",
          source: "module 20.1 and 20.2", next: then),
      ])
  }

  static let fineTune = outcome(
    .fineTuning, "Fine-tune: teach the format, style or tone with examples.",
    next: [
      "price the job on your real file: `ftcost train --dataset train.jsonl --model {train_model}`",
      "compare it with staying over the horizon: `ftcost compare --scenario {scenario}`",
      "evaluate the fine-tuned model against the base model before switching (module 20.5)",
    ])

  static let distil = outcome(
    .distillation,
    "Distil: let the stronger model answer your production prompts, and fine-tune a small model on its answers.",
    next: [
      "estimate teacher and training cost and the payback: `ftcost roi --scenario {scenario}`",
      "price the student's training on your real file: `ftcost train --dataset train.jsonl --model {train_model}`",
      "generate the training set from production prompts, then `ftcost dataset inspect train.jsonl`",
      "evaluate student against teacher on a held-out set (module 20.5)",
    ])

  static let promptOnly = outcome(
    .prompting, "Stay with prompting: improve the prompt and few-shot examples.",
    next: [
      "keep a test set and measure each prompt change",
      "cache the static prefix to cut its cost: set cached_prefix_share in {scenario} and run `ftcost compare --scenario {scenario}`",
    ])

  static let noFineTuningProvider = outcome(
    .prompting, "Prompt engineering with few-shot examples (and RAG for facts): the provider cannot fine-tune.",
    next: [
      "tighten the prompt and few-shot examples; use extended thinking for hard cases",
      "if training is essential, price the trained part on another provider: `ftcost pricing list --fine-tunable`",
    ],
    caveats: ["Anthropic recommends prompt engineering, few-shot examples and RAG instead of fine-tuning."])

  static let root: DecisionNode = .ask(
    "problem",
    [
      Branch(
        condition: .equals("knowledge"), rule: "the model does not know your data -> RAG (add the data to the context)",
        source: module,
        next: outcome(
          .rag, "RAG: retrieve your documents into the context; the model does not need new weights to use new facts.",
          next: [
            "price retrieval against prompting: a rag candidate with embedding_model and context_tokens in `ftcost compare --scenario {scenario}`",
            "index the documents and measure answer quality on real questions",
          ],
          caveats: ["Data that changes only needs re-indexing, not retraining."])),
      Branch(
        condition: .equals("both"), rule: "missing knowledge and the wrong style -> RAG + fine-tuning", source: module,
        next:
          byProvider(
            enoughExamples(
              outcome(
                .ragFineTuning, "RAG + fine-tuning: retrieval for the facts, a fine-tuned model for the style.",
                next: [
                  "start with RAG now; fine-tune the style once the examples are ready",
                  "price both parts: a rag+fine-tuning candidate in `ftcost compare --scenario {scenario}`",
                ])),
            withoutFineTuning: outcome(
              .rag, "RAG for the facts, and few-shot prompting for the style: the provider cannot fine-tune.",
              next: [
                "price retrieval: a rag candidate in `ftcost compare --scenario {scenario}`",
                "or fine-tune the style on another provider: `ftcost pricing list --fine-tunable`",
              ],
              caveats: ["Anthropic recommends prompt engineering, few-shot examples and RAG instead of fine-tuning."]))
      ),
      Branch(
        condition: .equals("format"),
        rule:
          "the model does not keep the format, style or tone -> fine-tuning, unless prompting is already good enough",
        source: module,
        next: .ask(
          "few_shot_quality",
          [
            Branch(
              condition: .atLeast(90),
              rule: "few-shot prompting already gives 90% or more of the quality -> stay with prompts", source: module,
              next: promptOnly),
            Branch(
              condition: .otherwise, rule: "few-shot prompting falls short of 90% (or is unmeasured)", source: module,
              next:
                byProvider(
                  enoughExamples(
                    .ask(
                      "cost_critical",
                      [
                        Branch(
                          condition: .equals("yes"),
                          rule: "inference cost is critical -> check whether a stronger model can teach a small one",
                          source: module,
                          next: .ask(
                            "teacher_meets_quality",
                            [
                              Branch(
                                condition: .equals("yes"),
                                rule:
                                  "a stronger model meets the bar and cost is critical -> distillation into a fine-tuned small model",
                                source: "module 20.1 and 20.4", next: distil),
                              Branch(
                                condition: .otherwise,
                                rule: "no teacher meets the bar yet -> fine-tune on your own examples", source: module,
                                next: fineTune),
                            ])),
                        Branch(
                          condition: .equals("no"), rule: "cost is secondary",
                          source: module,
                          next: .ask(
                            "latency_critical",
                            [
                              Branch(
                                condition: .equals("yes"),
                                rule: "latency is critical -> fine-tuning (a shorter prompt answers faster)",
                                source: module, next: fineTune),
                              Branch(
                                condition: .equals("no"), rule: "fine-tuning teaches the format with examples",
                                source: module, next: fineTune),
                            ])),
                      ])),
                  withoutFineTuning: noFineTuningProvider)),
          ])),
      Branch(
        condition: .equals("cost"), rule: "inference cost is the problem -> a smaller model, trained if needed",
        source: module,
        next: .ask(
          "teacher_meets_quality",
          [
            Branch(
              condition: .equals("yes"),
              rule: "a stronger model already meets the quality bar -> distillation candidate",
              source: "module 20.1 and 20.4",
              next: .ask(
                "data_changes",
                [
                  Branch(
                    condition: .equals("often"), rule: "the data changes often -> RAG rather than retraining",
                    source: module,
                    next: outcome(
                      .rag, "RAG on a smaller model: retrain nothing when the data changes.",
                      next: [
                        "compare a smaller model with retrieval against the current one: `ftcost compare --scenario {scenario}`"
                      ],
                      caveats: [
                        "A distilled model would need retraining at every data change; price that with retrain_every_months if you still consider it."
                      ])),
                  Branch(
                    condition: .equals("rarely"), rule: "the data is stable, so a distilled model stays valid",
                    source: module,
                    next:
                      byProvider(
                        enoughExamples(distil),
                        withoutFineTuning: outcome(
                          .prompting,
                          "A smaller model with few-shot prompts and a cached prefix: the provider cannot fine-tune.",
                          next: [
                            "compare smaller models by price: `ftcost compare --scenario {scenario}`",
                            "or distil on another provider: `ftcost pricing list --fine-tunable`",
                          ],
                          caveats: [
                            "Anthropic recommends prompt engineering, few-shot examples and RAG instead of fine-tuning."
                          ]))),
                ])),
            Branch(
              condition: .otherwise,
              rule: "no model is known to meet the bar -> there is no teacher to distil from yet",
              source: "module 20.4",
              next: .ask(
                "few_shot_quality",
                [
                  Branch(
                    condition: .atLeast(90),
                    rule: "few-shot prompting already gives 90% or more -> a cheaper model with few-shot prompts",
                    source: module, next: promptOnly),
                  Branch(
                    condition: .otherwise,
                    rule:
                      "no model and no prompt meets the bar yet -> build an evaluation set before training anything",
                    source: "module 20.5", next: collectData),
                ])),
          ])),
      Branch(
        condition: .equals("latency"),
        rule:
          "latency is the problem -> a smaller, faster model first; fine-tuning or distillation drops the few-shot prefix",
        source: module,
        next: .ask(
          "teacher_meets_quality",
          [
            Branch(
              condition: .equals("yes"),
              rule: "a stronger model meets the bar -> distil it into a smaller, faster model",
              source: "module 20.1 and 20.4",
              next: byProvider(
                enoughExamples(distil, tooFew: .outcome(latencyAdvice)), withoutFineTuning: .outcome(latencyAdvice))),
            Branch(
              condition: .otherwise,
              rule: "fine-tune the current model so it needs no few-shot examples: a shorter prompt answers faster",
              source: module,
              next: byProvider(
                enoughExamples(latencyFineTune, tooFew: .outcome(latencyAdvice)),
                withoutFineTuning: .outcome(latencyAdvice))),
          ])),
    ])
}
