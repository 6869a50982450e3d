import FTCostKit
import Foundation

/// The `ftcost` command line: parses words, runs a command, renders errors, returns an exit code.
public enum CLI {
  /// The version printed by `--version`.
  public static let version = "1.0.0"

  /// Exit codes, as documented in the README.
  public enum ExitCode {
    public static let success: Int32 = 0
    /// A runtime failure or a check that found problems.
    public static let failure: Int32 = 1
    /// A usage error (EX_USAGE).
    public static let usage: Int32 = 64
  }

  /// The whole command tree; help, parsing and completions all read it.
  public static let root = CommandSpec(
    name: "ftcost",
    abstract: "Should we prompt, add RAG, fine-tune or distill? Costs, break-even and payback, with numbers.",
    discussion:
      "Prices come from the tables in pricing/ (each with its source and as_of date); overlay your negotiated prices with --pricing DIR or FTCOST_PRICING.",
    subcommands: [
      ScenarioCommands.compare,
      ScenarioCommands.roi,
      ScenarioCommands.breakeven,
      ScenarioCommands.report,
      UncertaintyCommands.sensitivity,
      UncertaintyCommands.simulate,
      TrainCommand.spec,
      TokensCommand.spec,
      DatasetCommands.group,
      AdviseCommand.spec,
      DocsCommand.spec,
      CompletionsCommand.spec,
      InstallCommand.spec,
      CostCommand.spec,
      PricingCommands.group,
    ])

  /// Runs ftcost in the real process and returns the exit code.
  public static func main(arguments: [String]) -> Int32 {
    run(arguments, environment: .process())
  }

  /// Runs ftcost with `arguments` (without the program name) in `environment`.
  public static func run(_ arguments: [String], environment unescaped: CLIEnvironment) -> Int32 {
    let environment = unescaped.escapingControlCharacters()
    let help = HelpFormatter(columns: environment.columns)
    let errors = UsageErrorFormatter(help: help)
    let outcome: Parser.Outcome
    do {
      outcome = try Parser.parse(arguments, root: root)
    } catch {
      environment.writeError(errors.render(error.error, command: error.command, path: error.path))
      return ExitCode.usage
    }
    switch outcome {
    case .version:
      environment.writeOutput(versionText(environment))
      return ExitCode.success
    case .help(let command, let path):
      environment.writeOutput(help.help(command, path: path))
      return ExitCode.success
    case .run(let command, let path, let values):
      var invocation = Invocation(path: path, command: command, values: values, environment: environment)
      invocation.arguments = arguments
      do {
        guard let run = command.run else { return ExitCode.usage }
        let code = try run(&invocation)
        environment.writeOutput(invocation.output)
        return code
      } catch let error as UsageError {
        environment.writeError(errors.render(error, command: command, path: path))
        return ExitCode.usage
      } catch let error as CommandFailure {
        if !error.message.isEmpty { environment.writeError("Error: \(error.message)\n") }
        return error.code
      } catch {
        environment.writeError("Error: \(String(describing: error))\n")
        return ExitCode.failure
      }
    }
  }

  static func versionText(_ environment: CLIEnvironment) -> String {
    var text = "ftcost \(version)"
    if let location = try? DataLocation.locate(
      executablePath: environment.executablePath, environment: environment.variables),
      let catalog = try? PricingLoader.catalog(builtIn: location.pricing, overlays: [], today: environment.today),
      let asOf = catalog.builtInAsOf
    {
      text += " (built-in prices as of \(asOf))"
    }
    return text + "\n"
  }
}

/// A command's failure with a chosen exit code and an optional message already printed or not.
public struct CommandFailure: Error {
  public var message: String
  public var code: Int32

  public init(_ message: String, code: Int32 = CLI.ExitCode.failure) {
    self.message = message
    self.code = code
  }
}
