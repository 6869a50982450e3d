import Foundation

/// `cost`: requests on one model, per request and in total.
public struct RequestQuote: Sendable {
  public var model: ModelPricing
  public var cost: RequestCost
  public var requests: Decimal
  public var inputTokens: Int64
  public var cachedInputTokens: Int64
  public var outputTokens: Int64
  public var fineTuned: Bool
  public var batch: Bool
  public var asOf: ISODate
  /// Unconfirmed prices used, as field paths.
  public var unconfirmed: [String]
  /// Overlay values used, as `model: field (file)`.
  public var overlaid: [String]

  public init(
    model: ModelPricing, cost: RequestCost, requests: Decimal, inputTokens: Int64, cachedInputTokens: Int64,
    outputTokens: Int64, fineTuned: Bool, batch: Bool, asOf: ISODate, unconfirmed: [String], overlaid: [String]
  ) {
    self.model = model
    self.cost = cost
    self.requests = requests
    self.inputTokens = inputTokens
    self.cachedInputTokens = cachedInputTokens
    self.outputTokens = outputTokens
    self.fineTuned = fineTuned
    self.batch = batch
    self.asOf = asOf
    self.unconfirmed = unconfirmed
    self.overlaid = overlaid
  }

  /// The quote as a document: what was priced, the parts per request and in total (the totals
  /// foot), and notes on unconfirmed and overlay prices.
  public func report(rounding: RoundingRule) -> Report {
    let json = JSON.object([
      ("model", .string(model.id)),
      ("as_of", .string(asOf.description)),
      ("requests", .number(requests)),
      ("per_request", .number(cost.total)),
      ("total", .number(cost.total * requests)),
      (
        "breakdown",
        .object([
          ("input", .number(cost.input * requests)),
          ("cached_input", .number(cost.cachedInput * requests)),
          ("output", .number(cost.output * requests)),
        ])
      ),
      ("tier_above_input_tokens", cost.tier.map { .integer($0.aboveInputTokens) } ?? .null),
      ("unconfirmed", .array(unconfirmed.map { .string($0) })),
      ("pricing_overlay_values", .array(overlaid.map { .string($0) })),
    ])
    var report = Report(title: model.id, json: json, primaryTable: "cost", currency: model.currency)
    var heading = "\(model.id) (\(model.provider))\(fineTuned ? ", fine-tuned" : "")\(batch ? ", batch" : ""): "
    heading +=
      "\(MoneyFormat.count(requests)) request\(requests == 1 ? "" : "s") of \(MoneyFormat.grouped(Decimal(inputTokens))) input"
    heading += cachedInputTokens > 0 ? " (\(MoneyFormat.grouped(Decimal(cachedInputTokens))) cached)" : ""
    heading += " and \(MoneyFormat.grouped(Decimal(outputTokens))) output tokens, at prices in effect on \(asOf)"
    var lines = [heading]
    if let tier = cost.tier {
      lines.append(
        "long-context tier: input above \(MoneyFormat.grouped(Decimal(tier.aboveInputTokens))) tokens, billed on all tokens"
      )
    }
    report.append(.lines(lines))
    let unit = "_" + model.currency.lowercased()
    let parts = [cost.input, cost.cachedInput, cost.output].map { $0 * requests }
    let total = Footing.rounded(cost.total * requests, rule: rounding)
    let shown = Footing.allocate(parts, to: total, rule: rounding)
    var table = ReportTable(
      name: "cost",
      columns: [.init("part", ""), .init("per_request\(unit)", "per request"), .init("total\(unit)", "total")])
    for (index, (label, perRequest)) in [
      ("input", cost.input), ("cached input", cost.cachedInput), ("output", cost.output),
    ].enumerated() {
      table.append([.text(label), .unitCost(perRequest), .money(parts[index], shown: shown[index])])
    }
    table.totals = [.text("total"), .unitCost(cost.total), .money(cost.total * requests, shown: total)]
    report.append(.table(table))
    var notes: [String] = []
    if !unconfirmed.isEmpty {
      notes.append("unconfirmed prices used: \(unconfirmed.joined(separator: ", ")) (no primary source confirms them)")
    }
    if !overlaid.isEmpty { notes.append("prices from your pricing overlay: \(overlaid.joined(separator: "; "))") }
    report.append(.notes(notes))
    return report
  }
}

/// `cost --self-hosted`: a month's volume served on rented GPUs.
public struct HostingQuote: Sendable {
  public var model: ModelPricing
  public var gpu: ModelPricing
  public var serving: HostedServing
  public var requests: Decimal
  public var inputTokens: Int64
  public var outputTokens: Int64
  public var asOf: ISODate

  public init(
    model: ModelPricing, gpu: ModelPricing, serving: HostedServing, requests: Decimal, inputTokens: Int64,
    outputTokens: Int64, asOf: ISODate
  ) {
    self.model = model
    self.gpu = gpu
    self.serving = serving
    self.requests = requests
    self.inputTokens = inputTokens
    self.outputTokens = outputTokens
    self.asOf = asOf
  }

