import Foundation

/// The self-hosting view of a scenario: each plan on its own GPUs, its replicas and idle capacity.
extension ScenarioReport {
  /// Every plan that serves on its own GPUs, baseline first, with its summary.
  public var hostedPlans: [(plan: String, summary: HostingSummary)] {
    var plans: [(String, HostingSummary)] = []
    if let summary = HostingSummary(
      cost: result.baseline.cost, months: result.baseline.monthlyHosting)
    {
      plans.append((result.baseline.cost.plan.name + " (baseline)", summary))
    }
    for candidate in result.candidates {
      guard let figures = candidate.figures,
        let summary = HostingSummary(cost: figures.cost, months: figures.monthlyHosting)
      else { continue }
      plans.append((candidate.name, summary))
    }
    return plans
  }

  /// One sentence per self-hosted plan: replicas, GPU-hours allocated and used, the idle share and
  /// the cost per 1M tokens.
  public var hostingLines: String {
    let horizon = Self.months(result.scenario.horizonMonths)
    return hostedPlans.map { plan, summary in
      let serving = summary.serving
      let replicas = summary.months.map(\.replicas)
      let first = replicas.first ?? 0
      let most = replicas.max() ?? 0
      let used = summary.utilization.map { money.percent($0, places: 2) } ?? "-"
      let idle = summary.total.idleShare.map { money.percent($0, places: 2) } ?? "-"
      var line =
        "\(plan): \(first) replica\(first == 1 ? "" : "s") of \(serving.gpusPerReplica)x \(serving.gpu) in month 1"
      if most != first { line += ", up to \(most)" }
      line +=
        "; \(MoneyFormat.grouped(summary.total.allocatedGPUHours.rounded(scale: 0, .plain))) GPU-hours over \(horizon)"
      line +=
        ", \(used) used, \(idle) idle (\(money.total(summary.total.cost)) of GPUs, \(money.total(summary.total.usedCost)) of it busy)"
      if let perMillion = summary.costPerMillionTokens { line += "; \(money.unit(perMillion)) per 1M tokens" }
      return line + ".\n"
    }.joined()
  }

  /// Self-hosting month by month, for CSV and markdown: replicas, GPU-hours, GPU cost.
  public var hostingTable: TextTable {
    var table = TextTable(columns: [
      .init("plan"), .init("month", .right), .init("replicas", .right), .init("GPU-hours", .right),
      .init("used GPU-hours", .right), .init("GPU cost", .right),
    ])
    for (plan, summary) in hostedPlans {
      for (index, month) in summary.months.enumerated() {
        table.append([
          plan, String(index + 1), String(month.replicas),
          MoneyFormat.grouped(month.allocatedGPUHours.rounded(scale: 2, .plain)),
          MoneyFormat.grouped(month.usedGPUHours.rounded(scale: 2, .plain)), money.total(month.cost),
        ])
      }
    }
    return table
  }

  /// The self-hosting section in `format`: sentences under a table, a markdown table, a CSV section.
  public func hostingSection(as format: OutputFormat) -> String {
    guard !hostedPlans.isEmpty else { return "" }
    switch format {
    case .table: return "\nSelf-hosting:\n" + hostingLines.split(separator: "\n").map { "  \($0)\n" }.joined()
    case .markdown: return "\n**Self-hosting**\n\n" + hostingLines + "\n" + hostingTable.renderedMarkdown()
    case .csv: return "\nself_hosting\n" + hostingTable.renderedCSV()
    case .json: return ""
    }
  }
}
