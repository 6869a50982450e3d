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
  public var hostingLines: [String] {
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
      return line + "."
    }
  }

  /// Self-hosting month by month: replicas, GPU-hours, GPU cost (a detail table the terminal view
  /// leaves out).
  public var hostingTable: ReportTable {
    var table = ReportTable(
      name: "self_hosting",
      columns: [
        .init("plan", "plan"), .init("month", "month"), .init("replicas", "replicas"),
        .init("gpu_hours", "GPU-hours"), .init("used_gpu_hours", "used GPU-hours"),
        .init("gpu_cost\(unit)", "GPU cost"),
      ], isDetail: true)
    for (plan, summary) in hostedPlans {
      for (index, month) in summary.months.enumerated() {
        table.append([
          .text(plan), .count(Decimal(index + 1)), .count(Decimal(month.replicas)),
          .number(month.allocatedGPUHours, places: 2), .number(month.usedGPUHours, places: 2), .money(month.cost),
        ])
      }
    }
    return table
  }

  /// The self-hosting blocks: one sentence per plan, then the month-by-month table; none when no
  /// plan serves on its own GPUs.
  public var hostingBlocks: [ReportBlock] {
    guard !hostedPlans.isEmpty else { return [] }
    return [.list(title: "Self-hosting", items: hostingLines), .table(hostingTable)]
  }
}
