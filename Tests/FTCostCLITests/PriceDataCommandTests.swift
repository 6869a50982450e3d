import FTCostKit
import Foundation
import Testing

/// A hand-written price file in the shape of LiteLLM's or genai-prices' real one.
func priceFixture(_ name: String) -> String {
  repositoryRoot.appendingPathComponent("Tests/FTCostKitTests/Fixtures/PriceSources/\(name)").path
}

@Suite struct PricingImportCommandTests {
  @Test func writesOneValidOverlayFilePerProvider() throws {
    let out = try temporaryFolder().appendingPathComponent("imported")
    let result = ftcost([
      "pricing", "import", "--from", "litellm", priceFixture("litellm-sample.json"), "--out", out.path,
      "--source-version", "1.110.2",
    ])
    #expect(result.code == 0, "\(result.stderr)")
    try expectGolden(result.stdout.replacingOccurrences(of: out.path, with: "<out>"), "pricing-import-litellm.txt")
    try expectGolden(result.stderr, "pricing-import-litellm-stderr.txt")
    for provider in ["openai", "azure-openai", "anthropic", "google-vertex"] {
      let text = try String(contentsOf: out.appendingPathComponent("\(provider).json"), encoding: .utf8)
      try expectGolden(text, "pricing-import-litellm-\(provider).json")
    }
    let validate = ftcost(["pricing", "validate", out.path])
    #expect(validate.code == 0, "\(validate.stdout)")
    // The written prices are what ftcost then uses.
    let show = ftcost(["pricing", "show", "claude-sonnet-4-5", "--pricing", out.path, "--format", "json"])
    let inference = try parseJSON(show.stdout)["inference"]
    #expect(inference?["batch_input"]?.kind == .number("1.5"))
    #expect(inference?["batch_output"]?.kind == .number("7.5"))
  }

  @Test func readsGenAIPricesData() throws {
    let out = try temporaryFolder()
    let result = ftcost([
      "pricing", "import", "--from", "genai-prices", priceFixture("genai-prices-sample.json"), "--out", out.path,
      "--provider", "google-vertex", "--provider", "openai",
    ])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["google-vertex.json", "openai.json"])
    try expectGolden(
      try String(contentsOf: out.appendingPathComponent("google-vertex.json"), encoding: .utf8),
      "pricing-import-genai-prices-google-vertex.json")
    #expect(result.stderr.contains("note: \(priceFixture("genai-prices-sample.json"))'s version is unknown"))
    #expect(ftcost(["pricing", "validate", out.path]).code == 0)
  }

  @Test func existingTablesAreKeptUnlessForced() throws {
    let out = try temporaryFolder()
    let arguments = ["pricing", "import", "--from", "litellm", priceFixture("litellm-agrees.json"), "--out", out.path]
    #expect(ftcost(arguments).code == 0)
    // Importing the same file again changes nothing; a table edited since is kept unless forced.
    #expect(ftcost(arguments).code == 0)
    try "{}\n".write(to: out.appendingPathComponent("openai.json"), atomically: true, encoding: .utf8)
    let again = ftcost(arguments)
    #expect(again.code == 1)
    #expect(again.stdout.isEmpty)
    #expect(again.stderr.hasSuffix("Error: '\(out.path)/openai.json' already exists; pass --force to overwrite it\n"))
    #expect(ftcost(arguments + ["--force"]).code == 0)
  }

  @Test func runtimeFailuresAreOneLine() throws {
    let missing = ftcost(["pricing", "import", "--from", "litellm", "/nonexistent.json", "--out", "/tmp"])
    #expect(missing.code == 1)
    #expect(missing.stderr == "Error: cannot read '/nonexistent.json': no such file\n")
    let wrongFormat = ftcost([
      "pricing", "import", "--from", "litellm", priceFixture("genai-prices-sample.json"), "--out", "/tmp",
    ])
    #expect(wrongFormat.code == 1)
    #expect(
      wrongFormat.stderr.hasSuffix(
        "genai-prices-sample.json is not a LiteLLM price file: expected an object of models keyed by name, as LiteLLM's model_prices_and_context_window.json is, found an array\n"
      ))
    let nothing = ftcost([
      "pricing", "import", "--from", "litellm", priceFixture("litellm-agrees.json"), "--out", "/tmp",
      "--provider", "azure-openai",
    ])
    #expect(nothing.code == 1)
    #expect(nothing.stderr.contains("lists no model ftcost could import for azure-openai"))
  }

  @Test func badFlagsAreUsageErrors() {
    let format = ftcost(["pricing", "import", "--from", "litelm", "x.json", "--out", "o"])
    #expect(format.code == 64)
    #expect(format.stderr.hasPrefix("Error: The value 'litelm' is invalid for '--from <format>'"))
    let provider = ftcost(["pricing", "import", "--from", "litellm", "x.json", "--out", "o", "--provider", "bedrock"])
    #expect(provider.code == 64)
    let out = ftcost(["pricing", "import", "--from", "litellm", "x.json"])
    #expect(out.stderr.hasPrefix("Error: Missing expected argument '--out <dir>'"))
  }
}

