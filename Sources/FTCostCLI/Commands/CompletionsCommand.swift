import FTCostKit

/// `ftcost completions bash|zsh|fish`.
enum CompletionsCommand {
  static let spec = CommandSpec(
    name: "completions", abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion:
      "bash: ftcost completions bash > ~/.local/share/bash-completion/completions/ftcost. zsh: ftcost completions zsh > \"${fpath[1]}/_ftcost\". fish: ftcost completions fish > ~/.config/fish/completions/ftcost.fish.",
    arguments: [ArgumentSpec("shell", help: "bash, zsh or fish.", completion: .values(["bash", "zsh", "fish"]))],
    options: [CommonOptions.pricing],
    run: { invocation in try run(&invocation) })

  static func script(_ shell: String, catalog: PricingCatalog) -> String? {
    let scripts = CompletionScripts(root: CLI.root, models: catalog.allNames, providers: catalog.providers)
    switch shell {
    case "bash": return scripts.bash()
    case "zsh": return scripts.zsh()
    case "fish": return scripts.fish()
    default: return nil
    }
  }

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let shell = invocation.positionals[0]
    // The parser has checked <shell> against the argument's values.
    guard let text = script(shell, catalog: try invocation.catalog()) else {
      throw UsageError.invalidValue(shell, option: "<shell>", reason: .notOneOf(["bash", "zsh", "fish"], given: shell))
    }
    invocation.print(text)
    return CLI.ExitCode.success
  }
}
