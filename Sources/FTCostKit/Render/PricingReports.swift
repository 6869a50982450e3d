import Foundation

/// `pricing list`, `show` and `validate` as documents.
public enum PricingReports {
  /// Every model in `models` with its main prices (per 1M tokens, per hour where marked) and its
  /// lifecycle status on `today`; CSV splits each `in / out` pair into two plain numbers.
  public static func list(_ models: [ModelPricing], today: ISODate) -> Report {
    func price(_ value: Decimal?, _ model: ModelPricing, _ path: String, per: String = "") -> ReportCell {
      guard let value else { return .missing("-") }
      return .price(value, currency: model.currency, mark: (model.isUnconfirmed(path) ? "*" : "") + per)
    }
    func pair(_ a: ReportCell, _ b: ReportCell, money: MoneyFormat = MoneyFormat()) -> ReportCell {
      if case .missing = a, case .missing = b { return .missing("-") }
      return .text(a.display(money) + " / " + b.display(money))
    }
    var table = ReportTable(
      name: "models",
      columns: [
        .init("model", "model"), .init("provider", "provider"),
        .init("input_shown", "input", audience: .people, alignsRight: true),
        .init("input_per_1m_usd", "input", audience: .data), .init("gpu_per_hour_usd", "GPU", audience: .data),
        .init("cached_input_per_1m_usd", "cached"), .init("output_per_1m_usd", "output"),
        .init("batch_shown", "batch in/out", audience: .people, alignsRight: true),
        .init("batch_input_per_1m_usd", "batch input", audience: .data),
        .init("batch_output_per_1m_usd", "batch output", audience: .data),
        .init("ft_training_shown", "FT training", audience: .people, alignsRight: true),
        .init("ft_training_per_1m_usd", "FT training", audience: .data),
        .init("ft_training_per_hour_usd", "FT training per hour", audience: .data),
        .init("ft_inference_shown", "FT in/out", audience: .people, alignsRight: true),
        .init("ft_input_per_1m_usd", "FT input", audience: .data),
        .init("ft_output_per_1m_usd", "FT output", audience: .data),
        .init("status", "status"), .init("unconfirmed", "unconfirmed", audience: .data),
      ])
    for model in models {
      let inference = model.inference
      let embedding = model.embedding
      let input =
        inference != nil
        ? price(inference?.input, model, "inference.input") : price(embedding?.input, model, "embedding.input")
      let gpu = price(model.gpuPerHour, model, "gpu_per_hour", per: "/h")
      let batchInput =
        inference?.batchInput != nil
        ? price(inference?.batchInput, model, "inference.batch_input")
        : price(embedding?.batchInput, model, "embedding.batch_input")
      let batchOutput = price(inference?.batchOutput, model, "inference.batch_output")
      var batchShown = ReportCell.missing("-")
      if inference?.batchInput != nil, inference?.batchOutput != nil {
        batchShown = pair(batchInput, batchOutput)
      } else if embedding?.batchInput != nil {
        batchShown = batchInput
      }
      let ft = model.fineTuning
      let training = price(ft?.training, model, "fine_tuning.training")
      let perHour = price(ft?.trainingPerHour, model, "fine_tuning.training_per_hour", per: "/h")
      let ftInput = price(ft?.inference?.input, model, "fine_tuning.inference.input")
      let ftOutput = price(ft?.inference?.output, model, "fine_tuning.inference.output")
      table.append([
        .text(model.id), .text(model.provider), model.gpuPerHour != nil ? gpu : input,
        model.gpuPerHour != nil ? .missing("") : input, gpu,
        price(inference?.cachedInput, model, "inference.cached_input"),
        price(inference?.output, model, "inference.output"), batchShown, batchInput, batchOutput,
        ft?.training != nil ? training : perHour, training, perHour,
        ft?.inference != nil ? pair(ftInput, ftOutput) : .missing("-"), ftInput, ftOutput,
        .text(model.status(on: today)),
        model.unconfirmed.isEmpty ? .missing("") : .text(model.unconfirmed.joined(separator: " ")),
      ])
    }
    var report = Report(title: "Models", json: .array(models.map(\.json)), primaryTable: "models")
    report.append(.table(table))
    var notes: [String] = []
    if models.contains(where: { !$0.unconfirmed.isEmpty }) {
      notes.append("* unconfirmed: no primary source confirms this value; check it before you budget on it.")
    }
    for model in models where !model.origin.isBuiltIn {
      if let builtIn = model.origin.overrides {
        notes.append(
          "\(model.id): \(model.overlaidPaths.joined(separator: ", ")) from \(model.origin.file) (the rest from \(builtIn))"
        )
      } else {
        notes.append("\(model.id): prices from \(model.origin.file) (added)")
      }
    }
    report.append(.notes(notes))
    return report
  }

