import FTCostKit
import Foundation

/// A mistake in how ftcost was called: printed with the usage line, exit 64.
///
/// Data only, as swift-argument-parser's `ParserError`: options and arguments are named as the
/// user types them (`--epochs`, `<shell>`), and `UsageErrorFormatter` words every case in one
/// place, looking up each name's `--epochs <n|auto>` synopsis and help in the command tree. A new
/// kind of mistake is a new case, which the compiler then makes the formatter word.
public enum UsageError: Error, Equatable, Sendable {
  /// An option the command does not have (`--epoch`), with the closest it does have.
  case unknownOption(String, suggestion: String?)
  /// A subcommand the command group does not have (`pricng`), with the closest it does have.
  case unknownSubcommand(String, suggestion: String?)
  /// An option that takes a value was given none (`--model` at the end of the line).
  case missingValue(option: String)
  /// A flag was given a value (`--batch=yes`).
  case unexpectedValue(option: String, value: String)
  /// A value the option (`--epochs`) or positional argument (`<shell>`) does not accept.
  case invalidValue(String, option: String, reason: InvalidValueReason)
  /// A required option or argument is missing.
  case missingArgument(String)
  /// None of several alternatives was given (`--examples`, `--training-tokens`, …).
  case missingOneOf([String])
  /// An option needed because another one was given (`--validation-out` with `--validation-split`).
  case missingDependency(String, requiredBy: String)
  /// Positional arguments beyond those the command takes.
  case unexpectedArguments([String])
  /// Options that cannot be used together.
  case conflictingOptions([String])
  /// A scripted `advise` answer that is unknown, invalid or missing.
  case answer(AdviceError)
  /// A `--set` override the scenario refuses; the library words why.
  case invalidOverride(String)
  /// One table asked for (`--table cashflow`, or CSV's only table) that exists once for each of
  /// `choices`; `narrowWith` (`--candidate`) picks one.
  case oneTableOfMany(String, narrowWith: String, choices: [String])
}

/// Why a value was refused; `UsageErrorFormatter` words it.
public enum InvalidValueReason: Equatable, Sendable {
  /// Not one of the allowed values; `suggestion` is the closest of them, if any is close.
  case notOneOf([String], suggestion: String?)
  /// Outside `lower...upper` (no upper bound when `nil`, `upper` itself excluded unless
  /// `upperIncluded`), or else one of the words in `orElse` (`auto`).
  case notInRange(lower: String, upper: String?, upperIncluded: Bool, orElse: [String])
  /// Not a number the strict decimal parser accepts.
  case notANumber(NumberError)
  /// A number with a fraction where a count is needed.
  case notAWholeNumber
  /// Not written in the expected shape: `expected` (`a date written YYYY-MM-DD`) and an example.
  case malformed(expected: String, example: String)
  /// A value that is allowed only together with another option (`--format mermaid` needs `--tree`).
  case requiresOption(String)
  /// A rule particular to one option, worded where it is checked (`--sweep`'s bounds in order).
  case described(String)

  /// Not one of `allowed`, with the closest one to `value` as a hint.
  public static func notOneOf(_ allowed: [String], given value: String) -> InvalidValueReason {
    .notOneOf(allowed, suggestion: Suggestions.closest(to: value, in: allowed).first)
  }

  /// Outside `range`, both ends included: "must be 1 to 50", or "must be 1 or more" when the range
  /// ends at `Int64.max`; `words` are accepted too ("…, or 'auto'").
  public static func notIn(_ range: ClosedRange<Int64>, orElse words: [String] = []) -> InvalidValueReason {
    .notInRange(
      lower: MoneyFormat.grouped(Decimal(range.lowerBound)),
      upper: range.upperBound == .max ? nil : MoneyFormat.grouped(Decimal(range.upperBound)), upperIncluded: true,
      orElse: words)
  }
}
