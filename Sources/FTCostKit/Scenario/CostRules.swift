/// The cost model's rules in words, as the README's "How costs are computed" states them.
///
/// The functions that apply each rule carry the same sentence in their docs; a test checks the
/// README quotes every rule verbatim, so the prose and the code cannot drift apart.
public enum CostRules {
  public static let all: [(topic: String, rule: String)] = [
    (
      "Units",
      "Prices are USD per 1,000,000 tokens (training and inference), USD per hour (hosting, GPUs) or USD per month (fixed services)."
    ),
    (
      "Arithmetic",
      "Money is computed in decimal arithmetic, never binary floating point: a price written 0.1 is exactly one tenth in every sum. Totals are rounded to cents only when displayed (half away from zero, or half-even with --rounding half-even); per-request figures show 6 significant digits; JSON carries unrounded values."
    ),
    ("Volume", "Requests in month m are R_m = R · (1+g)^(m−1), where R is requests_per_month and g is monthly_growth."),
    (
      "Per request",
      "cost_req = (s+f)·(1−h)·Pin + (s+f)·h·Pcache + (c+u)·Pin + o·Pout, plus u·Pemb for RAG strategies, with the fine-tuned prices for fine-tuned and distilled models."
    ),
    (
      "Few-shot",
      "Fine-tuned and distilled models default to few_shot_tokens = 0: the examples live in the weights, not in the prompt."
    ),
    (
      "Tiers",
      "A request whose input s+f+c+u exceeds a long-context tier threshold pays that tier's prices on all its tokens; exactly at the threshold pays the lower tier."
    ),
    (
      "Caching",
      "A model with no cached-input price may not be given a cached share h > 0: that is an error, not a silent zero."
    ),
    ("Prompting", "One-time cost I = setup_cost; fixed monthly cost F = 0."),
    ("RAG", "I = setup_cost + corpus_tokens·Pemb; F = vector_db_monthly + corpus_tokens·reindex_share_per_month·Pemb."),
    (
      "Training tokens",
      "Tokens per epoch D are training_tokens if given, else examples · tokens_per_example, else examples · (s_ft + u + o + overhead), where overhead is 3 tokens per message plus 3 per example (12 for system+user+assistant, 9 for user+assistant)."
    ),
    (
      "Epochs",
      "Epochs auto follows OpenAI's default: 3; if examples·3 < 100 then min(25, ⌊100/examples⌋); if examples·3 > 25,000 then max(1, ⌊25,000/examples⌋). An empty dataset is an error."
    ),
    (
      "Per-example cap",
      "An example longer than the model's max_tokens_per_example is billed at the cap and reported as truncated."
    ),
    (
      "Training cost",
      "training_cost = D · e · Ptrain, or training_hours · training_per_hour for reinforcement fine-tuning billed by the hour, capped at a provider's per-job maximum where one exists."
    ),
    (
      "Fine-tuning",
      "I = setup_cost + training_cost + examples·labeling_cost_per_example + eval_cost; F = hosting_per_hour · 730 when deployed fine-tuned models pay an hourly fee, else 0."
    ),
    ("Month", "A month is 730 hours (8,760 / 12) wherever an hourly rate becomes a monthly one."),
    (
      "Retraining",
      "With retrain_every_months = k, training_cost is paid again at the start of months 1+k, 1+2k, … inside the horizon."
    ),
    (
      "Distillation",
      "teacher_cost = examples · ((s+f+u)·Pin_T + o_T·Pout_T) with o_T = teacher_output_tokens (default o), at the teacher's batch prices when teacher_batch is true (a teacher without batch prices is an error); training is fine-tuning with example size s_ft + u + o_T + overhead; I = setup_cost + teacher_cost + training_cost + eval_cost."
    ),
    (
      "RAG + fine-tuning",
      "Fine-tuning's one-time and training rules plus RAG's corpus, query embedding, context and vector DB terms, on the fine-tuned model's prices."
    ),
    (
      "Evaluation",
      "eval_cost = K · (sum of the answers' costs) + K · answers · judge cost per call: each of K test cases is answered by the baseline, the candidate and, for distillation, the teacher, and each answer is scored once by the judge."
    ),
    (
      "Monthly costs",
      "B_m = R_m · b_req + F_b for the baseline and C_m = R_m · c_req + F_c + retrain_m for a candidate; savings_m = B_m − C_m; ΔI = I_c − I_b."
    ),
    (
      "Totals",
      "total_cost = I + Σ monthly costs; cost_ratio = b_req / c_req (null when c_req = 0); net_benefit = Σ savings_m − ΔI."
    ),
    ("ROI", "roi = net_benefit / ΔI and benefit_cost_ratio = Σ savings_m / ΔI, both null when ΔI ≤ 0."),
    (
      "Payback",
      "payback_months is the smallest t ≥ 0 with cumulative savings ≥ ΔI, linear inside the month where they cross: t = (m−1) + (ΔI − Σ_{k<m} savings_k) / savings_m; 0 when ΔI ≤ 0; searched to max(120, 10·H) months and \"never\" (null) beyond."
    ),
    (
      "Break-even",
      "break_even_requests_per_month R* = (ΔI + H·(F_c − F_b) + Σ retrain_m) / (S · (b_req − c_req)) with S = Σ_{m=1..H} (1+g)^(m−1); null when b_req ≤ c_req; 0 when the candidate is cheaper at any volume."
    ),
    ("NPV", "npv = −ΔI + Σ savings_m / (1+r)^m with the monthly rate r = (1+discount_rate_annual)^(1/12) − 1."),
    (
      "Lifecycle",
      "When a model's deprecation_date or a provider's fine-tuning new_jobs_until falls inside the horizon or before a scheduled retraining, ftcost warns (and lists it in JSON warnings); prices after retirement are not adjusted."
    ),
  ]
}
