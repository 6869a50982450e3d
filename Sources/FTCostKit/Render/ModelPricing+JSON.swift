import Foundation

extension ModelPricing {
  /// The `pricing show --format json` object (the contract in the README).
  public var json: JSON {
    func inference(_ prices: InferencePrices?, batch: Bool, tiers: Bool) -> JSON {
      guard let prices else { return .null }
      var members: [(String, JSON)] = [
        ("input", .number(prices.input)), ("cached_input", .number(prices.cachedInput)),
        ("output", .number(prices.output)),
      ]
      if batch {
        members += [("batch_input", .number(prices.batchInput)), ("batch_output", .number(prices.batchOutput))]
      }
      if tiers {
        members.append(
          (
            "tiers",
            .array(
              prices.tiers.map { tier in
                .object([
                  ("above_input_tokens", .integer(tier.aboveInputTokens)), ("input", .number(tier.input)),
                  ("cached_input", .number(tier.cachedInput)), ("output", .number(tier.output)),
                ])
              })
          ))
      }
      return .object(members)
    }
    var fineTuningJSON: JSON = .null
    if let ft = fineTuning {
      var ftInference = inference(ft.inference, batch: false, tiers: false)
      if let prices = ft.inference, prices.batchInput != nil || prices.batchOutput != nil,
        case .object(var members) = ftInference
      {
        members += [("batch_input", .number(prices.batchInput)), ("batch_output", .number(prices.batchOutput))]
        ftInference = .object(members)
      }
      fineTuningJSON = .object([
        ("training", .number(ft.training)),
        ("training_per_hour", .number(ft.trainingPerHour)),
        ("inference", ftInference),
        ("max_tokens_per_example", ft.maxTokensPerExample.map { .integer($0) } ?? .null),
        ("min_examples", (ft.minExamples ?? providerFineTuning?.minExamples).map { .integer($0) } ?? .null),
        ("hosting_per_hour", .number(ft.hostingPerHour)),
        ("new_jobs_until", .string(fineTuningNewJobsUntil?.description)),
        ("deprecation_date", .string(ft.deprecationDate?.description)),
        (
          "recommended_examples",
          (ft.recommendedExamples ?? providerFineTuning?.recommendedExamples).map { .integer($0) } ?? .null
        ),
        ("max_job_fee", .number(ft.maxJobFee)),
      ])
    }
    return .object([
      ("id", .string(id)),
      ("provider", .string(provider)),
      ("aliases", .array(aliases.map { .string($0) })),
      ("currency", .string(currency)),
      ("as_of", .string(asOf.description)),
      ("source", .string(source)),
      ("tokenizer", .string(tokenizer)),
      ("context_window", contextWindow.map { .integer($0) } ?? .null),
      ("deprecation_date", .string(deprecationDate?.description)),
      ("successor", .string(successor)),
      ("inference", inference(self.inference, batch: true, tiers: true)),
      ("fine_tuning", fineTuningJSON),
      (
        "embedding",
        embedding.map { .object([("input", .number($0.input)), ("batch_input", .number($0.batchInput))]) } ?? .null
      ),
      ("gpu_per_hour", .number(gpuPerHour)),
      (
        "price_changes",
        .array(
          priceChanges.map { change in
            let after = pricing(on: change.effectiveFrom)
            return .object([
              ("effective_from", .string(change.effectiveFrom.description)),
              ("changes", .object(change.changedPaths.map { ($0, .number(after.price(at: $0))) })),
              ("unconfirmed", .array(change.changedPaths.filter(after.isUnconfirmed).map { .string($0) })),
              ("source", .string(change.source)),
            ])
          })
      ),
      ("unconfirmed", .array(unconfirmed.map { .string($0) })),
      (
        "origin",
        .object([
          ("file", .string(origin.file)), ("built_in", .bool(origin.isBuiltIn)),
          ("overrides", .string(origin.overrides)),
          ("overlaid_fields", .array(overlaidPaths.map { .string($0) })),
        ])
      ),
    ])
  }

  /// The lifecycle status on `date`.
  ///
  /// Retired, or the retirement and fine-tuning dates ahead, or "current" when none is known. A
  /// model retired on `date` never shows as current.
  public func status(on date: ISODate) -> String {
    if let deprecationDate, deprecationDate <= date { return "retired \(deprecationDate)" }
    var parts: [String] = []
    if let deprecationDate { parts.append("retires \(deprecationDate)") }
    if fineTuning != nil {
      // The fine-tuned models stop with the base model when it retires first.
      let stop = stopsServing(fineTuned: true)
      if let stop, stop != deprecationDate {
        parts.append(stop <= date ? "FT retired \(stop)" : "FT retires \(stop)")
      }
      if let until = fineTuningNewJobsUntil, stop.map({ $0 > date }) ?? true {
        parts.append(until < date ? "FT closed \(until)" : "FT jobs until \(until)")
      }
    }
    return parts.isEmpty ? "current" : parts.joined(separator: "; ")
  }
}
