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
      "With retrain_every_months = k, a retraining is paid at the start of months 1+k, 1+2k, … inside the horizon: training_cost at the prices in effect that day + eval_cost + retrain_examples · (labeling_cost_per_example + the teacher's answer cost, for distillation). Teacher and judge are needed on the start day only; later they are priced at their prices on the day."
    ),
    (
      "Distillation",
      "teacher_cost = examples · ((s+f+u)·Pin_T + o_T·Pout_T) with o_T = teacher_output_tokens (default o), at the teacher's batch prices when teacher_batch is true (a teacher without batch prices is an error); training is fine-tuning with example size s_ft + u + o_T + overhead; I = setup_cost + teacher_cost + training_cost + examples·labeling_cost_per_example + eval_cost (labeling is 0 unless the plan gives a price, e.g. for reviewing the teacher's answers)."
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
      "Calendar",
      "Month m covers the days [d_m, d_{m+1}) with d_m = start + (m−1) calendar months, the day clamped to the month's length (2027-01-31 + 1 month = 2027-02-28); start is the scenario's start_date, else today (FTCOST_TODAY pins today)."
    ),
    (
      "Proration",
      "A month is split at every dated event inside it (a price change, a retirement, a migration, a fallback, the end of a lead time); a part of k days carries k / n_m of the month's requests R_m and of every fixed monthly cost, at the prices and serving mode in effect during it. A month costs (R_m · Σ k·cost per request + Σ k·F) / n_m plus the retraining and migration charges dated in it."
    ),
    (
      "Dated prices",
      "A price change replaces the fields it lists from its effective_from day on; one-time costs at the start use the prices in effect on the start day, a retraining or migration those in effect on its day, and month-1 figures (cost_per_request, effective_cost_per_request, cost_ratio) those of the start day."
    ),
    (
      "Serving dates",
      "A model stops serving on its deprecation_date and serves the days before it; a fine-tuned model stops on the earlier of its base model's deprecation_date and fine_tuning.deprecation_date. A training job can start on day X when X ≤ new_jobs_until (the model's own wins over its provider's) and the fine-tuned model would still serve on X."
    ),
    (
      "Infeasible",
      "A candidate whose serving model, initial training, teacher, judge or embedding model is not available on the start day is infeasible: it has a reason, no money figures (all null) and is never the verdict. A baseline that cannot run on the start day is an error (exit 1) that names the model, the date and its successor."
    ),
    (
      "Migration",
      "When a serving model stops on day D, an untrained plan moves to its successor (the plan's successor_model for its own model, else the table's successor) and is priced on it from D with the same token shape, paying migration_cost once on D; a trained plan moves only when the successor can be fine-tuned and takes new jobs on D, paying a retraining on it (the same training tokens and epochs at its prices on D), eval_cost again and migration_cost. A successor that does not serve on D is not followed further."
    ),
    (
      "Embedding retirement",
      "When a RAG plan's embedding model stops serving, the plan embeds with that model's successor from that day and pays for embedding its corpus again on it (corpus_tokens · Pemb) plus migration_cost; with no successor it falls back (a baseline: the error below)."
    ),
    (
      "Fallback",
      "A candidate that cannot migrate falls back: from D it costs exactly what the baseline costs on those days (its prices, fixed costs and migration costs), so its savings are 0 from D on; a scheduled retraining that cannot start (after new_jobs_until) makes it fall back on that day and is not billed. A baseline that cannot migrate is an error (exit 1) inside the horizon; after it, the payback search stops at that day. A baseline whose scheduled retraining cannot start is an error too: a baseline cannot fall back to itself."
    ),
    (
      "Lead time",
      "During lead_time_months L a candidate costs exactly what the baseline costs; a fractional L ends round_half_up(frac(L) · n_m) days into month ⌊L⌋ + 1. Its one-time costs are paid at the start; a retraining or migration dated inside the lead time is not billed, and its own fixed costs run from the end of the lead time until a fallback."
    ),
    (
      "Quality",
      "A failed answer costs (1 − success_rate) · failure_cost per request, added to cost_req in every month the plan serves (effective_cost_per_request); cost_per_request stays the token cost. A fallen-back plan has the baseline's success rate; a migrated plan keeps its own."
    ),
    (
      "Recurring costs",
      "ops_monthly and a fine-tuned model's fine_tuning.storage_per_month are part of the fixed monthly cost F, with vector_db_monthly, re-indexing and hosting."
    ),
    (
      "Self-hosted serving",
      "A plan with a hosting object pays for replicas, not tokens: t_req = (s+f+c+u) / input_tokens_per_second + o / output_tokens_per_second; a month (or a part that is share of it) serving R requests needs need = R·t_req / 3600 / max_utilization replica-hours, runs n = max(min_replicas, ⌈need / (730·share)⌉) replicas and costs n·gpus_per_replica·730·share·gpu_per_hour at the GPU's price in effect. Its cost_per_request is the month-1 GPU cost / R_1 (plus a RAG query's embedding), undefined — null in JSON, a dash in tables — at R_1 = 0; an evaluation answer, or a self-hosted baseline's answer on a candidate's retraining day, costs the same, at the GPU price of that day (an evaluation at R_1 = 0 is an error). Its self_hosting figures count its own GPUs only: during a lead time or after a fallback it pays a self-hosted baseline's GPUs, which are in its monthly cost but not in its replicas or GPU-hours. Idle share = 1 − used GPU-hours / allocated GPU-hours; the cost per 1M tokens is the GPU cost over the tokens served on its own GPUs."
    ),
    (
      "Self-hosted training",
      "A trained plan with hosting trains on its hosting GPU type: GPU-hours = D·e / (training_tokens_per_second[training_method] · 3600) · gpus_per_replica (LoRA unless training_method is full), or training_hours when given; cost = GPU-hours · gpu_per_hour on the day. Hosting fields left unset take the model's self_hosting figures (a managed service's entry, those of the open-weight model it runs)."
    ),
    (
      "Self-hosted lifecycle",
      "A self-hosted model never retires and its training never closes; a GPU's dated price change is an event of the plans it serves."
    ),
    (
      "Monthly costs",
      "B_m and C_m are the baseline's and the candidate's month-m costs under the calendar rules (B_m = R_m · b_req + F_b and C_m = R_m · c_req + F_c + retrain_m when nothing changes inside the month); savings_m = B_m − C_m; ΔI = I_c − I_b."
    ),
    (
      "Totals",
      "total_cost = I + Σ monthly costs; cost_ratio = the baseline's month-1 effective cost per request / the candidate's (null when the candidate's is 0 or either is undefined); net_benefit = Σ savings_m − ΔI."
    ),
    ("ROI", "roi = net_benefit / ΔI and benefit_cost_ratio = Σ savings_m / ΔI, both null when ΔI ≤ 0."),
    (
      "Payback",
      "payback_months is the smallest t ≥ 0 with cumulative savings ≥ ΔI, linear inside the month where they cross: t = (m−1) + (ΔI − Σ_{k<m} savings_k) / savings_m; 0 when ΔI ≤ 0; searched to max(120, 10·H) months and \"never\" (null) beyond. Months past the horizon apply later events without listing them; the search ends once a candidate has fallen back."
    ),
    (
      "Break-even",
      "break_even_requests_per_month R* is the month-1 volume at which the horizon's net benefit is 0, on effective costs: 0 when net(0) ≥ 0; when each plan serves its own way at one set of rates over the whole horizon and neither serves on its own GPUs (replicas are steps), R* = (ΔI + H·(F_c − F_b) + Σ retrain_m) / (S · (b_req − c_req)) with S = Σ_{m=1..H} (1+g)^(m−1), null when b_req ≤ c_req; otherwise bisection over [0, 10^12] (hi = mid when net(mid) ≥ 0, until hi − lo ≤ 10^-9 · hi; R* = hi), null when net(10^12) < 0."
    ),
    ("NPV", "npv = −ΔI + Σ savings_m / (1+r)^m with the monthly rate r = (1+discount_rate_annual)^(1/12) − 1."),
    (
      "Cash flows",
      "A candidate's cash flows are CF_0 = −ΔI in month 0 (the investment) and CF_m = savings_m in months 1 … H; month m's discount factor is 1/(1+r)^m and its discounted savings CF_m/(1+r)^m, which add up to npv. tco, the total cost of ownership over the horizon, is I + Σ monthly costs (total_cost); payback_date is the start date plus payback_months (whole months, then that share of the next month's days)."
    ),
    (
      "IRR",
      "irr_monthly is the monthly rate r > −1 at which Σ_{m=0..H} CF_m / (1+r)^m = 0; when several rates do, the one nearest 0 (stepping out from 0 by doubling steps of 0.01% up to 1,000% a month and down to −99%, then bisecting to 10^-15). It is null when the cash flows never change sign (nothing invested, or nothing ever saved) or no rate in that range works. irr_annual = (1+irr_monthly)^12 − 1."
    ),
    (
      "Footing",
      "Tables round each amount to cents once, and the parts a table shows add up to the total it shows: the total is rounded as usual, each part too, and when the rounded parts miss the rounded total, the difference, a whole number of cents, goes one cent at a time to the parts whose rounding moved them furthest the other way (largest remainder; ties to the larger amount, then the earlier part), so no part moves more than a cent from its own rounding. A cash-flow table foots both ways: each cell, month total and component total is within a cent of its exact value, and they add up across and down to the rounded total cost of ownership (the choice that departs least from ordinary rounding). Savings shown are the baseline's shown cost less the candidate's, so the net benefit shown is the baseline's shown total less the candidate's (within a cent of the exact figure); discounted savings add up to the rounded npv. JSON carries the unrounded values."
    ),
    (
      "Events",
      "Each plan lists its dated events inside the horizon: price_change (only for prices it is served with that day: inference or fine-tuned inference, hosting, storage, embedding), retirement, migration, fallback and retraining_blocked. On one day price changes come first, then a retirement with its migration or fallback, then scheduled retraining. A fallen-back candidate does not repeat the baseline's events."
    ),
    (
      "Status",
      "A candidate's status is feasible, falls_back (a fallback inside the horizon) or infeasible; the verdict is the candidate that can run with the largest positive net benefit that pays back, and names its fallback; every other plan that falls back or cannot run gets one sentence."
    ),
    (
      "Overlays",
      "A pricing overlay changes only the fields it sets (lists such as aliases, tiers and price_changes replace whole); every output that used a value it set names the overlay file."
    ),
    (
      "Advisor scenario",
      "With requests_per_month and no --scenario, ftcost advise prices a scenario it writes from the answers: 12 months from start_date (default today); user_tokens = prompt_tokens − few_shot_tokens, few_shot_tokens and output_tokens as answered (1,000 input and 300 output tokens when not); the baseline stays on current_model with prompting (a model retired on the start date is priced as its successor; with no current_model, the untuned base of the training candidate); the training candidate is the provider's model that takes a new job on the start date with the lowest fine-tuned cost per request, trained on the answered examples with epochs auto and no setup or labelling cost; a distillation's teacher is the baseline model; RAG candidates retrieve 1,000 tokens per request embedded with the cheapest embedding model. A baseline model that retires inside the horizon moves to the first model down its successor chain that serves to the horizon's end. --emit-scenario writes this scenario; compare gives the same numbers."
    ),
    (
      "Switch model",
      "A switch-model candidate is prompting on the untuned model with the lowest cost per request at the answered token shape among those that serve from the start date to the horizon's end (none retiring inside it, none whose fine-tuning is closed), with equal prices won by the answered provider; it is added when it is cheaper per request than staying. When cost drives the decision (problem cost or cost_critical yes) and it costs no more per request than the cheapest fine-tuned candidate, the advice is switch-model."
    ),
    (
      "Volume decides",
      "A training recommendation whose candidate never pays back within the horizon (payback null, or net benefit ≤ 0) or cannot run becomes rag (for rag+fine-tuning), switch-model (when cost or latency drives and the switch candidate's net benefit is positive) or prompting, and the advice states the one-time cost, month-1 costs, net benefit, any hourly hosting fee (hosting_per_hour · 730 a month) and the break-even volume."
    ),
    (
      "Uncertain inputs",
      "An uncertainty entry (or --vary PATH=LOW..HIGH) gives a scenario value or a price (prices.MODEL.FIELD) a range that must hold the value as written and whose ends the scenario accepts: triangular (that value most likely, the default), uniform, or lognormal with low and high as its 10th and 90th percentiles (not for shares, rates or epochs, which are bounded). Each variant is priced exactly as compare --set prices it, a price on a copy of the tables; a price with a dated change in the tables, and horizon_months, cannot take a range. Counts take whole ends, and draws are rounded half up to whole numbers."
    ),
    (
      "Sensitivity",
      "A tornado moves each input alone to its low and its high value, the others as written, and sorts the inputs by |figure at high − figure at low|, an end that never pays back first; an input's break-even value is where the candidate's net benefit over the horizon is 0, by bisection between its low and high value to a millionth of the range (whole for a count), and none when the sign does not change in the range."
    ),
    (
      "Simulation",
      "Sample i draws every input from its own SplitMix64 stream of the seed, in binary floating point (inverse distribution functions need sqrt, log and exp), and each draw becomes a decimal of at most 12 significant digits before the scenario is planned. Samples are evaluated, ranked and counted in binary floating point by the same rules; P10, P50 and P90 are the ⌈p·N⌉-th smallest samples by that ranking, a payback that never comes ranking above every number, each priced again by the decimal engine for the figure shown; a candidate pays back within the horizon in a sample when its payback is at most H months and its net benefit is at least 0; it is best where it is the verdict's plan, and staying is best where no candidate is."
    ),
  ]
}