  /// Replicas, GPU-hours, GPU cost, idle share and cost per request and per 1M tokens.
  public var report: Report {
    let usage = serving.usage(requests: requests, share: 1)
    let perRequest: Decimal? = requests > 0 ? usage.cost / requests : nil
    let tokens = requests * (Decimal(inputTokens) + Decimal(outputTokens))
    let perMillion: Decimal? = tokens > 0 ? usage.cost / tokens * 1_000_000 : nil
    let json = JSON.object([
      ("model", .string(model.id)), ("gpu", .string(gpu.id)),
      ("gpus_per_replica", .integer(serving.gpusPerReplica)),
      ("gpu_per_hour", .number(serving.gpuPerHour)), ("gpu_price_source", .string(gpu.source)),
      ("as_of", .string(asOf.description)), ("requests_per_month", .number(requests)),
      ("seconds_per_request", .number(serving.secondsPerRequest)),
      ("max_utilization", .number(serving.maxUtilization)),
      ("min_replicas", .integer(serving.minReplicas)), ("replicas", .integer(usage.replicas)),
      ("allocated_gpu_hours", .number(usage.allocatedGPUHours)), ("used_gpu_hours", .number(usage.usedGPUHours)),
      ("gpu_cost_per_month", .number(usage.cost)), ("idle_share", .number(usage.idleShare)),
      ("cost_per_request", .number(perRequest)), ("cost_per_million_tokens", .number(perMillion)),
    ])
    let unit = "_" + gpu.currency.lowercased()
    let row: [(ReportTable.Column, ReportCell)] = [
      (.init("model", "model"), .text(model.id)),
      (.init("gpu", "GPU"), .text(gpu.id)),
      (.init("gpus_per_replica", "GPUs per replica"), .count(Decimal(serving.gpusPerReplica))),
      (
        .init("gpu_per_hour\(unit)", "price per GPU-hour"), .price(serving.gpuPerHour, currency: gpu.currency, mark: "")
      ),
      (.init("requests_per_month", "requests per month"), .count(requests)),
      (.init("ms_per_request", "replica time per request (ms)"), .number(serving.secondsPerRequest * 1000, places: 2)),
      (.init("max_utilization", "max utilization"), .percent(serving.maxUtilization, places: 0)),
      (.init("min_replicas", "replicas kept running"), .count(Decimal(serving.minReplicas))),
      (.init("replicas", "replicas"), .count(Decimal(usage.replicas))),
      (.init("allocated_gpu_hours", "GPU-hours allocated"), .number(usage.allocatedGPUHours, places: 2)),
      (.init("used_gpu_hours", "GPU-hours used"), .number(usage.usedGPUHours, places: 2)),
      (.init("idle_share", "idle share"), usage.idleShare.map { .percent($0, places: 2) } ?? .missing("-")),
      (.init("gpu_cost_per_month\(unit)", "GPU cost per month"), .money(usage.cost)),
      (.init("cost_per_request\(unit)", "cost per request"), perRequest.map { .unitCost($0) } ?? .missing("-")),
      (
        .init("cost_per_million_tokens\(unit)", "cost per 1M tokens"), perMillion.map { .unitCost($0) } ?? .missing("-")
      ),
    ]
    var report = Report(title: model.id, json: json, primaryTable: "serving", currency: gpu.currency)
    report.append(.table(ReportTable(name: "serving", columns: row.map(\.0), rows: [row.map(\.1)], layout: .record)))
    report.append(
      .notes([
        "A month is 730 hours; replicas = max(min_replicas, ceil(requests x time per request / 3600 / max_utilization / 730)).",
        "GPU price: \(gpu.source) (as of \(gpu.asOf))",
      ]))
    return report
  }
}

