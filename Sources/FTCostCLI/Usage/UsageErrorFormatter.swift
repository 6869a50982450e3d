import FTCostKit

/// Words every `UsageError`, in swift-argument-parser's phrasing and layout.
///
/// The one place usage errors become text, as argument-parser's `ErrorMessageGenerator` and
/// `MessageInfo` are:
///
/// ```
/// Error: The value 'x' is invalid for '--epochs <n|auto>': must be 1 or more, or 'auto'
/// Help:  --epochs <n|auto>  Epochs, or auto (default).
/// Usage: ftcost train --model <model> [--examples <n>] ...
///   See 'ftcost train --help' for more information.
/// ```
///
/// The `Help:` line appears when the error concerns one option or argument. Names in the error are
/// looked up in `command` to show their value names; a name the command does not declare is shown
/// as given.
public struct UsageErrorFormatter {
  public var help: HelpFormatter

  public init(help: HelpFormatter) {
    self.help = help
  }

  /// The whole text for standard error, ending in a newline.
  public func render(_ error: UsageError, command: CommandSpec, path: [String]) -> String {
    var text = "Error: \(message(for: error, in: command))\n"
    if let line = helpLine(for: error, in: command) { text += "Help:  \(line)\n" }
    text += help.usage(command, path: path, label: "Usage: ") + "\n"
    text += "  See '\((["ftcost"] + path).joined(separator: " ")) --help' for more information.\n"
    return text
  }

  /// The sentence after `Error: `.
  public func message(for error: UsageError, in command: CommandSpec) -> String {
    func synopsis(_ name: String) -> String { Self.synopsis(name, in: command) }
    switch error {
    case .unknownOption(let name, let suggestion):
      return "Unknown option '\(name)'\(Self.hint(suggestion))"
    case .unknownSubcommand(let name, let suggestion):
      return "Unknown subcommand '\(name)'\(Self.hint(suggestion))"
    case .missingValue(let option):
      return "Missing value for '\(synopsis(option))'"
    case .unexpectedValue(let option, let value):
      return "The option '\(option)' does not take any value, but '\(value)' was specified."
    case .invalidValue(let value, let option, let reason):
      return "The value '\(value)' is invalid for '\(synopsis(option))'\(self.reason(reason, in: command))"
    case .missingArgument(let name):
      return "Missing expected argument '\(synopsis(name))'"
    case .missingOneOf(let names):
      return "Missing one of: '\(names.map(synopsis).joined(separator: "', '"))'"
    case .missingDependency(let name, let other):
      return "Missing expected argument '\(synopsis(name))' (needed with '\(synopsis(other))')"
    case .unexpectedArguments(let values):
      if values.count == 1 { return "Unexpected argument '\(values[0])'" }
      return "\(values.count) unexpected arguments: '\(values.joined(separator: "', '"))'"
    case .conflictingOptions(let names):
      return "Options \(Self.list(names.map(synopsis), conjunction: "and")) cannot be used together"
    case .answer(.unknownKey(let key, let suggestions, let keys)):
      let suggestion = suggestions.first
      let list = Self.pleaseProvide(keys, afterHint: suggestion != nil)
      return "Unknown answer key '\(key)'\(Self.hint(suggestion))\(list)"
    case .answer(.invalidValue(let key, let value, let reason)):
      return "The answer '\(value)' is invalid for '\(key)': \(reason)"
    case .answer(.missingAnswer(let key, let allowed)):
      return "Missing answer for '\(key)' (\(allowed)): add --answer \(key)=…"
    case .invalidOverride(let reason):
      return reason
    case .oneTableOfMany(let table, let option, let choices):
      let tables =
        choices.isEmpty
        ? "more than one '\(table)' table"
        : "a '\(table)' table for each of \(Self.list(choices, conjunction: "and"))"
      return "The report has \(tables), and this output holds one; pick one with '\(synopsis(option))'"
    }
  }

