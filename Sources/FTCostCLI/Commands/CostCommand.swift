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
      CommonOptions.asOf, CommonOptions.format(), CommonOptions.table, CommonOptions.pricing, CommonOptions.rounding,
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

    let quote = RequestQuote(
      model: model, cost: cost, requests: requests, inputTokens: input, cachedInputTokens: cached,
      outputTokens: output, fineTuned: fineTuned, batch: batch, asOf: asOf, unconfirmed: unconfirmed,
      overlaid: overlaid)
    try invocation.emit(quote.report(rounding: invocation.moneyFormat.rounding))
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
    let quote = HostingQuote(
      model: model, gpu: gpu, serving: serving, requests: requests, inputTokens: input, outputTokens: output,
      asOf: asOf)
    try invocation.emit(quote.report)
    return CLI.ExitCode.success
  }
}
