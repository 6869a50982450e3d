/// The questions that put money on the advice: volume, the model used today, the request's size
/// and when the work starts.
///
/// None of them steers the tree; each is optional (interactive mode lets the user skip it). With
/// `requests_per_month` the advisor builds a scenario and runs the engine.
extension DecisionTree {
  public static let moneyQuestions: [Question] = [
    Question(
      key: "requests_per_month", text: "How many requests a month does the model serve?",
      why:
        "Training pays back only through cheaper requests: at low volume a one-time training cost (or a fixed hosting fee) never pays back.",
      kind: .number, defaultAnswer: nil),
    Question(
      key: "current_model", text: "Which model do you use today (id or alias)?",
      why: "Staying on it is what every other path is priced against; a cheaper current model may beat any training.",
      kind: .model, defaultAnswer: nil),
    Question(
      key: "prompt_tokens", text: "How many input tokens does a request have (system + few-shot + user input)?",
      why: "Price per request is input tokens times the input price plus output tokens times the output price.",
      kind: .count, defaultAnswer: nil),
    Question(
      key: "few_shot_tokens", text: "How many of those input tokens are few-shot examples?",
      why: "A fine-tuned model needs no few-shot examples: they live in its weights, so its prompt is shorter.",
      kind: .count, defaultAnswer: nil),
    Question(
      key: "output_tokens", text: "How many output tokens does an answer have?",
      why: "Output tokens cost several times more than input tokens on most models.", kind: .count,
      defaultAnswer: nil),
    Question(
      key: "start_date", text: "When would the work start (YYYY-MM-DD)?",
      why:
        "Models retire and providers close fine-tuning to new jobs: only what is open on the start date can be recommended.",
      kind: .date, defaultAnswer: nil),
    Question(
      key: "task", text: "What kind of task would the model be trained on?",
      why:
        "Module 20.2: a classification task needs fewer examples than a style, domain or multi-turn task.",
      kind: .choice(TrainingTask.allCases.map { ($0.rawValue, $0.title) }), defaultAnswer: nil),
  ]
}
