import FTCostCLI
import FTCostKit
import Foundation
import Testing

func shell(_ command: String, environment: [String: String] = [:]) throws -> RunResult {
  try runBinary(URL(fileURLWithPath: "/bin/bash"), ["-c", command], environment: environment)
}

func hasCommand(_ name: String) -> Bool {
  ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + name) }
}

@Suite struct DocsCommandTests {
  func generate(into folder: String, extra: [String] = []) -> RunResult {
    ftcost(["docs", "--out", folder, "--examples", "\(example)"] + extra)
  }

  @Test func twiceGivesByteIdenticalFiles() throws {
    let first = try temporaryFolder().path
    let second = try temporaryFolder().path
    #expect(generate(into: first).code == 0)
    #expect(generate(into: second).code == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: first).sorted()
    #expect(names == ["advisor.md", "dataset-sizes.md", "examples.md", "pricing.md", "providers.md"])
    for name in names {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: "\(first)/\(name)"))
          == Data(contentsOf: URL(fileURLWithPath: "\(second)/\(name)")), "\(name)")
    }
  }

  @Test func pricingHasModule20FineTuningRows() throws {
    let folder = try temporaryFolder().path
    _ = generate(into: folder)
    let pricing = try String(contentsOfFile: "\(folder)/pricing.md", encoding: .utf8)
    #expect(pricing.contains("| gpt-4o-mini | $3.00 | $0.30 / $1.20 (2× base) |"))
    #expect(pricing.contains("| gpt-4o | $25.00 | $3.75 / $15.00 (1.5× base) |"))
    #expect(pricing.contains("gemini-2.5-flash | $5.00* |"))
    #expect(pricing.contains("Table as of 2026-11-25."))
  }

  @Test func theRepositoryDocsAreCurrent() {
    let result = ftcost([
      "docs", "--check", "--out", repositoryRoot.appendingPathComponent("docs").path, "--examples", example, "--readme",
      repositoryRoot.appendingPathComponent("README.md").path,
    ])
    #expect(result.code == 0, "\(result.stderr)")
  }

  @Test func checkFailsAfterAPriceEditAndNamesPricingMD() throws {
    // A copy of the built-in data with one price edited.
    let data = try temporaryFolder()
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("pricing"), to: data.appendingPathComponent("pricing"))
    let openai = data.appendingPathComponent("pricing/openai.json")
    let edited = try String(contentsOf: openai, encoding: .utf8).replacingOccurrences(
      of: "\"training\": 3.00", with: "\"training\": 3.50")
    try edited.write(to: openai, atomically: true, encoding: .utf8)
    let docs = repositoryRoot.appendingPathComponent("docs").path
    let result = ftcost(
      ["docs", "--check", "--out", docs, "--examples", example], environment: ["FTCOST_DATA": data.path])
    #expect(result.code == 1)
    #expect(result.stderr.contains("\(docs)/pricing.md differs from what the data generates"))
    #expect(result.stderr.contains("run 'ftcost docs --force --out \(docs)' to refresh"))
  }

  @Test func replacingAFileThatDiffersTakesForce() throws {
    let folder = try temporaryFolder().path
    #expect(generate(into: folder).stdout.hasPrefix("wrote \(folder)/pricing.md, "))
    #expect(generate(into: folder).stdout.hasPrefix("unchanged: \(folder)/pricing.md, "))
    try "outdated\n".write(toFile: folder + "/advisor.md", atomically: false, encoding: .utf8)
    let refused = generate(into: folder)
    #expect(refused.code == 1)
    #expect(refused.stderr == "Error: '\(folder)/advisor.md' already exists; pass --force to overwrite it\n")
    #expect(try String(contentsOfFile: folder + "/advisor.md", encoding: .utf8) == "outdated\n")
    let forced = generate(into: folder, extra: ["--force"])
    #expect(forced.code == 0, "\(forced.stderr)")
    #expect(forced.stdout.hasPrefix("wrote \(folder)/advisor.md\nunchanged: "))
  }

  /// One file that cannot be written leaves the folder as it was: no file, no temporary.
  @Test func oneFailingFileWritesNothing() throws {
    let folder = try temporaryFolder().path
    try FileManager.default.createDirectory(atPath: folder + "/pricing.md", withIntermediateDirectories: false)
    let result = generate(into: folder, extra: ["--force"])
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "Error: '\(folder)/pricing.md' is a folder; give the path of a file to write\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pricing.md"])
    let file = folder + "/pricing.md/notes.txt"
    try "x".write(toFile: file, atomically: false, encoding: .utf8)
    let notAFolder = generate(into: file)
    #expect(notAFolder.stderr == "Error: '\(file)' is a file, not a folder; give a folder (it is created if missing)\n")
  }

  @Test func aNewFolderIsCreatedWhole() throws {
    let root = try temporaryFolder().path
    let result = generate(into: root + "/a/b")
    #expect(result.code == 0, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["a"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/a/b").count == 5)
  }

  @Test func readmeWithoutMarkersIsAnError() throws {
    let readme = try temporaryFolder().appendingPathComponent("README.md").path
    try "# no markers\n".write(toFile: readme, atomically: true, encoding: .utf8)
    let result = ftcost(["docs", "--out", try temporaryFolder().path, "--examples", example, "--readme", readme])
    #expect(result.code == 1)
    #expect(result.stderr.contains("has no <!-- ftcost:pricing-summary:start -->"))
  }
}

