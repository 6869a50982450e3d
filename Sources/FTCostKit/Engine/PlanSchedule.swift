import Foundation

/// How a plan is served over time: from which day it runs its own way (and at which rates), when
/// it is served the baseline's way, and the charges that fall on single days.
struct PlanSchedule: Sendable {
  /// How the plan is served from a day on.
  enum Mode: Sendable {
    case own(PlanRates)
    /// Lead-time days and days after a fallback: exactly the baseline's costs.
    case asBaseline
  }

  struct Segment: Sendable {
    var from: ISODate
    var mode: Mode
  }

  /// A cost paid once on a day (a retraining, a migration).
  struct Charge: Sendable {
    var date: ISODate
    var component: CostComponent
    var amount: Decimal
  }

  /// Ascending by `from`; the first starts on the scenario's start.
  var segments: [Segment]
  var charges: [Charge]
  /// Every dated event, inside the horizon or beyond it.
  var events: [PlanEvent]
  /// The day a fallback starts, if any.
  var fallback: (date: ISODate, reason: String)?
  /// The first day the plan cannot be priced at all (a baseline whose model retires after the
  /// horizon with no successor): the payback search stops there.
  var serviceEnd: ISODate?
  /// The prices and fields every figure used.
  var uses: [PriceUse]

  /// The rates in effect on `day` when the plan serves its own way then.
  func ownRates(on day: ISODate) -> PlanRates? {
    guard let segment = segments.last(where: { $0.from <= day }), case .own(let rates) = segment.mode else {
      return nil
    }
    return rates
  }
}

/// One month's cost of a plan, split into a part that scales with the month's requests and a part
/// that does not.
///
/// C_m(R) = (R_m · Σ k·rate + Σ k·F) / n_m + charges, component by component, where
/// each part of k days carries its rates. Dividing by n_m last keeps whole months exact.
struct MonthCost: Sendable {
  /// Σ over the month's parts of days × per-request rate.
  var perRequestDays = ComponentAmounts()
  /// Σ over the month's parts of days × monthly fixed cost.
  var fixedDays = ComponentAmounts()
  /// Costs paid once on a day of the month.
  var charges = ComponentAmounts()
  /// Parts of the month served on GPUs, with their days.
  ///
  /// Their cost steps with the number of replicas the month's volume needs. `own` is false for
  /// a self-hosted baseline's GPUs that serve a candidate's lead-time or fallback days: paid,
  /// but not the candidate's GPUs.
  var hostedParts: [(days: Int, serving: HostedServing, own: Bool)] = []
  /// n_m, the days in the month.
  var days: Int
  /// Per component, Σ k·rate / n_m: what one request adds to the month (see `settle()`).
  private(set) var ratePerRequest = ComponentAmounts()
  /// Per component, Σ k·F / n_m + charges: what the month costs whatever its volume.
  private(set) var fixedAmount = ComponentAmounts()
  /// The components with a rate or a fixed amount, the only ones a volume is priced on, and
  /// whether n_m divides their sums exactly (else the volume's cost is divided by n_m whole).
  private(set) var activeComponents: [(component: CostComponent, divides: Bool)] = []

  /// True when the month's cost is not linear in its volume (self-hosted parts).
  var isStepped: Bool { !hostedParts.isEmpty }

  /// The per-request cost of the month as a whole: Σ k·rate / n_m.
  var perRequest: Decimal { perRequestDays.total / Decimal(days) }

  /// The cost that does not depend on the volume: Σ k·F / n_m + charges.
  var fixed: Decimal { fixedDays.total / Decimal(days) + charges.total }

  /// Σ k·F / n_m: the month's fixed cost without its one-day charges.
  var fixedWithoutCharges: Decimal { fixedDays.total / Decimal(days) }

