import Foundation

/// The evaluation of a planned scenario in binary floating point: net benefit, NPV and payback
/// of each candidate, by the same rules as `Comparison`, about a hundred times faster.
///
/// Only simulation uses it, to rank thousands of samples; every figure it reports is the chosen
/// sample priced again by the decimal engine, so no Double figure is ever shown.
struct FastEvaluation {
  /// A candidate's figures, `nil` for one that cannot run.
  struct Figures: Sendable {
    var netBenefit: Double
    var npv: Double
    var paybackMonths: Double?
  }

  /// One month of one plan: the cost of `requests` requests is requests · rate + fixed plus the
  /// GPUs of its self-hosted parts.
  struct Month {
    var rate: Double = 0
    var fixed: Double = 0
    /// Charges of the month (retraining, migration), already in `fixed`.
    var charges: Double = 0
    /// Parts of the month served on GPUs, in order: two held inline (a month rarely has more),
    /// so working out a month allocates nothing.
    private var firstHosted: HostedPart?
    private var secondHosted: HostedPart?
    private var moreHosted: [HostedPart] = []

    /// A share of the month served on GPUs.
    struct HostedPart {
      var share: Double
      var serving: Serving

      /// The GPUs of this part for the month's `requests`.
      func cost(_ requests: Double) -> Double { serving.cost(requests * share, share: share) }
    }

    var hasHosted: Bool { firstHosted != nil }

    mutating func addHosted(_ part: HostedPart) {
      if firstHosted == nil {
        firstHosted = part
      } else if secondHosted == nil {
        secondHosted = part
      } else {
        moreHosted.append(part)
      }
    }

    func cost(_ requests: Double) -> Double {
      var total = requests * rate + fixed
      if let part = firstHosted { total += part.cost(requests) }
      if let part = secondHosted { total += part.cost(requests) }
      for part in moreHosted { total += part.cost(requests) }
      return total
    }
  }

  /// A self-hosted serving's figures in Double.
  struct Serving {
    var secondsPerRequest: Double
    var gpusPerReplica: Double
    var gpuPerHour: Double
    var minReplicas: Double
    var maxUtilization: Double

    /// `serving` in Double; `known` is an earlier conversion whose time per request is reused
    /// when it is the same (it rarely changes between samples, and its long quotient is the
    /// slowest value to convert).
    init(_ serving: HostedServing, known: (HostedServing, Serving)? = nil) {
      if let (decimal, double) = known, decimal.secondsPerRequest == serving.secondsPerRequest {
        secondsPerRequest = double.secondsPerRequest
      } else {
        secondsPerRequest = serving.secondsPerRequest.nearestDouble
      }
      gpusPerReplica = Double(serving.gpusPerReplica)
      gpuPerHour = serving.gpuPerHour.nearestDouble
      minReplicas = Double(serving.minReplicas)
      maxUtilization = serving.maxUtilization.nearestDouble
    }

    /// As `HostedServing.usage(requests:share:).cost`.
    func cost(_ requests: Double, share: Double) -> Double {
      let hours = 730 * share
      guard hours > 0 else { return 0 }
      let need = requests * secondsPerRequest / 3600 / maxUtilization
      let replicas = max(minReplicas, (need / hours).rounded(.up))
      return replicas * gpusPerReplica * hours * gpuPerHour
    }

  }

  /// A plan's schedule with its rates in Double, converted once.
  struct Schedule {
    struct Segment {
      var from: ISODate
      /// `nil` for days served the baseline's way.
      var own: (rate: Double, fixed: Double, serving: Serving?)?
      /// The GPU serving in decimal, so a later conversion of the same serving can reuse this one.
      var hosted: HostedServing?
    }
    var segments: [Segment]
    var charges: [(date: ISODate, amount: Double)]
    var fallback: ISODate?
    var serviceEnd: ISODate?

    /// `schedule` in Double; `known` is an earlier conversion of the same plan (another sample's)
    /// whose GPU serving is reused where it is the same.
    init(_ schedule: PlanSchedule, known: Schedule? = nil) {
      let knownServing = known?.segments.lazy.compactMap { segment in
        segment.hosted.flatMap { hosted in segment.own?.serving.map { (hosted, $0) } }
      }.first
      segments = schedule.segments.map { segment in
        switch segment.mode {
        case .own(let rates):
          return Segment(
            from: segment.from,
            own: (
              rates.perRequest.total.nearestDouble, rates.perMonth.total.nearestDouble,
              rates.hosted.map { Serving($0, known: knownServing) }
            ), hosted: rates.hosted)
        case .asBaseline:
          return Segment(from: segment.from, own: nil, hosted: nil)
        }
      }
      charges = schedule.charges.map { ($0.date, $0.amount.nearestDouble) }
      fallback = schedule.fallback?.date
      serviceEnd = schedule.serviceEnd
    }
  }

