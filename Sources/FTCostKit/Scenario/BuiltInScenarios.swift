/// Scenarios built into the binary, so `ftcost compare` works anywhere with no arguments.
///
/// `examples/module-20-distillation.json` holds the same text; a test keeps the two identical.
public enum BuiltInScenarios {
  /// Module 20.4's ROI example (see the cost model's worked check).
  public static let module20Distillation = #"""
    {
      "name": "Module 20.4: distil GPT-5 into a fine-tuned GPT-4o-mini",
      "description": "The course module's ROI example: 100,000 requests a month of 1,000 input tokens. GPT-5 answers 10,000 production prompts (175 output tokens each) to make the training set; GPT-4o-mini is fine-tuned on it for one epoch of 1,666,667 tokens. It starts on 2025-10-01, the module's own time, before any of its models retired.",
      "horizon_months": 12,
      "discount_rate_annual": 0,
      "start_date": "2025-10-01",
      "workload": {
        "requests_per_month": 100000,
        "user_tokens": 1000,
        "output_tokens": 0
      },
      "baseline": {
        "name": "GPT-5 prompting",
        "strategy": "prompting",
        "model": "gpt-5"
      },
      "candidates": [
        {
          "name": "Distilled GPT-4o-mini",
          "strategy": "distillation",
          "model": "gpt-4o-mini",
          "teacher": "gpt-5",
          "examples": 10000,
          "teacher_output_tokens": 175,
          "training_tokens": 1666667,
          "epochs": 1
        }
      ]
    }

    """#
}