  /// Works out the month's rates once its parts are all added, so each volume it is priced at
  /// costs a multiplication and an addition per component (a sweep prices thousands).
  ///
  /// A month split into parts at different rates can have sums n_m does not divide exactly
  /// (Σ k·rate / 30); those components keep (R · Σ k·rate + Σ k·F) / n_m, so a whole-dollar month
  /// stays whole rather than 479.99….
  mutating func settle() {
    let monthDays = Decimal(days)
    activeComponents = []
    for component in CostComponent.allCases {
      let rate = perRequestDays[component]
      let fixed = fixedDays[component]
      guard rate != 0 || fixed != 0 || charges[component] != 0 else { continue }
      let perRequest = rate == 0 ? 0 : rate / monthDays
      let perMonth = fixed == 0 ? 0 : fixed / monthDays
      ratePerRequest[component] = perRequest
      fixedAmount[component] = perMonth + charges[component]
      activeComponents.append((component, perRequest * monthDays == rate && perMonth * monthDays == fixed))
    }
  }

  /// The month's cost by component for `requests` requests: R · rate + fixed per component, plus
  /// the GPUs of its self-hosted parts.
  func amounts(requests: Decimal) -> ComponentAmounts {
    var amounts = ComponentAmounts()
    for (component, divides) in activeComponents {
      if divides {
        let rate = ratePerRequest[component]
        amounts[component] = (rate == 0 ? 0 : requests * rate) + fixedAmount[component]
      } else {
        let rate = perRequestDays[component]
        let sum = (rate == 0 ? 0 : requests * rate) + fixedDays[component]
        amounts[component] = (sum == 0 ? 0 : sum / Decimal(days)) + charges[component]
      }
    }
    if !hostedParts.isEmpty { amounts[.gpuServing] += hosting(requests: requests, ownOnly: false).cost }
    return amounts
  }

  /// Replicas, GPU-hours and GPU cost of the month's parts on the plan's own GPUs for `requests`
  /// requests (or on any GPUs, `ownOnly` false).
  ///
  /// A part of k days carries k / n_m of the month's requests.
  func hosting(requests: Decimal, ownOnly: Bool = true) -> HostingUsage {
    var usage = HostingUsage()
    let monthDays = Decimal(days)
    for part in hostedParts where part.own || !ownOnly {
      let share = Decimal(part.days) / monthDays
      usage.add(part.serving.usage(requests: requests * share, share: share))
    }
    return usage
  }
}

extension PlanSchedule {
  /// Adds to `cost` what the plan costs on the days [from, to) of `month`.
  ///
  /// Each part of k days
  /// carries k / n_m of the month's requests and fixed costs, at the rates of its serving mode;
  /// charges dated in the range are added whole. `baseline` prices the days served its way.
  func accumulate(
    from: ISODate, to: ISODate, month: Int, calendar: ScenarioCalendar, baseline: PlanSchedule?,
    into cost: inout MonthCost, own: Bool = true
  ) {
    // Nothing is priced from the day the baseline (or this plan) can no longer be priced.
    let end = [serviceEnd, baseline?.serviceEnd, to].compactMap { $0 }.min() ?? to
    guard from < end else { return }
    for (index, segment) in segments.enumerated() {
      let segmentEnd = index + 1 < segments.count ? segments[index + 1].from : end
      let partStart = max(segment.from, from)
      let partEnd = min(segmentEnd, end)
      guard partStart < partEnd else { continue }
      switch segment.mode {
      case .own(let rates):
        let days = Decimal(partStart.days(to: partEnd))
        cost.perRequestDays.add(rates.perRequest, times: days)
        cost.fixedDays.add(rates.perMonth, times: days)
        if let hosted = rates.hosted { cost.hostedParts.append((partStart.days(to: partEnd), hosted, own)) }
        for charge in charges where charge.date >= partStart && charge.date < partEnd {
          cost.charges[charge.component] += charge.amount
        }
      case .asBaseline:
        baseline?.accumulate(
          from: partStart, to: partEnd, month: month, calendar: calendar, baseline: nil, into: &cost, own: false)
      }
    }
  }

  /// The cost of month `month`, whole.
  func cost(ofMonth month: Int, calendar: ScenarioCalendar, baseline: PlanSchedule?) -> MonthCost {
    var cost = MonthCost(days: calendar.days(inMonth: month))
    accumulate(
      from: calendar.firstDay(ofMonth: month), to: calendar.firstDay(ofMonth: month + 1), month: month,
      calendar: calendar, baseline: baseline, into: &cost)
    cost.settle()
    return cost
  }
}
