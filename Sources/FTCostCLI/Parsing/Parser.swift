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

  public static func parse(_ words: [String], root: CommandSpec) throws(UsageError) -> Outcome {
    var command = root
    var path: [String] = []
    var remaining = words[...]

    // `ftcost help <sub> [<sub>]` works like `--help`.
    if remaining.first == "help" {
      remaining = remaining.dropFirst()
      for word in remaining {
        guard let sub = command.subcommand(named: word) else {
          throw unknownSubcommand(word, of: command, path: path)
        }
        command = sub
        path.append(word)
      }
      return .help(command, path: path)
    }

    // Walk down the subcommands.
    while !command.subcommands.isEmpty, let word = remaining.first, !word.hasPrefix("-") {
      guard let sub = command.subcommand(named: word) else {
        throw unknownSubcommand(word, of: command, path: path)
      }
      command = sub
      path.append(word)
      remaining = remaining.dropFirst()
    }

    var values = ParsedValues()
    var optionsEnded = false
    var unknown: [String] = []
    var words = Array(remaining)
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
        if inlineValue != nil {
          throw UsageError("The option '\(option.name)' does not take a value", commandPath: path)
        }
        values.flags.insert(option.name)
      case .value, .repeating:
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < words.count, !(words[index].hasPrefix("--") && words[index].count > 2) {
          value = words[index]
          index += 1
        } else {
          throw UsageError("Missing value for '\(option.synopsis)'", commandPath: path)
        }
        if let allowed = option.allowedValues, !allowed.contains(value) {
          let hint = Suggestions.hint(for: value, in: allowed)
          throw UsageError(
            "The value '\(value)' is invalid for '\(option.synopsis)'.\(hint) Allowed: \(allowed.joined(separator: ", ")).",
            commandPath: path)
        }
        if case .repeating = option.kind {
          values.options[option.name, default: []].append(value)
        } else {
          values.options[option.name] = [value]
        }
      }
    }
    words.removeAll()

    if let first = unknown.first {
      let names = command.options.map(\.name) + ["--version", "--help"]
      throw UsageError("Unknown option '\(first)'.\(Suggestions.hint(for: first, in: names))", commandPath: path)
    }
    guard command.run != nil else {
      // A group with no subcommand named: show its help, as `git remote` lists its verbs.
      if values.positionals.isEmpty { return .help(command, path: path) }
      throw unknownSubcommand(values.positionals[0], of: command, path: path)
    }
    for option in command.options where option.isRequired && values.options[option.name] == nil {
      throw UsageError("Missing expected argument '\(option.synopsis)'", commandPath: path)
    }
    let required = command.arguments.filter { !$0.isOptional }.count
    if values.positionals.count < required {
      let missing = command.arguments[values.positionals.count]
      throw UsageError("Missing expected argument '<\(missing.name)>'", commandPath: path)
    }
    let repeating = command.arguments.last?.isRepeating ?? false
    if !repeating, values.positionals.count > command.arguments.count {
      let extra = values.positionals[command.arguments.count]
      throw UsageError("Unexpected argument '\(extra)'", commandPath: path)
    }
    return .run(command, path: path, values)
  }

  private static func unknownSubcommand(_ word: String, of command: CommandSpec, path: [String]) -> UsageError {
    let names = command.subcommands.map(\.name)
    let hint = Suggestions.hint(for: word, in: names)
    let what = path.isEmpty ? "command" : "subcommand of '\(path.joined(separator: " "))'"
    return UsageError("Unknown \(what) '\(word)'.\(hint)", commandPath: path)
  }
}

/// The raw values parsed for a command, before the command converts them.
public struct ParsedValues: Sendable, Equatable {
  public var options: [String: [String]] = [:]
  public var flags: Set<String> = []
  public var positionals: [String] = []
}
