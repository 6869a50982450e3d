import Foundation

/// When a model serves and when it can be trained, from its lifecycle dates.
extension ModelPricing {
  /// The first day the model no longer serves: the base model's `deprecation_date`, or for a
  /// fine-tuned model the earlier of that and `fine_tuning.deprecation_date`; `nil` when no
  /// retirement is known.
  public func stopsServing(fineTuned: Bool) -> ISODate? {
    guard fineTuned else { return deprecationDate }
    return [deprecationDate, fineTuning?.deprecationDate].compactMap { $0 }.min()
  }

  /// True when the model (the fine-tuned one when `fineTuned`) still serves on `date`: it stops
  /// serving on its retirement date and serves the days before it.
  public func serves(on date: ISODate, fineTuned: Bool) -> Bool {
    guard let stop = stopsServing(fineTuned: fineTuned) else { return true }
    return date < stop
  }

  /// True when a training job can start on `date`: the model can be fine-tuned, `date` is on or
  /// before the last day for new jobs (the model's own wins over its provider's), and the
  /// fine-tuned model would still serve on `date`.
  public func acceptsTraining(on date: ISODate) -> Bool {
    guard let fineTuning, fineTuning.training != nil || fineTuning.trainingPerHour != nil else { return false }
    if let until = fineTuningNewJobsUntil, date > until { return false }
    return serves(on: date, fineTuned: true)
  }

  /// Why a training job cannot start on `date`, in words (the earlier of the two dates when both
  /// have passed); `nil` when it can.
  public func trainingUnavailableReason(on date: ISODate) -> String? {
    guard fineTuning != nil else { return "\(id) cannot be fine-tuned" }
    var reasons: [(ISODate, String)] = []
    if let stop = stopsServing(fineTuned: true), stop <= date {
      reasons.append((stop, "fine-tuned \(id) \(stop < date ? "retired" : "retires") on \(stop)"))
    }
    if let until = fineTuningNewJobsUntil, date > until {
      reasons.append((until, "\(providerDisplayName) fine-tuning of \(id) took its last new jobs on \(until)"))
    }
    return reasons.min { $0.0 < $1.0 }?.1
  }

  /// A warning when this model's own prices were checked more than 180 days before `today`;
  /// `nil` when they are recent enough.
  public func stalenessWarning(today: ISODate) -> String? {
    let age = asOf.days(to: today)
    guard age > PricingTable.staleAfterDays else { return nil }
    return
      "\(id): prices as of \(asOf) (\(age) days old); prices change often, check the provider's page or overlay your own with --pricing"
  }
}
