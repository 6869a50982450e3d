import Foundation

extension DatasetInspection {
  /// `dataset inspect`: the file's shape, token statistics, errors, the task's verdict and the
  /// training cost per model, as a document with the JSON contract.
  public func report(
    estimates: [DatasetEstimate], epochs: Int64?, epochsAreAutomatic: Bool, warnings: [String], task: TrainingTask?,
    model: ModelPricing?
  ) -> Report {
    var report = Report(
      title: file, json: json(estimates: estimates, epochs: epochs, warnings: warnings, task: task, model: model),
      primaryTable: "statistics")
    let encoding = encodings.first?.rawValue ?? "o200k_base"
    report.append(
      .lines([
        "\(file): \(format == .openai ? "OpenAI chat" : "Vertex Gemini contents") format, \(MoneyFormat.grouped(Decimal(fileBytes))) bytes",
        "examples: \(MoneyFormat.grouped(Decimal(examples)))  blank lines: \(blankLines)  errors: \(errorTotal)",
      ]))
    var stats = ReportTable(
      name: "statistics",
      columns: [
        .init("measure", ""), .init("min", "min"), .init("p5", "p5"), .init("median", "median"), .init("mean", "mean"),
        .init("p95", "p95"), .init("max", "max"),
      ])
    func row(_ title: String, _ values: CountHistogram) {
      guard let d = Distribution(values) else { return }
      stats.append([.text(title)] + [d.min, d.p5, d.median, d.mean, d.p95, d.max].map { .number($0, places: 1) })
    }
    row("messages per example", messagesPerExample)
    row("tokens per example (\(encoding))", tokensPerExample.first ?? CountHistogram())
    row("assistant tokens per example", assistantTokensPerExample.first ?? CountHistogram())
    report.append(.table(stats))
    let billed = estimates.first?.billedTokensPerEpoch ?? billedTokensPerEpoch.first ?? 0
    var lines = [
      "missing a system message: \(missingSystem); missing a user message: \(missingUser)",
      "tokens (\(encoding)): content \(MoneyFormat.grouped(Decimal(contentTokens.first ?? 0))), chat \(MoneyFormat.grouped(Decimal(chatTokens.first ?? 0))), billed per epoch \(MoneyFormat.grouped(Decimal(billed))) (\(truncatedExamples) over the per-example limit)",
    ]
    if let epochs { lines.append("epochs: \(epochs)\(epochsAreAutomatic ? " (auto)" : "")") }
    report.append(.lines(lines))
    report.append(
      .list(
        title: "errors",
        items: errorCounts.keys.sorted().map { key in
          let count = errorCounts[key] ?? 0
          let lines = (errorLines[key] ?? []).map(String.init).joined(separator: ", ")
          return "\(key.rawValue): \(count) (lines \(lines)\(count > 20 ? ", …" : ""))"
        }))
    if let task {
      let thresholds = ExampleThresholds(task: task, model: model)
      report.append(
        .lines([
          "task \(task.rawValue) (\(task.title)): \(countedExamples) examples is \(thresholds.verdict(examples: countedExamples)) - minimum \(thresholds.minimum) (\(thresholds.basis)), recommended \(MoneyFormat.grouped(Decimal(thresholds.recommended))), ideal \(MoneyFormat.grouped(Decimal(task.ideal)))+ (the advisor uses the same table)"
        ]))
    }
    if !estimates.isEmpty {
      var table = ReportTable(
        name: "training_cost", title: "training cost",
        columns: [
          .init("model", "model"), .init("encoding", "encoding"), .init("training_tokens", "training tokens"),
          .init("cost_usd", "cost"), .init("notes", "notes"),
        ])
      for estimate in estimates {
        let notes = [
          estimate.isEstimate ? "token counts estimated" : nil,
          estimate.model.isUnconfirmed("fine_tuning.training") ? "unconfirmed price" : nil,
        ].compactMap { $0 }
        table.append([
          .text(estimate.model.id), .text(estimate.encoding.rawValue + (estimate.isEstimate ? "~" : "")),
          .count(Decimal(estimate.trainingTokens)), .money(estimate.cost),
          notes.isEmpty ? .missing("") : .text(notes.joined(separator: "; ")),
        ])
      }
      report.append(.table(table))
    }
    report.append(.warnings(warnings))
    return report
  }

  /// The `dataset inspect --format json` object.
  func json(
    estimates: [DatasetEstimate], epochs: Int64?, warnings: [String], task: TrainingTask?, model: ModelPricing?
  ) -> JSON {
    let inspection = self
    func stats(_ values: CountHistogram) -> JSON { Distribution(values)?.json ?? .null }
    let keys = inspection.errorCounts.keys.sorted()
    var members: [(String, JSON)] = [
      ("file", .string(inspection.file)),
      ("format", .string(inspection.format.rawValue)),
      ("examples", .integer(Int64(inspection.examples))),
      ("blank_lines", .integer(Int64(inspection.blankLines))),
      ("errors", .object(keys.map { ($0.rawValue, JSON.integer(Int64(inspection.errorCounts[$0] ?? 0))) })),
      (
        "error_lines",
        .object(keys.map { ($0.rawValue, JSON.array((inspection.errorLines[$0] ?? []).map { .integer(Int64($0)) })) })
      ),
      ("warnings", .array(warnings.map { .string($0) })),
      ("messages_per_example", stats(inspection.messagesPerExample)),
      ("tokens_per_example", stats(inspection.tokensPerExample.first ?? CountHistogram())),
      ("assistant_tokens_per_example", stats(inspection.assistantTokensPerExample.first ?? CountHistogram())),
      ("encoding", .string(inspection.encodings.first?.rawValue)),
      ("content_tokens", .integer(inspection.contentTokens.first ?? 0)),
      ("chat_tokens", .integer(inspection.chatTokens.first ?? 0)),
      (
        "billed_tokens_per_epoch",
        .integer(estimates.first?.billedTokensPerEpoch ?? inspection.billedTokensPerEpoch.first ?? 0)
      ),
      ("epochs", epochs.map { .integer($0) } ?? .null),
      (
        "estimates",
        .array(
          estimates.map { estimate in
            .object([
              ("model", .string(estimate.model.id)), ("encoding", .string(estimate.encoding.rawValue)),
              ("estimate", .bool(estimate.isEstimate)), ("training_tokens", .integer(estimate.trainingTokens)),
              ("cost", .number(estimate.cost)),
              ("unconfirmed", .bool(estimate.model.isUnconfirmed("fine_tuning.training"))),
            ])
          })
      ),
      ("examples_missing_system", .integer(Int64(inspection.missingSystem))),
      ("examples_missing_user", .integer(Int64(inspection.missingUser))),
      ("truncated_examples", .integer(Int64(inspection.truncatedExamples))),
    ]
    if let task {
      let thresholds = ExampleThresholds(task: task, model: model)
      members.append(
        (
          "task",
          .object([
            ("task", .string(task.rawValue)), ("minimum", .integer(Int64(thresholds.minimum))),
            ("recommended", .integer(Int64(thresholds.recommended))),
            ("ideal", .integer(Int64(task.ideal))), ("basis", .string(thresholds.basis)),
            ("verdict", .string(thresholds.verdict(examples: inspection.countedExamples))),
          ])
        ))
    }
    return .object(members)
  }
}
