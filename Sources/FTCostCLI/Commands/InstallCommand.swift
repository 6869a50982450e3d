import FTCostKit
import Foundation

/// `ftcost install`: copies this binary, its data and completions under a prefix.
enum InstallCommand {
  static let spec = CommandSpec(
    name: "install", abstract: "Install this ftcost binary with its data (and completions) under a prefix.",
    discussion:
      "Copies the binary to PREFIX/bin/ftcost, the pricing tables and tokenizer files to PREFIX/share/ftcost, and the bash, zsh and fish completions to their usual folders under PREFIX/share. Everything is staged under temporary names in the prefix first, then renamed into place, so an interrupted install leaves the previous one working; reinstalling over the running binary or its own data is fine. Run it from a release build: swift build -c release && .build/release/ftcost install --prefix ~/.local",
    options: [
      OptionSpec("--prefix", .value("dir"), help: "Where to install (default: /usr/local).", completion: .directories),
      CommonOptions.pricing,
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    guard let executable = invocation.environment.executablePath else {
      throw CommandFailure("cannot tell where this ftcost binary is; run install from the binary's own path")
    }
    let catalog = try invocation.catalog()
    var scripts: [String: String] = [:]
    for (shell, _) in Installer.completionPaths {
      scripts[shell] = CompletionsCommand.script(shell, catalog: catalog)
    }
    let installer = Installer(
      prefix: invocation.string("--prefix") ?? "/usr/local", executable: executable,
      data: try invocation.dataLocation(), completionScripts: scripts)
    let report = try installer.install()
    invocation.print("installed \(report.binary) with its data in \(report.data)")
    invocation.print(
      "completions: \(installer.prefix)/share/{bash-completion/completions,zsh/site-functions,fish/vendor_completions.d}"
    )
    for path in report.removed { invocation.print("removed \(path) (no longer shipped)") }
    return CLI.ExitCode.success
  }
}