extension TrainingPlan {
  /// A fine-tuning job on a managed service as a document: tokens, epochs, price and cost.
  public func report(
    model: ModelPricing, examples: Int64?, asOf: ISODate?, unconfirmed: Bool, overlaid: [String]
  ) -> Report {
    let json = JSON.object([
      ("model", .string(model.id)),
      ("examples", examples.map { .integer($0) } ?? .null),
      ("training_tokens_per_epoch", .integer(tokensPerEpoch)),
      ("epochs", .integer(epochs)),
      ("epochs_auto", .bool(epochsAreAutomatic)),
      ("billed_tokens", .integer(billedTokens)),
      ("truncated_examples", .integer(truncatedExamples)),
      ("training_hours", .number(hours)),
      ("cost", .number(cost)),
      ("as_of", .string(asOf?.description)),
      ("unconfirmed", .bool(unconfirmed)),
      ("pricing_overlay_values", .array(overlaid.map { .string($0) })),
    ])
    let unit = "_" + model.currency.lowercased()
    var row: [(ReportTable.Column, ReportCell)] = [(.init("model", "model"), .text(model.id))]
    if let examples { row.append((.init("examples", "examples"), .count(Decimal(examples)))) }
    if let hours {
      row.append((.init("training_hours", "training hours"), .count(hours)))
      row.append(
        (
          .init("price_per_hour\(unit)", "rate per hour"),
          model.fineTuning?.trainingPerHour.map { .price($0, currency: model.currency, mark: "") } ?? .missing("-")
        ))
    } else {
      row.append((.init("training_tokens_per_epoch", "training tokens per epoch"), .count(Decimal(tokensPerEpoch))))
      row.append((.init("epochs", "epochs"), .text("\(epochs)\(epochsAreAutomatic ? " (auto)" : "")")))
      row.append((.init("billed_tokens", "billed tokens"), .count(Decimal(billedTokens))))
      row.append(
        (
          .init("price_per_million_tokens\(unit)", "price per 1M training tokens"),
          model.fineTuning?.training.map { .price($0, currency: model.currency, mark: "") } ?? .missing("-")
        ))
    }
    if truncatedExamples > 0 {
      row.append(
        (.init("truncated_examples", "examples billed at the per-example cap"), .count(Decimal(truncatedExamples))))
    }
    row.append((.init("training_cost\(unit)", "training cost"), .money(cost)))
    if unconfirmed { row.append((.init("unconfirmed", "note", audience: .everyone), .text("unconfirmed price"))) }
    var report = Report(title: model.id, json: json, primaryTable: "training", currency: model.currency)
    report.append(.table(ReportTable(name: "training", columns: row.map(\.0), rows: [row.map(\.1)], layout: .record)))
    return report
  }
}

extension GPUTrainingQuote {
  /// A job on rented GPUs as a document, next to the managed services' price for the same job.
  public func report(examples: Int64?) -> Report {
    let rate = gpu.gpuPerHour ?? 0
    let json = JSON.object([
      ("model", .string(model.id)),
      ("method", .string(method.rawValue)),
      ("gpu", .string(gpu.id)),
      ("gpus_per_replica", .integer(gpusPerReplica)),
      ("gpu_per_hour", .number(rate)),
      ("gpu_price_source", .string(gpu.source)),
      ("gpu_price_as_of", .string(gpu.asOf.description)),
      ("examples", examples.map { .integer($0) } ?? .null),
      ("training_tokens_per_epoch", .integer(plan.tokensPerEpoch)),
      ("epochs", .integer(plan.epochs)),
      ("billed_tokens", .integer(plan.billedTokens)),
      ("training_tokens_per_second", .number(tokensPerSecond)),
      ("gpu_hours", .number(plan.gpuHours)),
      ("cost", .number(plan.cost)),
      (
        "managed",
        .array(
          managed.map { service, job in
            .object([
              ("service", .string(service.id)), ("training", .number(service.fineTuning?.training)),
              ("cost", .number(job.cost)),
            ])
          })
      ),
    ])
    let unit = "_" + gpu.currency.lowercased()
    var row: [(ReportTable.Column, ReportCell)] = [
      (.init("model", "model"), .text(model.id)),
      (.init("method", "method"), .text(method.rawValue)),
      (.init("gpu", "GPU"), .text("\(gpusPerReplica)x \(gpu.id)")),
      (.init("gpu_per_hour\(unit)", "price per GPU-hour"), .price(rate, currency: gpu.currency, mark: "")),
      (.init("training_tokens_per_epoch", "training tokens per epoch"), .count(Decimal(plan.tokensPerEpoch))),
      (.init("epochs", "epochs"), .text("\(plan.epochs)\(plan.epochsAreAutomatic ? " (auto)" : "")")),
    ]
    if let speed = tokensPerSecond {
      row.append((.init("tokens_per_second", "training speed per replica (tokens/s)"), .count(speed)))
    }
    row.append((.init("gpu_hours", "GPU-hours"), .number(plan.gpuHours ?? 0, places: 2)))
    row.append((.init("training_cost\(unit)", "training cost"), .money(plan.cost)))
    for (service, job) in managed {
      let price = service.fineTuning?.training.map { MoneyFormat(currency: service.currency).price($0) } ?? "-"
      row.append((.init("on_\(service.id)\(unit)", "on \(service.id) (\(price) per 1M)"), .money(job.cost)))
    }
    var report = Report(title: model.id, json: json, primaryTable: "training", currency: gpu.currency)
    report.append(.table(ReportTable(name: "training", columns: row.map(\.0), rows: [row.map(\.1)], layout: .record)))
    var notes = ["GPU price: \(gpu.source) (as of \(gpu.asOf))"]
    if tokensPerSecond != nil, let source = model.selfHosting?.source { notes.append("Training speed: \(source)") }
    report.append(.notes(notes))
    return report
  }
}