  /// Every price, limit and lifecycle date of `model`: people read `$0.15 per 1M tokens`, CSV gets
  /// the value and its unit apart.
  public static func show(_ model: ModelPricing, today: ISODate) -> Report {
    let money = MoneyFormat(currency: model.currency)
    var table = ReportTable(
      name: "fields",
      columns: [
        .init("field", "field"), .init("shown", "value", audience: .people), .init("value", "value", audience: .data),
        .init("unit", "unit", audience: .data), .init("unconfirmed", "unconfirmed", audience: .data),
      ])
    func add(_ field: String, _ value: String?, raw: ReportCell? = nil, unit: String = "", unconfirmed: Bool = false) {
      guard let value else { return }
      table.append([
        .text(field), .text(value), raw ?? .text(value), unit.isEmpty ? .missing("") : .text(unit),
        .text(unconfirmed ? "yes" : "no"),
      ])
    }
    func price(_ path: String, _ value: Decimal?, unit: String = "per 1M tokens") {
      guard let value else { return }
      let unconfirmed = model.isUnconfirmed(path)
      add(
        path, money.price(value) + " " + unit + (unconfirmed ? " (unconfirmed)" : ""),
        raw: .price(value, currency: model.currency, mark: ""), unit: "\(model.currency) \(unit)",
        unconfirmed: unconfirmed)
    }
    add("id", model.id)
    add("provider", "\(model.providerDisplayName) (\(model.provider))")
    add("aliases", model.aliases.isEmpty ? nil : model.aliases.joined(separator: ", "))
    add("tokenizer", model.tokenizer.map { $0 == "approximate" ? "approximate (token counts are estimates)" : $0 })
    add(
      "context_window", model.contextWindow.map { MoneyFormat.grouped(Decimal($0)) + " tokens" },
      raw: model.contextWindow.map { .count(Decimal($0)) }, unit: "tokens")
    add("deprecation_date", model.deprecationDate?.description, raw: model.deprecationDate.map { .date($0) })
    add("successor", model.successor)
    add("status", model.status(on: today))
    if let inference = model.inference {
      price("inference.input", inference.input)
      price("inference.cached_input", inference.cachedInput)
      price("inference.output", inference.output)
      price("inference.batch_input", inference.batchInput)
      price("inference.batch_output", inference.batchOutput)
      for tier in inference.tiers {
        add(
          "inference.tier > \(MoneyFormat.grouped(Decimal(tier.aboveInputTokens)))",
          "input \(money.price(tier.input)), cached \(tier.cachedInput.map(money.price) ?? "-"), output \(money.price(tier.output)) per 1M (on all tokens of a longer request)"
        )
      }
    }
    if let embedding = model.embedding {
      price("embedding.input", embedding.input)
      price("embedding.batch_input", embedding.batchInput)
    }
    price("gpu_per_hour", model.gpuPerHour, unit: "per GPU-hour")
    if let ft = model.fineTuning {
      price("fine_tuning.training", ft.training)
      price("fine_tuning.training_per_hour", ft.trainingPerHour, unit: "per training hour")
      if let prices = ft.inference {
        price("fine_tuning.inference.input", prices.input)
        price("fine_tuning.inference.cached_input", prices.cachedInput)
        price("fine_tuning.inference.output", prices.output)
        price("fine_tuning.inference.batch_input", prices.batchInput)
        price("fine_tuning.inference.batch_output", prices.batchOutput)
      }
      add(
        "fine_tuning.max_tokens_per_example", ft.maxTokensPerExample.map { MoneyFormat.grouped(Decimal($0)) },
        raw: ft.maxTokensPerExample.map { .count(Decimal($0)) }, unit: "tokens")
      let minimum = ft.minExamples ?? model.providerFineTuning?.minExamples
      add("fine_tuning.min_examples", minimum.map(String.init), raw: minimum.map { .count(Decimal($0)) })
      let recommended = ft.recommendedExamples ?? model.providerFineTuning?.recommendedExamples
      add(
        "fine_tuning.recommended_examples", recommended.map(String.init), raw: recommended.map { .count(Decimal($0)) })
      price("fine_tuning.hosting_per_hour", ft.hostingPerHour, unit: "per hour deployed")
      price("fine_tuning.max_job_fee", ft.maxJobFee, unit: "per job (cap)")
      add(
        "fine_tuning.new_jobs_until", model.fineTuningNewJobsUntil?.description,
        raw: model.fineTuningNewJobsUntil.map { .date($0) })
      add("fine_tuning.deprecation_date", ft.deprecationDate?.description, raw: ft.deprecationDate.map { .date($0) })
      if let stop = model.stopsServing(fineTuned: true), stop != ft.deprecationDate {
        add("fine-tuned models stop serving", "\(stop) (with the base model, the earlier date)", raw: .date(stop))
      }
      add("fine_tuning.note", ft.note)
    } else {
      add(
        "fine_tuning",
        model.providerFineTuning?.api == false
          ? "none: \(model.providerDisplayName) has no public fine-tuning API"
          : "none: the tables list no fine-tuning for this model")
    }
    for change in model.priceChanges {
      let before = model.pricing(on: ISODate(daysSinceEpoch: change.effectiveFrom.daysSinceEpoch - 1))
      let after = model.pricing(on: change.effectiveFrom)
      let fields = change.changedPaths.map { path -> String in
        let old = before.price(at: path).map(money.price) ?? "-"
        let new = after.price(at: path).map(money.price) ?? "-"
        let mark = after.isUnconfirmed(path) ? " (unconfirmed)" : ""
        return "\(path) \(old) -> \(new)\(mark)"
      }
      add(
        "price change \(change.effectiveFrom)",
        fields.joined(separator: ", ") + (change.source.map { " [\($0)]" } ?? ""))
    }
    add("as_of", model.asOf.description, raw: .date(model.asOf))
    add("source", model.source)
    add("note", model.note)
    add("file", model.origin.file + (model.origin.overrides.map { " (overrides \($0))" } ?? ""))
    if !model.overlaidPaths.isEmpty {
      add(
        "from the overlay",
        model.overlaidPaths.joined(separator: ", ")
          + " (the rest from \(model.origin.overrides ?? "the built-in table"))")
    }
    return Report(title: model.id, blocks: [.table(table)], json: model.json, primaryTable: "fields")
  }

  /// `pricing validate`: every problem, or one line saying the files hold together.
  public static func validation(files: Int, models: Int, problems: [Diagnostic]) -> Report {
    let json = JSON.object([
      ("files", .integer(Int64(files))),
      ("models", .integer(Int64(models))),
      (
        "problems",
        .array(
          problems.map { problem in
            .object([
              ("file", .string(problem.file)), ("line", problem.location.map { .integer(Int64($0.line)) } ?? .null),
              ("column", problem.location.map { .integer(Int64($0.column)) } ?? .null),
              ("field", .string(problem.path)),
              ("message", .string(problem.message)),
            ])
          })
      ),
    ])
    let lines =
      problems.isEmpty
      ? ["ok: \(files) file\(files == 1 ? "" : "s"), \(models) model\(models == 1 ? "" : "s"), no problems"]
      : problems.map(\.description)
    return Report(title: "Pricing validation", blocks: [.lines(lines)], json: json)
  }
}