@Suite struct CompletionTests {
  func script(_ shell: String) throws -> String {
    let path = try temporaryFolder().appendingPathComponent("ftcost.\(shell)").path
    let result = ftcost(["completions", shell])
    #expect(result.code == 0)
    try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func bashPassesSyntaxCheckAndRegisters() throws {
    let path = try script("bash")
    #expect(try shell("bash -n '\(path)'").code == 0)
    let registered = try shell("source '\(path)'; complete -p ftcost")
    #expect(registered.stdout == "complete -F _ftcost ftcost\n")
    let completed = try shell(
      "source '\(path)'; COMP_WORDS=(ftcost cost --model gpt-4o-mi); COMP_CWORD=3; _ftcost; echo \"${COMPREPLY[*]}\"")
    #expect(completed.stdout.contains("gpt-4o-mini"))
    let formats = try shell(
      "source '\(path)'; COMP_WORDS=(ftcost pricing list --format ''); COMP_CWORD=4; _ftcost; echo \"${COMPREPLY[*]}\"")
    #expect(formats.stdout == "table json csv markdown html\n")
    let subcommands = try shell(
      "source '\(path)'; COMP_WORDS=(ftcost data); COMP_CWORD=1; _ftcost; echo \"${COMPREPLY[*]}\"")
    #expect(subcommands.stdout == "dataset\n")
  }

  @Test(.enabled(if: hasCommand("zsh"), "zsh is not installed")) func zshPassesSyntaxCheck() throws {
    #expect(try shell("zsh -n '\(try script("zsh"))'").code == 0)
  }

  @Test(.enabled(if: hasCommand("fish"), "fish is not installed")) func fishPassesSyntaxCheck() throws {
    let path = try script("fish")
    #expect(try shell("fish -n '\(path)'").code == 0)
    let completed = try shell("fish -c \"source '\(path)'; complete -C 'ftcost pricing '\"")
    #expect(completed.stdout.contains("validate"))
  }

  @Test func unknownShellGetsAHint() {
    let result = ftcost(["completions", "zhs"])
    #expect(result.code == 64)
    #expect(result.stderr.hasPrefix("Error: The value 'zhs' is invalid for '<shell>'. Did you mean 'zsh'?"))
  }
}

@Suite struct InstallTests {
  /// Installs into a temporary prefix and runs the installed ftcost from `/`.
  @Test func installedBinaryWorksFromRoot() throws {
    let binary = try releaseOrFreshBinary()
    let prefix = try temporaryFolder().appendingPathComponent("prefix").path
    let install = try runBinary(binary, ["install", "--prefix", prefix])
    #expect(install.code == 0, "\(install.stderr)")
    let installed = URL(fileURLWithPath: "\(prefix)/bin/ftcost")
    let list = try runBinary(installed, ["pricing", "list"], in: "/")
    #expect(list.code == 0, "\(list.stderr)")
    #expect(list.stdout.contains("gpt-4o-mini-2024-07-18"))
    let show = try runBinary(installed, ["pricing", "show", "gpt-4o-mini", "--format", "json"], in: "/")
    #expect(try parseJSON(show.stdout)["origin"]?["file"]?.stringValue == "\(prefix)/share/ftcost/pricing/openai.json")
    let tokens = try runBinary(installed, ["tokens", "--encoding", "cl100k_base"], in: "/", stdin: "hello world")
    #expect(tokens.stdout == "2 tokens (cl100k_base, 11 bytes)\n")
    let version = try runBinary(installed, ["--version"], in: "/")
    #expect(version.stdout == "ftcost \(CLI.version) (built-in prices as of 2026-11-26)\n")
    #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/bash-completion/completions/ftcost"))
    #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/zsh/site-functions/_ftcost"))
    #expect(FileManager.default.fileExists(atPath: "\(prefix)/share/fish/vendor_completions.d/ftcost.fish"))
  }

  /// The issue's reproducers: the installed binary reinstalls over itself, also with FTCOST_DATA
  /// pointing at the data it replaces, and file modes do not depend on the umask.
  @Test func reinstallsOverItselfAndItsDataWithFixedModes() throws {
    let binary = try releaseOrFreshBinary()
    let prefix = try temporaryFolder().appendingPathComponent("prefix").path
    let first = try shell("umask 000 && '\(binary.path)' install --prefix '\(prefix)'")
    #expect(first.code == 0, "\(first.stderr)")
    let installed = URL(fileURLWithPath: "\(prefix)/bin/ftcost")
    let again = try runBinary(installed, ["install", "--prefix", prefix])
    #expect(again.code == 0, "\(again.stderr)")
    let withData = try runBinary(
      installed, ["install", "--prefix", prefix], environment: ["FTCOST_DATA": "\(prefix)/share/ftcost"])
    #expect(withData.code == 0, "\(withData.stderr)")
    let version = try runBinary(installed, ["--version"], in: "/")
    #expect(version.stdout == "ftcost \(CLI.version) (built-in prices as of 2026-11-26)\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: "\(prefix)/share/ftcost/pricing").sorted()
        == FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("pricing").path)
        .sorted()
    )
    let modes = try shell("cd '\(prefix)' && find . -printf '%m %p\\n' | sort -k 2")
    for line in modes.stdout.split(separator: "\n") {
      let isFile =
        line.hasSuffix(".json") || line.hasSuffix(".tiktoken") || line.contains("_ftcost")
        || line.hasSuffix("completions/ftcost") || line.hasSuffix(".fish")
      let expected = line.hasSuffix("bin/ftcost") ? "755" : isFile ? "644" : "755"
      #expect(line.hasPrefix(expected + " "), "\(line)")
    }
    #expect(!modes.stdout.contains(".ftcost-tmp-"))
  }
}
