import Foundation

/// Warnings when a model retires, or fine-tuning closes, inside a scenario's horizon.
public enum Lifecycle {
  /// One line per lifecycle event that falls before the horizon ends or before a retraining.
  public static func warnings(for plans: [PlanCost], scenario: Scenario, start: ISODate, today: ISODate) -> [String] {
    let end = start.adding(months: scenario.horizonMonths)
    var lines: [String] = []
    var seen = Set<String>()
    func add(_ line: String) { if seen.insert(line).inserted { lines.append(line) } }
    let from = scenario.startDate == nil ? "from today, \(start)" : "from \(start)"
    for plan in plans {
      for model in plan.modelsUsed {
        if let date = model.deprecationDate, date < end {
          let when =
            date <= start
            ? "was retired on \(date), before the horizon starts"
            : "retires on \(date), inside the \(scenario.horizonMonths)-month horizon (\(from))"
          add("\(model.id) \(when): you must migrate then, so savings past that date are not assured")
        }
      }
      guard plan.plan.strategy.trains, let fineTuning = plan.model.fineTuning else { continue }
      if let date = fineTuning.deprecationDate, date < end {
        let when = date <= start ? "were retired on \(date)" : "retire on \(date), inside the horizon (\(from))"
        add("fine-tuned \(plan.model.id) models \(when): plan a migration")
      }
      if let closes = plan.model.fineTuningNewJobsUntil {
        if closes < start {
          add(
            "\(plan.plan.name): \(plan.model.providerDisplayName) fine-tuning closed to new jobs on \(closes); this plan cannot start as written"
          )
        } else if let every = plan.plan.retrainEveryMonths {
          var month = 1 + Int(every)
          while month <= scenario.horizonMonths {
            let date = start.adding(months: month - 1)
            if date > closes {
              add(
                "\(plan.plan.name): \(plan.model.providerDisplayName) fine-tuning closes to new jobs on \(closes); the retraining in month \(month) (\(date)) and later ones cannot run"
              )
              break
            }
            month += Int(every)
          }
        } else if closes < end {
          add(
            "\(plan.plan.name): \(plan.model.providerDisplayName) fine-tuning closes to new jobs on \(closes), inside the horizon: train before then, and no retraining after it"
          )
        }
      }
    }
    return lines
  }
}