  let planned: PlannedScenario
  let baseline: Schedule
  let candidates: [Schedule?]
  /// The baseline's months 1 … `searchMonths` when worked out ahead (`workingOutMonths`).
  private(set) var baselineMonths: [Month]?
  /// Each candidate's months 1 … `searchMonths` when worked out ahead; `nil` for one that is not.
  private(set) var candidateMonths: [[Month]?]
  /// The baseline's one-time cost, and each candidate's (`nil` for one that cannot run).
  let baselineOneTime: Double
  let oneTimeCosts: [Double?]

  init(planned: PlannedScenario) {
    self.planned = planned
    baseline = Schedule(planned.baselineSchedule)
    candidates = planned.candidates.map { candidate in
      guard case .scheduled(let schedule, _) = candidate else { return nil }
      return Schedule(schedule)
    }
    candidateMonths = candidates.map { _ in nil }
    baselineOneTime = planned.baselineCost.oneTimeCost.nearestDouble
    oneTimeCosts = planned.candidates.map(Self.oneTimeCost)
  }

  /// A candidate's one-time cost in Double, `nil` for one that cannot run.
  static func oneTimeCost(_ candidate: PlannedScenario.Candidate) -> Double? {
    guard case .scheduled(_, let cost) = candidate else { return nil }
    return cost.oneTimeCost.nearestDouble
  }

  /// This evaluation with every plan's months worked out ahead, for evaluations that reuse it.
  func workingOutMonths() -> FastEvaluation {
    var result = self
    let months = 1...planned.calendar.searchMonths
    result.baselineMonths = months.map { month(baseline, $0, baseline: nil) }
    result.candidateMonths = candidates.map { schedule in
      schedule.map { schedule in months.map { month(schedule, $0, baseline: baseline) } }
    }
    return result
  }

  /// `planned`'s evaluation with `other`'s converted schedules for every plan but the candidates
  /// at `changed` (a sample that planned only those again).
  init(planned: PlannedScenario, reusing other: FastEvaluation, except changed: Set<Int>) {
    self.planned = planned
    baseline = other.baseline
    baselineMonths = other.baselineMonths
    // Only the changed candidates are read: copying a planned candidate costs more than its figures.
    var candidates = other.candidates
    var candidateMonths = other.candidateMonths
    var oneTimeCosts = other.oneTimeCosts
    for position in changed {
      candidateMonths[position] = nil
      if case .scheduled(let schedule, let cost) = planned.candidates[position] {
        candidates[position] = Schedule(schedule, known: other.candidates[position])
        oneTimeCosts[position] = cost.oneTimeCost.nearestDouble
      } else {
        candidates[position] = nil
        oneTimeCosts[position] = nil
      }
    }
    self.candidates = candidates
    self.candidateMonths = candidateMonths
    self.oneTimeCosts = oneTimeCosts
    baselineOneTime = other.baselineOneTime
  }

  /// Month `month` of `schedule`, as `PlanSchedule.cost(ofMonth:)` works it out.
  func month(_ schedule: Schedule, _ month: Int, baseline: Schedule?) -> Month {
    let calendar = planned.calendar
    var result = Month()
    let days = Double(calendar.days(inMonth: month))
    accumulate(
      schedule, from: calendar.firstDay(ofMonth: month), to: calendar.firstDay(ofMonth: month + 1), days: days,
      baseline: baseline, into: &result)
    result.rate /= days
    result.fixed = result.fixed / days + result.charges
    return result
  }

  private func accumulate(
    _ schedule: Schedule, from: ISODate, to: ISODate, days monthDays: Double, baseline: Schedule?,
    into month: inout Month
  ) {
    var end = to
    if let stop = schedule.serviceEnd, stop < end { end = stop }
    if let stop = baseline?.serviceEnd, stop < end { end = stop }
    guard from < end else { return }
    for (index, segment) in schedule.segments.enumerated() {
      let segmentEnd = index + 1 < schedule.segments.count ? schedule.segments[index + 1].from : end
      let partStart = max(segment.from, from)
      let partEnd = min(segmentEnd, end)
      guard partStart < partEnd else { continue }
      if let own = segment.own {
        let days = Double(partStart.days(to: partEnd))
        month.rate += days * own.rate
        month.fixed += days * own.fixed
        if let serving = own.serving { month.addHosted(.init(share: days / monthDays, serving: serving)) }
        for charge in schedule.charges where charge.date >= partStart && charge.date < partEnd {
          month.charges += charge.amount
        }
      } else if let baseline {
        accumulate(baseline, from: partStart, to: partEnd, days: monthDays, baseline: nil, into: &month)
      }
    }
  }

