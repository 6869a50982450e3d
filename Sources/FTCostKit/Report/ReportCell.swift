import Foundation

/// One typed value in a report table; each renderer decides how it looks, so a spreadsheet gets
/// plain numbers and ISO dates while a terminal gets `$1,234.56` and `0.37 months`.
public enum ReportCell: Sendable, Equatable {
  /// Words: a name, a status, a detail.
  case text(String)
  /// An amount of money, exact.
  ///
  /// `shown` is the amount in cents the footing rule chose so the table adds up; `nil` means the
  /// renderer rounds the amount itself (half-up or half-even, as `--rounding` says).
  case money(Decimal, shown: Decimal?)
  /// A cost per request or per 1M tokens: six significant digits, at least cents.
  case unitCost(Decimal)
  /// A price as its table writes it (`$0.075`, `$3.00`), in `currency`; `mark` follows it in the
  /// formats people read (`*` for an unconfirmed value) and is left out of CSV.
  case price(Decimal, currency: String, mark: String)
  /// A count of requests, tokens or examples: whole, or exact decimals when fractional.
  case count(Decimal)
  /// A plain number shown to `places` decimals (GPU-hours, a statistic).
  case number(Decimal, places: Int)
  /// A ratio shown to two places with `suffix` (`4.17x`); CSV carries it to six places.
  case ratio(Decimal, suffix: String)
  /// A share or return shown as a percentage with `places` decimals (`1,147%`); CSV carries the
  /// fraction itself (11.47), so a spreadsheet can compute with it.
  case percent(Decimal, places: Int)
  /// A duration in months (`0.37 months`); CSV carries the number.
  case months(Decimal)
  /// A calendar day, ISO 8601 everywhere.
  case date(ISODate)
  /// No value, with what people should read instead (`-`, `never`, `n/a (no investment)`); an
  /// empty CSV cell.
  case missing(String)

  /// A money cell the renderer rounds.
  public static func money(_ value: Decimal) -> ReportCell { .money(value, shown: nil) }

  /// `value` as a money cell, or `missing` when there is none.
  public static func money(_ value: Decimal?, else text: String) -> ReportCell {
    value.map { .money($0, shown: nil) } ?? .missing(text)
  }

  /// True for cells that read as numbers (right-aligned in tables).
  public var isNumeric: Bool {
    switch self {
    case .money, .unitCost, .price, .count, .number, .ratio, .percent, .months: return true
    case .text, .date, .missing: return false
    }
  }

  /// The amount a money cell shows, footed or rounded by `rule`.
  public func shownAmount(rule: RoundingRule) -> Decimal? {
    guard case .money(let value, let shown) = self else { return nil }
    return shown ?? value.rounded(scale: 2, rule: rule)
  }

  /// The cell as people read it: `$1,234.56`, `4.17x`, `0.37 months`.
  public func display(_ money: MoneyFormat) -> String {
    switch self {
    case .text(let text): return text
    case .money(let value, let shown):
      guard let shown else { return money.total(value) }
      return money.dollars(shown, minimumFractionDigits: 2)
    case .unitCost(let value): return money.unit(value)
    case .price(let value, let currency, let mark): return money.currency(currency).price(value) + mark
    case .count(let value): return MoneyFormat.count(value)
    case .number(let value, let places):
      return MoneyFormat.grouped(value.rounded(scale: places, .plain), minimumFractionDigits: 0)
    case .ratio(let value, let suffix): return money.ratio(value) + suffix
    case .percent(let value, let places):
      return places == 0 ? money.percent(value) : money.percent(value, places: places)
    case .months(let value):
      return MoneyFormat.grouped(value.rounded(scale: 2, rule: money.rounding), minimumFractionDigits: 2) + " months"
    case .date(let date): return date.description
    case .missing(let text): return text
    }
  }

  /// The cell as a spreadsheet reads it: a plain number (no currency sign, no grouping), an ISO
  /// date, text, or nothing.
  ///
  /// Money carries cents (the footed amount when the table foots); per-unit costs six significant
  /// digits; counts their exact value; ratios, percentages (as fractions) and months six places.
  public func csvValue(rule: RoundingRule) -> String {
    switch self {
    case .text(let text): return text
    case .money(let value, let shown): return Self.plain((shown ?? value.rounded(scale: 2, rule: rule)), places: 2)
    case .unitCost(let value): return value.rounded(significantDigits: 6, rule: rule).jsonText
    case .price(let value, _, _): return value.jsonText
    case .count(let value): return value.jsonText
    case .number(let value, let places): return value.rounded(scale: places, .plain).jsonText
    case .ratio(let value, _), .percent(let value, _), .months(let value):
      return value.isFinite ? value.rounded(scale: 6, rule: rule).jsonText : ""
    case .date(let date): return date.description
    case .missing: return ""
    }
  }

  /// `value` with exactly `places` decimals: `12.50`, `-3.00`.
  static func plain(_ value: Decimal, places: Int) -> String {
    guard value.isFinite else { return "" }
    let text = value.rounded(scale: places, .plain).jsonText
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var fraction = parts.count > 1 ? String(parts[1]) : ""
    while fraction.count < places { fraction.append("0") }
    return String(parts[0]) + (places > 0 ? "." + fraction : "")
  }
}
