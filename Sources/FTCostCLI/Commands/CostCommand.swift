import FTCostKit
import Foundation

/// `ftcost cost`: what a request (and a batch of them) costs on one model.
enum CostCommand {
  static let spec = CommandSpec(
    name: "cost", abstract: "Price requests on one model, per request and in total.",
    discussion:
      "A request whose input exceeds a long-context tier threshold pays that tier's prices on all its tokens; exactly at the threshold pays the lower tier.",
    options: [
      CommonOptions.model,
      OptionSpec(
        "--input-tokens", .value("n"), help: "Input tokens per request (cached ones included).", required: true),
      OptionSpec("--output-tokens", .value("n"), help: "Output tokens per request.", required: true),
      OptionSpec(
        "--cached-input-tokens", .value("n"), help: "Input tokens per request billed at the cached-input price."),
      OptionSpec("--requests", .value("n"), help: "Number of requests (default: 1)."),
      OptionSpec("--batch", .flag, help: "Use the Batch API prices."),
      OptionSpec("--fine-tuned", .flag, help: "Use the fine-tuned model's inference prices."),
      OptionSpec(
        "--self-hosted", .flag,
        help: "Serve an open-weight model on rented GPUs: --requests is then a month's volume."),
      OptionSpec(
        "--gpu", .value("gpu"), help: "With --self-hosted: the GPU type (default: the model's).", completion: .models),
      OptionSpec(
        "--max-utilization", .value("share"),
        help: "With --self-hosted: the busy share a replica may reach (default: 0.6)."),
      OptionSpec("--min-replicas", .value("n"), help: "With --self-hosted: replicas kept running (default: 1)."),
      CommonOptions.asOf, CommonOptions.format(), CommonOptions.pricing, CommonOptions.rounding,
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let input = try invocation.count("--input-tokens") ?? 0
    let output = try invocation.count("--output-tokens") ?? 0
    let cached = try invocation.count("--cached-input-tokens") ?? 0
    let requests = try invocation.decimal("--requests") ?? 1
    let asOf = try invocation.asOf()
    let catalog = try invocation.catalog()
    let entry = try catalog.model(named: invocation.string("--model") ?? "")
    let model = entry.pricing(on: asOf)
    if invocation.flag("--self-hosted") {
      return try runSelfHosted(&invocation, model: model, catalog: catalog, asOf: asOf, input: input, output: output)
    }
    for option in ["--gpu", "--max-utilization", "--min-replicas"] where invocation.string(option) != nil {
      throw UsageError.missingDependency("--self-hosted", requiredBy: option)
    }
    let fineTuned = invocation.flag("--fine-tuned")
    let batch = invocation.flag("--batch")
    let cost = try RequestPricer.cost(
      model: model, inputTokens: input, cachedInputTokens: cached, outputTokens: output,
      fineTuned: fineTuned, batch: batch)
    let prefix = fineTuned ? "fine_tuning.inference" : "inference"
    var used = ["\(prefix).input", "\(prefix).output"]
    if cached > 0 { used.append("\(prefix).cached_input") }
    if batch {
      used = ["\(prefix).batch_input", "\(prefix).batch_output"] + (cached > 0 ? ["\(prefix).cached_input"] : [])
    }
    let unconfirmed = used.filter { model.isUnconfirmed($0) }
    let overlaid = PriceUse.overlaid(in: [PriceUse(model: model, paths: used)])
    if let stop = model.stopsServing(fineTuned: fineTuned), stop <= asOf {
      invocation.warn(
        "warning: \(fineTuned ? "fine-tuned " : "")\(model.id) stopped serving on \(stop); these prices are no longer offered on \(asOf)"
      )
    }
    if let stale = model.stalenessWarning(today: invocation.today) { invocation.warn("warning: \(stale)") }
    if let next = entry.priceChanges.first(where: { $0.effectiveFrom > asOf }) {
      invocation.warn(
        "note: \(model.id) prices change on \(next.effectiveFrom); pass --as-of \(next.effectiveFrom) to see them")
    }

    if invocation.format == .json {
      invocation.print(
        JSON.object([
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
        ]).rendered())
      return CLI.ExitCode.success
    }
    let money = invocation.moneyFormat.currency(model.currency)
    var table = TextTable(columns: [.init(""), .init("per request", .right), .init("total", .right)])
    table.append(["input", money.unit(cost.input), money.total(cost.input * requests)])
    table.append(["cached input", money.unit(cost.cachedInput), money.total(cost.cachedInput * requests)])
    table.append(["output", money.unit(cost.output), money.total(cost.output * requests)])
    table.append(["total", money.unit(cost.total), money.total(cost.total * requests)])
    if invocation.format == .table {
      var heading = "\(model.id) (\(model.provider))\(fineTuned ? ", fine-tuned" : "")\(batch ? ", batch" : ""): "
      heading +=
        "\(MoneyFormat.count(requests)) request\(requests == 1 ? "" : "s") of \(MoneyFormat.grouped(Decimal(input))) input"
      heading += cached > 0 ? " (\(MoneyFormat.grouped(Decimal(cached))) cached)" : ""
      heading += " and \(MoneyFormat.grouped(Decimal(output))) output tokens, at prices in effect on \(asOf)"
      invocation.print(heading)
      if let tier = cost.tier {
        invocation.print(
          "long-context tier: input above \(MoneyFormat.grouped(Decimal(tier.aboveInputTokens))) tokens, billed on all tokens"
        )
      }
    }
    invocation.print(table.rendered(as: invocation.format))
    if !unconfirmed.isEmpty && invocation.format != .csv {
      invocation.print(
        "unconfirmed prices used: \(unconfirmed.joined(separator: ", ")) (no primary source confirms them)")
    }
    if !overlaid.isEmpty {
      invocation.print(
        invocation.format == .csv
          ? "\n"
            + TextTable(columns: [.init("value from your pricing overlay")], rows: overlaid.map { [$0] }).renderedCSV()
          : "prices from your pricing overlay: \(overlaid.joined(separator: "; "))")
    }
    return CLI.ExitCode.success
  }

  /// `cost --self-hosted`: replicas, GPU cost, idle share and cost per request for a month's volume.
  static func runSelfHosted(
    _ invocation: inout Invocation, model: ModelPricing, catalog: PricingCatalog, asOf: ISODate, input: Int64,
    output: Int64
  ) throws -> Int32 {
    var terms = HostingTerms()
    terms.gpu = invocation.string("--gpu")
    if let share = try invocation.decimal("--max-utilization") {
      guard share > 0, share <= 1 else {
        throw UsageError.invalidValue(
          invocation.string("--max-utilization") ?? "", option: "--max-utilization",
          reason: .described("must be above 0 and at most 1"))
      }
      terms.maxUtilization = share
    }
    if let floor = try invocation.count("--min-replicas", in: 0...10_000) { terms.minReplicas = floor }
    let requests = try invocation.decimal("--requests") ?? 1
    let figures = catalog.selfHosting(of: model)
    guard figures != nil else { throw CostError.notSelfHostable(model.id) }
    guard let gpuName = terms.gpu ?? figures?.gpu else {
      throw CostError.hostingFigureMissing(model: model.id, field: "a gpu")
    }
    let gpu = try catalog.model(named: gpuName).pricing(on: asOf)
    guard gpu.gpuPerHour != nil else {
      throw CostError.hostingFigureMissing(model: model.id, field: "a GPU with gpu_per_hour (\(gpu.id) has none)")
    }
    let serving = HostedServing.make(figures: figures, terms: terms, gpu: gpu, inputTokens: input, outputTokens: output)
    let usage = serving.usage(requests: requests, share: 1)
    let perRequest: Decimal? = requests > 0 ? usage.cost / requests : nil
    let tokens = requests * (Decimal(input) + Decimal(output))
    let perMillion: Decimal? = tokens > 0 ? usage.cost / tokens * 1_000_000 : nil
    let money = invocation.moneyFormat.currency(gpu.currency)
    if invocation.format == .json {
      invocation.print(
        JSON.object([
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
        ]).rendered())
      return CLI.ExitCode.success
    }
    var table = TextTable(columns: [.init("measure"), .init("value", .right)])
    table.append(["model", model.id])
    table.append(["GPU", "\(serving.gpusPerReplica)x \(gpu.id) at \(money.price(serving.gpuPerHour)) per GPU-hour"])
    table.append(["requests per month", MoneyFormat.count(requests)])
    table.append([
      "replica time per request",
      MoneyFormat.grouped((serving.secondsPerRequest * 1000).rounded(scale: 2, .plain)) + " ms",
    ])
    table.append(["max utilization", money.percent(serving.maxUtilization)])
    table.append(["replicas", "\(usage.replicas) (at least \(serving.minReplicas))"])
    table.append(["GPU-hours allocated", MoneyFormat.grouped(usage.allocatedGPUHours.rounded(scale: 2, .plain))])
    table.append(["GPU-hours used", MoneyFormat.grouped(usage.usedGPUHours.rounded(scale: 2, .plain))])
    table.append(["idle share", usage.idleShare.map { money.percent($0, places: 2) } ?? "-"])
    table.append(["GPU cost per month", money.total(usage.cost)])
    table.append(["cost per request", perRequest.map(money.unit) ?? "-"])
    table.append(["cost per 1M tokens", perMillion.map(money.unit) ?? "-"])
    var text = table.rendered(as: invocation.format)
    if invocation.format != .csv {
      text +=
        "A month is 730 hours; replicas = max(min_replicas, ceil(requests x time per request / 3600 / max_utilization / 730)).\n"
      text += "GPU price: \(gpu.source) (as of \(gpu.asOf))\n"
    }
    invocation.print(text)
    return CLI.ExitCode.success
  }
}