@Suite struct PricingDiffCommandTests {
  @Test func aFileThatAgreesExitsZero() throws {
    let result = ftcost(["pricing", "diff", "--against", priceFixture("litellm-agrees.json"), "--from", "litellm"])
    #expect(result.code == 0, "\(result.stdout)")
    #expect(result.stdout.contains("no differences"))
    #expect(result.stdout.contains("built-in models are not in the source (not compared): "))
  }

  @Test func oneChangedPriceExitsOneNamingTheModelAndBothValues() throws {
    let folder = try temporaryFolder()
    let text = try String(contentsOfFile: priceFixture("litellm-agrees.json"), encoding: .utf8)
    let changed = text.replacingOccurrences(
      of: "\"output_cost_per_token\": 1.5e-05", with: "\"output_cost_per_token\": 1.8e-05")
    #expect(changed != text)
    let file = folder.appendingPathComponent("model_prices.json")
    try changed.write(to: file, atomically: true, encoding: .utf8)
    let result = ftcost(["pricing", "diff", "--against", file.path, "--from", "litellm", "--source-version", "1.110.2"])
    #expect(result.code == 1)
    try expectGolden(result.stdout, "pricing-diff-one-price.txt")
    let json = ftcost([
      "pricing", "diff", "--against", file.path, "--from", "litellm", "--source-version", "1.110.2", "--format", "json",
    ])
    #expect(json.code == 1)
    let differences = try #require(try parseJSON(json.stdout)["differences"]?.arrayValue)
    #expect(differences.count == 1)
    #expect(differences[0]["model"]?.stringValue == "claude-sonnet-4-5")
    #expect(differences[0]["field"]?.stringValue == "inference.output")
    #expect(differences[0]["built_in"]?.kind == .number("15"))
    #expect(differences[0]["other"]?.kind == .number("18"))
  }

  @Test func theSampleFileShowsLifecycleAndNewModels() throws {
    let result = ftcost([
      "pricing", "diff", "--against", priceFixture("litellm-sample.json"), "--from", "litellm", "--source-version",
      "1.110.2", "--provider", "openai", "--provider", "google-vertex", "--format", "markdown",
    ])
    #expect(result.code == 1)
    try expectGolden(result.stdout, "pricing-diff-litellm-sample.md")
  }

  @Test func anOverlayFolder() throws {
    let folder = try temporaryFolder()
    try """
    {"schema_version": 1, "provider": "openai", "currency": "USD", "as_of": "2026-11-20",
     "models": [{"id": "gpt-4o-mini", "inference": {"input": 0.12, "output": 0.48}},
                {"id": "gpt-6-luna", "deprecation_date": "2026-11-01"},
                {"id": "our-gpt", "inference": {"input": 1, "output": 4}}]}
    """.write(to: folder.appendingPathComponent("contract.json"), atomically: true, encoding: .utf8)
    let result = ftcost(["pricing", "diff", "--pricing", folder.path])
    #expect(result.code == 1)
    try expectGolden(result.stdout.replacingOccurrences(of: folder.path, with: "<overlay>"), "pricing-diff-overlay.txt")
    let viaEnvironment = ftcost(["pricing", "diff"], environment: ["FTCOST_PRICING": folder.path])
    #expect(viaEnvironment.stdout == result.stdout)
  }

