/// What a shell should offer when completing a value.
public enum CompletionKind: Sendable, Equatable {
  case none
  case files
  case directories
  case models
  case providers
  case values([String])
}

/// One option of a command, declared once and used for parsing, help and completions.
public struct OptionSpec: Sendable {
  public enum Kind: Sendable, Equatable {
    /// A switch with no value.
    case flag
    /// An option with one value; repeated uses keep the last.
    case value(String)
    /// An option that may be given several times, each with a value.
    case repeating(String)
  }

  public var name: String
  public var shortName: String?
  public var kind: Kind
  public var help: String
  public var isRequired: Bool
  public var completion: CompletionKind

  public init(
    _ name: String, short: String? = nil, _ kind: Kind, help: String, required: Bool = false,
    completion: CompletionKind = .none
  ) {
    self.name = name
    self.shortName = short
    self.kind = kind
    self.help = help
    self.isRequired = required
    self.completion = completion
  }

  /// The allowed values of an enumerated option.
  public var allowedValues: [String]? {
    if case .values(let values) = completion { return values }
    return nil
  }

  var valueName: String? {
    switch kind {
    case .flag: return nil
    case .value(let name), .repeating(let name): return name
    }
  }

  /// `--model <model>` as usage and errors show it.
  public var synopsis: String {
    valueName.map { "\(name) <\($0)>" } ?? name
  }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
  public var name: String
  public var help: String
  public var isOptional: Bool
  public var isRepeating: Bool
  public var completion: CompletionKind

  public init(
    _ name: String, help: String, optional: Bool = false, repeating: Bool = false, completion: CompletionKind = .none
  ) {
    self.name = name
    self.help = help
    self.isOptional = optional
    self.isRepeating = repeating
    self.completion = completion
  }

  var synopsis: String {
    let core = "<\(name)>" + (isRepeating ? " ..." : "")
    return isOptional ? "[\(core)]" : core
  }
}

/// A command or a group of subcommands, with the function that runs it.
public struct CommandSpec: Sendable {
  public var name: String
  public var abstract: String
  public var discussion: String
  public var arguments: [ArgumentSpec]
  public var options: [OptionSpec]
  public var subcommands: [CommandSpec]
  public var run: (@Sendable (inout Invocation) throws -> Int32)?

  public init(
    name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = [], subcommands: [CommandSpec] = [],
    run: (@Sendable (inout Invocation) throws -> Int32)? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
    self.subcommands = subcommands
    self.run = run
  }

  /// The option called `name` (long or short form).
  func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name || $0.shortName == name }
  }

  /// The subcommand called `name`.
  func subcommand(named name: String) -> CommandSpec? {
    subcommands.first { $0.name == name }
  }
}
