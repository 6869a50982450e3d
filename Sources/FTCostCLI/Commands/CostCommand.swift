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
}