  /// The last day a candidate's months can change (a segment starts or a charge falls), or `nil`
  /// when it or the baseline stops serving, which cuts months short.
  static func lastChange(_ schedule: Schedule, baseline: Schedule) -> ISODate? {
    guard schedule.serviceEnd == nil, baseline.serviceEnd == nil else { return nil }
    let days = [schedule, baseline].flatMap { plan in plan.segments.map(\.from) + plan.charges.map(\.date) }
    // A charge on a day counts in that day's month, so the month after it is the first settled.
    return days.max().map { ISODate(daysSinceEpoch: $0.daysSinceEpoch + 1) }
  }

  /// Every candidate's figures at the scenario's own volume.
  func figures() -> [Figures?] {
    let scenario = planned.scenario
    let calendar = planned.calendar
    let horizon = scenario.horizonMonths
    let volume = scenario.workload.requestsPerMonth.nearestDouble
    let growth = 1 + scenario.workload.monthlyGrowth.nearestDouble
    let rate = Foundation.pow(1 + scenario.discountRateAnnual.nearestDouble, 1.0 / 12) - 1
    var baselineMonths: [Month] = []
    var factors: [Double] = []
    func baselineMonth(_ m: Int) -> Month {
      if let worked = self.baselineMonths { return worked[m - 1] }
      while baselineMonths.count < m {
        baselineMonths.append(month(baseline, baselineMonths.count + 1, baseline: nil))
      }
      return baselineMonths[m - 1]
    }
    func factor(_ m: Int) -> Double {
      while factors.count < m { factors.append(factors.last.map { $0 * growth } ?? 1) }
      return factors[m - 1]
    }
    return planned.candidates.indices.map { position -> Figures? in
      guard let schedule = candidates[position], let oneTime = oneTimeCosts[position] else { return nil }
      let worked = candidateMonths[position]
      // From the day neither plan changes again (and neither stops serving), a month of the plan
      // depends only on its number of days: each of 28 … 31 is worked out once.
      let settles = Self.lastChange(schedule, baseline: baseline)
      var settledMonths: [Month?] = [nil, nil, nil, nil]
      func ownMonth(_ m: Int, first: ISODate) -> Month {
        if let worked { return worked[m - 1] }
        let days = calendar.days(inMonth: m)
        guard let settles, first >= settles, (28...31).contains(days) else {
          return month(schedule, m, baseline: baseline)
        }
        if let known = settledMonths[days - 28] { return known }
        let computed = month(schedule, m, baseline: baseline)
        settledMonths[days - 28] = computed
        return computed
      }
      let investment = oneTime - baselineOneTime
      var net = -investment
      var npv = -investment
      var discount = 1.0
      var cumulative = 0.0
      var payback: Double? = investment <= 0 ? 0 : nil
      var searching = investment > 0
      for m in 1...calendar.searchMonths {
        guard m <= horizon || searching else { break }
        let first = calendar.firstDay(ofMonth: m)
        if m > horizon, let end = baseline.serviceEnd, first >= end { break }
        if m > horizon, let fallback = schedule.fallback, first >= fallback { break }
        let requests = volume * factor(m)
        let base = baselineMonth(m)
        let own = ownMonth(m, first: first)
        if m > horizon, !base.hasHosted, !own.hasHosted,
          baseline.segments.allSatisfy({ $0.from <= first }), schedule.segments.allSatisfy({ $0.from <= first }),
          !baseline.charges.contains(where: { $0.date >= first }),
          base.rate - own.rate <= 0, base.fixed - (own.fixed - own.charges) <= 0
        {
          break
        }
        let saving = base.cost(requests) - own.cost(requests)
        if m <= horizon {
          net += saving
          discount *= 1 + rate
          npv += saving / discount
        }
        if searching {
          let stopsHere =
            (baseline.serviceEnd.map { first >= $0 } ?? false) || (schedule.fallback.map { first >= $0 } ?? false)
          if stopsHere {
            searching = false
          } else if cumulative + saving >= investment, saving > 0 {
            payback = Double(m - 1) + (investment - cumulative) / saving
            searching = false
          } else {
            cumulative += saving
          }
        }
      }
      return Figures(netBenefit: net, npv: npv, paybackMonths: payback)
    }
  }
}
