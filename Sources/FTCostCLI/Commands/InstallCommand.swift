import FTCostKit
import Foundation

/// `ftcost install`: copies this binary, its data and completions under a prefix.
enum InstallCommand {
  static let spec = CommandSpec(
    name: "install", abstract: "Install this ftcost binary with its data (and completions) under a prefix.",
    discussion:
      "Copies the binary to PREFIX/bin/ftcost, the pricing tables and tokenizer files to PREFIX/share/ftcost, and the bash, zsh and fish completions to their usual folders under PREFIX/share. Run it from a release build: swift build -c release && .build/release/ftcost install --prefix ~/.local",
    options: [
      OptionSpec("--prefix", .value("dir"), help: "Where to install (default: /usr/local).", completion: .directories),
      CommonOptions.pricing,
    ],
    run: { invocation in try run(&invocation) })

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let prefix = URL(fileURLWithPath: invocation.string("--prefix") ?? "/usr/local").standardizedFileURL
    guard let executable = invocation.environment.executablePath else {
      throw CommandFailure("cannot tell where this ftcost binary is")
    }
    let data = try invocation.dataLocation()
    let manager = FileManager.default
    let bin = prefix.appendingPathComponent("bin")
    let share = prefix.appendingPathComponent("share/ftcost")
    func replace(_ source: String, with destination: URL) throws {
      if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
      try manager.copyItem(atPath: source, toPath: destination.path)
    }
    do {
      try manager.createDirectory(at: bin, withIntermediateDirectories: true)
      try manager.createDirectory(at: share, withIntermediateDirectories: true)
      try replace(executable, with: bin.appendingPathComponent("ftcost"))
      try replace(data.pricing, with: share.appendingPathComponent("pricing"))
      let tokenizers = share.appendingPathComponent("tokenizers")
      if manager.fileExists(atPath: tokenizers.path) { try manager.removeItem(at: tokenizers) }
      try manager.createDirectory(at: tokenizers, withIntermediateDirectories: true)
      for encoding in Encoding.allCases {
        try manager.copyItem(
          atPath: (data.tokenizers as NSString).appendingPathComponent(encoding.fileName),
          toPath: tokenizers.appendingPathComponent(encoding.fileName).path)
      }
      let catalog = try invocation.catalog()
      let completions: [(String, String)] = [
        ("bash", "share/bash-completion/completions/ftcost"), ("zsh", "share/zsh/site-functions/_ftcost"),
        ("fish", "share/fish/vendor_completions.d/ftcost.fish"),
      ]
      for (shell, relative) in completions {
        let target = prefix.appendingPathComponent(relative)
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(CompletionsCommand.script(shell, catalog: catalog) ?? "", to: target.path, overwrite: true)
      }
    } catch let error as OutputFileError {
      throw error
    } catch {
      throw CommandFailure("cannot install under '\(prefix.path)': \(error.localizedDescription)")
    }
    invocation.print("installed \(bin.path)/ftcost with its data in \(share.path)")
    invocation.print(
      "completions: \(prefix.path)/share/{bash-completion/completions,zsh/site-functions,fish/vendor_completions.d}")
    return CLI.ExitCode.success
  }
}