  @Test(arguments: [
    (
      ["--pricing", "p", "--against", "f", "--from", "litellm"],
      "Error: Options '--pricing <dir>' and '--against <file>' cannot be used together"
    ),
    (["--against", "f"], "Error: Missing expected argument '--from <format>' (needed with '--against <file>')"),
    (["--from", "litellm"], "Error: Missing expected argument '--against <file>' (needed with '--from <format>')"),
    ([], "Error: Missing one of: '--pricing <dir>', '--against <file>'"),
  ])
  func usageErrors(arguments: [String], message: String) {
    let result = ftcost(["pricing", "diff"] + arguments)
    #expect(result.code == 64)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }
}

@Suite struct PricingAuditCommandTests {
  @Test func theShippedTablesPassOnTheirNewestAsOf() throws {
    let result = ftcost(["pricing", "audit", "--today", "as-of"])
    #expect(result.code == 0, "\(result.stdout)")
    try expectGolden(result.stdout, "pricing-audit-shipped.txt")
    let json = ftcost(["pricing", "audit", "--today", "as-of", "--format", "json"])
    #expect(try parseJSON(json.stdout)["passed"]?.kind == .bool(true))
  }

  @Test func anOverlayListingARetiredModelAsCurrentFails() throws {
    let folder = try temporaryFolder()
    try """
    {"schema_version": 1, "provider": "openai", "currency": "USD", "as_of": "2026-11-20", "source": "an old copy",
     "models": [{"id": "gpt-4.1-nano", "deprecation_date": null, "inference": {"input": 0.10, "output": 0.40}}]}
    """.write(to: folder.appendingPathComponent("stale.json"), atomically: true, encoding: .utf8)
    let result = ftcost(["pricing", "audit", folder.path, "--today", "2026-11-25", "--format", "markdown"])
    #expect(result.code == 1)
    let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("retired-listed-current") })
    #expect(line.contains("gpt-4.1-nano-2025-04-14"))
    #expect(line.contains("retired on 2026-10-23 per "))
    #expect(line.contains("but \(folder.path)/stale.json lists it as current"))
    #expect(result.stdout.contains("failed: 1 error, "))
  }

  @Test func aBadDayIsAUsageError() {
    let result = ftcost(["pricing", "audit", "--today", "tomorrow"])
    #expect(result.code == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: The value 'tomorrow' is invalid for '--today <date|as-of>': expected a date written YYYY-MM-DD or 'as-of'"
      ))
  }
}

/// The done criteria of the price refresh, checked on the real LiteLLM file when
/// FTCOST_LITELLM_PRICES names it (unzip the litellm wheel to get it); skipped otherwise.
@Suite struct RealPriceFileTests {
  static let realFile = ProcessInfo.processInfo.environment["FTCOST_LITELLM_PRICES"]

  @Test(.enabled(if: realFile != nil)) func theRealLiteLLMFileImports() throws {
    let file = try #require(Self.realFile)
    let out = try temporaryFolder()
    let result = ftcost(["pricing", "import", "--from", "litellm", file, "--out", out.path])
    #expect(result.code == 0)
    #expect(ftcost(["pricing", "validate", out.path]).code == 0)
    func show(_ model: String) throws -> JSONNode {
      try parseJSON(ftcost(["pricing", "show", model, "--pricing", out.path, "--format", "json"]).stdout)
    }
    let mini = try show("gpt-4o-mini")["inference"]
    #expect(
      ["input", "cached_input", "output", "batch_input", "batch_output"].map { mini?[$0]?.kind } == [
        .number("0.15"), .number("0.075"), .number("0.6"), .number("0.075"), .number("0.3"),
      ])
    #expect(try show("claude-sonnet-4-5")["inference"]?["batch_input"]?.kind == .number("1.5"))
    for (model, date) in [("gpt-4.1-nano", "2026-10-23"), ("gpt-5", "2026-12-11"), ("gpt-4o-mini", "2027-01-14")] {
      #expect(try show(model)["deprecation_date"]?.stringValue == date)
    }
    let diff = ftcost(["pricing", "diff", "--against", file, "--from", "litellm", "--format", "json"])
    let flash = try parseJSON(diff.stdout)["differences"]?.arrayValue?.filter {
      $0["model"]?.stringValue == "gemini-2.0-flash" && $0["kind"]?.stringValue == "price"
    }
    #expect(flash?.isEmpty == true)
  }
}
