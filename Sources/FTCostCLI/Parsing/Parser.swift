import FTCostKit

/// Turns command-line words into the command to run and its values.
///
/// Follows swift-argument-parser's conventions: `--opt value` and `--opt=value`, `--` ends
/// options, names are case-sensitive. Unknown options are reported before missing ones so the
/// did-you-mean hint shows, and an unknown subcommand gets a hint too.
public enum Parser {
  /// The outcome of parsing: run a command, or show help or the version.
  public enum Outcome {
    case run(CommandSpec, path: [String], ParsedValues)
    case help(CommandSpec, path: [String])
    case version
  }

  /// A usage error with the command it concerns, as argument-parser's `CommandError` pairs a
  /// `ParserError` with its command stack: the usage shown is that command's.
  public struct Failure: Error {
    public var error: UsageError
    public var command: CommandSpec
    public var path: [String]
  }

  public static func parse(_ words: [String], root: CommandSpec) throws(Failure) -> Outcome {
    var command = root
    var path: [String] = []
    var remaining = words[...]

    // `ftcost help <sub> [<sub>]` works like `--help`.
    if remaining.first == "help" {
      remaining = remaining.dropFirst()
      for word in remaining {
        guard let sub = command.subcommand(named: word) else {
          throw Failure(error: unknownSubcommand(word, of: command), command: command, path: path)
        }
        command = sub
        path.append(word)
      }
      return .help(command, path: path)
    }

    // Walk down the subcommands.
    while !command.subcommands.isEmpty, let word = remaining.first, !word.hasPrefix("-") {
      guard let sub = command.subcommand(named: word) else {
        throw Failure(error: unknownSubcommand(word, of: command), command: command, path: path)
      }
      command = sub
      path.append(word)
      remaining = remaining.dropFirst()
    }
    do {
      return try parseOptions(Array(remaining), of: command, path: path)
    } catch {
      throw Failure(error: error, command: command, path: path)
    }
  }

  /// Parses the words after the subcommand path.
  private static func parseOptions(_ words: [String], of command: CommandSpec, path: [String]) throws(UsageError)
    -> Outcome
  {
    var values = ParsedValues()
    var optionsEnded = false
    var unknown: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      if optionsEnded || !word.hasPrefix("-") || word == "-" {
        values.positionals.append(word)
        continue
      }
      if word == "--" { optionsEnded = true; continue }
      if word == "-h" || word == "--help" { return .help(command, path: path) }
      if word == "--version" { return .version }
      var name = word
      var inlineValue: String?
      if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        inlineValue = String(word[word.index(after: equals)...])
      }
      guard let option = command.option(named: name) else {
        unknown.append(name)
        continue
      }
      switch option.kind {
      case .flag:
        if let inlineValue { throw .unexpectedValue(option: name, value: inlineValue) }
        values.flags.insert(option.name)
      case .value, .repeating:
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < words.count, !(words[index].hasPrefix("--") && words[index].count > 2) {
          value = words[index]
          index += 1
        } else {
          throw .missingValue(option: name)
        }
        if let allowed = option.allowedValues, !allowed.contains(value) {
          throw .invalidValue(value, option: name, reason: .notOneOf(allowed, given: value))
        }
        if case .repeating = option.kind {
          values.options[option.name, default: []].append(value)
        } else {
          values.options[option.name] = [value]
        }
      }
    }

    if let first = unknown.first {
      // A short option gets no hint, as in argument-parser: one letter is too little to guess from.
      let isShort = first.count == 2 && !first.hasPrefix("--")
      let names = command.options.map(\.name) + ["--version", "--help"]
      throw .unknownOption(first, suggestion: isShort ? nil : Suggestions.closest(to: first, in: names).first)
    }
    guard command.run != nil else {
      // A group with no subcommand named: show its help, as `git remote` lists its verbs.
      if values.positionals.isEmpty { return .help(command, path: path) }
      throw unknownSubcommand(values.positionals[0], of: command)
    }
    for (value, argument) in zip(values.positionals, command.arguments) {
      if case .values(let allowed) = argument.completion, !allowed.contains(value) {
        throw .invalidValue(value, option: "<\(argument.name)>", reason: .notOneOf(allowed, given: value))
      }
    }
    for option in command.options where option.isRequired && values.options[option.name] == nil {
      throw .missingArgument(option.name)
    }
    let required = command.arguments.filter { !$0.isOptional }.count
    if values.positionals.count < required {
      throw .missingArgument("<\(command.arguments[values.positionals.count].name)>")
    }
    let repeating = command.arguments.last?.isRepeating ?? false
    if !repeating, values.positionals.count > command.arguments.count {
      throw .unexpectedArguments(Array(values.positionals[command.arguments.count...]))
    }
    return .run(command, path: path, values)
  }

  private static func unknownSubcommand(_ word: String, of command: CommandSpec) -> UsageError {
    .unknownSubcommand(word, suggestion: Suggestions.closest(to: word, in: command.subcommands.map(\.name)).first)
  }
}

/// The raw values parsed for a command, before the command converts them.
public struct ParsedValues: Sendable, Equatable {
  public var options: [String: [String]] = [:]
  public var flags: Set<String> = []
  public var positionals: [String] = []
}
