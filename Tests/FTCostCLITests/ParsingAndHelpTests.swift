import FTCostCLI
import FTCostKit
import Testing

@Suite struct ParsingAndHelpTests {
  @Test func rootHelpListsSubcommands() {
    let result = ftcost(["--help"])
    #expect(result.code == 0)
    #expect(result.stdout.hasPrefix("OVERVIEW: "))
    #expect(result.stdout.contains("USAGE: ftcost <subcommand>"))
    #expect(result.stdout.contains("\n  pricing                 List, show and validate the pricing tables.\n"))
    #expect(
      result.stdout.contains(
        "  --version               Show the version.\n  -h, --help              Show help information.\n"))
    #expect(result.stdout.hasSuffix("  See 'ftcost help <subcommand>' for detailed help.\n"))
    #expect(result.stderr.isEmpty)
  }

  @Test func helpSubcommandMatchesDashDashHelp() {
    let viaHelp = ftcost(["help", "pricing", "show"])
    let viaFlag = ftcost(["pricing", "show", "-h"])
    #expect(viaHelp.code == 0)
    #expect(viaHelp.stdout == viaFlag.stdout)
    #expect(viaHelp.stdout.contains("USAGE: ftcost pricing show <model> [--format <format>] [--pricing <dir>]"))
    #expect(viaHelp.stdout.contains("ARGUMENTS:\n  <model>                 A model id or alias.\n"))
  }

  @Test(arguments: [
    ["--version"], ["train", "--version"], ["pricing", "show", "--version"], ["dataset", "--version"],
  ])
  func versionWorksAtAnyDepthAndNamesThePricesDate(arguments: [String]) {
    let result = ftcost(arguments)
    #expect(result.code == 0)
    #expect(result.stdout == "ftcost \(CLI.version) (built-in prices as of 2026-11-25)\n")
  }

  @Test func unknownOptionShowsHintAndTheSubcommandUsage() {
    let result = ftcost("cost --modle gpt-4o --input-tokens 1")
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines[0] == "Error: Unknown option '--modle'. Did you mean '--model'?")
    #expect(lines[1].hasPrefix("Usage: ftcost cost --model <model> --input-tokens <n> --output-tokens <n>"))
    #expect(lines.last == "  See 'ftcost cost --help' for more information.")
  }

  @Test func unknownSubcommandsGetHints() {
    let root = ftcost("pricng list")
    #expect(root.code == 64)
    #expect(root.stderr.hasPrefix("Error: Unknown subcommand 'pricng'. Did you mean 'pricing'?\n"))
    let nested = ftcost("pricing lst")
    #expect(nested.code == 64)
    #expect(
      nested.stderr.hasPrefix(
        "Error: Unknown subcommand 'lst'. Did you mean 'list'?\nUsage: ftcost pricing <subcommand>\n"))
    #expect(ftcost("help pricng").code == 64)
  }

  @Test func missingArgumentsAreNamed() {
    let result = ftcost("cost --model gpt-4o-mini --input-tokens 1")
    #expect(result.code == 64)
    #expect(result.stderr.hasPrefix("Error: Missing expected argument '--output-tokens <n>'\n"))
    #expect(ftcost("pricing show").stderr.hasPrefix("Error: Missing expected argument '<model>'\n"))
  }

  @Test(arguments: ["nan", "inf", "1e999", "3.14abc", "0x10", "", "-5"])
  func badNumbersAreUsageErrors(value: String) {
    let result = ftcost(["cost", "--model", "gpt-4o-mini", "--input-tokens", value, "--output-tokens", "1"])
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: The value '\(value)' is invalid for '--input-tokens <n>': "))
  }

  @Test func enumeratedValuesAreChecked() {
    let result = ftcost("pricing list --format jsn")
    #expect(result.code == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: The value 'jsn' is invalid for '--format <format>'. Did you mean 'json'? Please provide one of 'table', 'json', 'csv' or 'markdown'.\n"
      ))
  }

  @Test func optionValuesMayUseEquals() {
    let result = ftcost([
      "cost", "--model=gpt-4o-mini", "--input-tokens=1_000", "--output-tokens=200", "--requests=1000", "--format=json",
    ])
    #expect(result.code == 0)
  }

  @Test func helpTextWrapsAtColumns() throws {
    for path in [[], ["dataset", "build"]] {
      let formatter = HelpFormatter(columns: 40)
      var command = CLI.root
      for name in path { command = try #require(command.subcommands.first { $0.name == name }) }
      let lines = formatter.help(command, path: path).split(separator: "\n").filter { !$0.hasPrefix("  See") }
      #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines.filter { $0.count > 40 })")
    }
  }
}