  /// `--epochs <n|auto>  Epochs, or auto (default).` for the option or argument the error concerns.
  public func helpLine(for error: UsageError, in command: CommandSpec) -> String? {
    let name: String?
    switch error {
    case .missingValue(let option), .invalidValue(_, let option, _), .missingArgument(let option),
      .missingDependency(let option, _):
      name = option
    case .missingOneOf(let names): name = names.first
    case .answer: name = "--answer"
    case .invalidOverride: name = "--set"
    case .oneTableOfMany(_, let option, _): name = option
    case .unknownOption, .unknownSubcommand, .unexpectedValue, .unexpectedArguments, .conflictingOptions:
      name = nil
    }
    guard let name else { return nil }
    if let option = command.option(named: name), !option.help.isEmpty {
      return "\(Self.synopsis(name, in: command))  \(option.help)"
    }
    if let argument = command.arguments.first(where: { "<\($0.name)>" == name }), !argument.help.isEmpty {
      return "\(name)  \(argument.help)"
    }
    return nil
  }

  /// What follows `'--option <value>'`: a colon and the reason, or argument-parser's sentences
  /// for a value that is not one of a list.
  func reason(_ reason: InvalidValueReason, in command: CommandSpec) -> String {
    switch reason {
    case .notOneOf(let values, let suggestion):
      return Self.hint(suggestion) + Self.pleaseProvide(values, afterHint: suggestion != nil)
    case .notInRange(let lower, let upper, let upperIncluded, let words):
      var text = ": must be "
      switch (upper, upperIncluded) {
      case (let upper?, true): text += "\(lower) to \(upper)"
      case (let upper?, false): text += "\(lower) or more and less than \(upper)"
      case (nil, _): text += "\(lower) or more"
      }
      if !words.isEmpty { text += ", or \(Self.list(words, conjunction: "or"))" }
      return text
    case .notANumber(.empty):
      return ": must be a number"
    case .notANumber(.notANumber):
      return ": must be a number written with digits, like 1000, 1_000_000, 0.15 or 2.5e-7"
    case .notANumber(.notFinite):
      return ": must be a finite number"
    case .notANumber(.outOfRange):
      return ": too large or too small to compute with exactly"
    case .notAWholeNumber:
      return ": must be a whole number"
    case .malformed(let expected, let example):
      return ": expected \(expected), e.g. \(example)"
    case .requiresOption(let option):
      return ": only valid with '\(Self.synopsis(option, in: command))'"
    case .described(let text):
      return ": \(text)"
    }
  }

  /// `--model <model>` for an option name (as typed, long or short), the name itself otherwise.
  static func synopsis(_ name: String, in command: CommandSpec) -> String {
    guard let valueName = command.option(named: name)?.valueName else { return name }
    return "\(name) <\(valueName)>"
  }

  /// The did-you-mean sentence after a name (`. Did you mean 'x'?`), or nothing.
  static func hint(_ suggestion: String?) -> String {
    suggestion.map { ". Did you mean '\($0)'?" } ?? ""
  }

  /// argument-parser's list of valid values: inline up to five (`'a' and 'b'`, `'a', 'b' or 'c'`),
  /// one per line from six.
  static func pleaseProvide(_ values: [String], afterHint: Bool) -> String {
    guard !values.isEmpty else { return "" }
    let lead = afterHint ? " Please provide one of" : ". Please provide one of"
    if values.count >= 6 { return "\(lead) the following:\n" + values.map { "  - \($0)" }.joined(separator: "\n") }
    let quoted = values.map { "'\($0)'" }
    let inline = quoted.count <= 2 ? quoted.joined(separator: " and ") : list(values, conjunction: "or")
    return "\(lead) \(inline)."
  }

  /// `'a' and 'b'`, `'a', 'b' or 'c'`.
  static func list(_ values: [String], conjunction: String) -> String {
    let quoted = values.map { "'\($0)'" }
    guard let last = quoted.last else { return "" }
    if quoted.count <= 2 { return quoted.joined(separator: " \(conjunction) ") }
    return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + last
  }
}
