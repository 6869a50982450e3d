import FTCostKit
import Foundation
import Testing

@Suite struct PricingCommandTests {
  @Test func showGivesModule20PricesAsJSON() throws {
    let mini = try parseJSON(ftcost("pricing show gpt-4o-mini --format json").stdout)
    #expect(mini["id"]?.stringValue == "gpt-4o-mini-2024-07-18")
    #expect(mini["inference"]?["input"]?.kind == .number("0.15"))
    #expect(mini["inference"]?["output"]?.kind == .number("0.6"))
    #expect(mini["fine_tuning"]?["training"]?.kind == .number("3"))
    #expect(mini["fine_tuning"]?["inference"]?["input"]?.kind == .number("0.3"))
    #expect(mini["fine_tuning"]?["inference"]?["output"]?.kind == .number("1.2"))
    let big = try parseJSON(ftcost("pricing show gpt-4o --format json").stdout)
    #expect(big["fine_tuning"]?["training"]?.kind == .number("25"))
    #expect(big["fine_tuning"]?["inference"]?["input"]?.kind == .number("3.75"))
    #expect(big["fine_tuning"]?["inference"]?["output"]?.kind == .number("15"))
    let keys = big.members?.map(\.key) ?? []
    for key in [
      "id", "provider", "aliases", "currency", "as_of", "source", "tokenizer", "context_window", "deprecation_date",
      "inference", "fine_tuning", "embedding", "unconfirmed",
    ] {
      #expect(keys.contains(key), "\(key)")
    }
    let claude = try parseJSON(ftcost("pricing show claude-haiku-4-5 --format json").stdout)
    #expect(claude["fine_tuning"]?.isNull == true)
    let embedding = try parseJSON(ftcost("pricing show text-embedding-3-small --format json").stdout)
    #expect(embedding["embedding"]?["input"]?.kind == .number("0.02"))
  }

  @Test func showTableMarksUnconfirmedValues() {
    let result = ftcost("pricing show gemini-2.5-flash")
    #expect(result.code == 0)
    #expect(result.stdout.contains("fine_tuning.training                $5.00 per 1M tokens (unconfirmed)"))
  }

  @Test func listFiltersByProviderAndFineTunable() {
    let result = ftcost("pricing list --provider openai --fine-tunable --format csv")
    #expect(result.code == 0)
    let rows = result.stdout.components(separatedBy: "\r\n")
    #expect(
      rows[0]
        == "model,provider,input_per_1m_usd,gpu_per_hour_usd,cached_input_per_1m_usd,output_per_1m_usd,batch_input_per_1m_usd,batch_output_per_1m_usd,ft_training_per_1m_usd,ft_training_per_hour_usd,ft_input_per_1m_usd,ft_output_per_1m_usd,status,unconfirmed"
    )
    #expect(
      rows.contains {
        $0.hasPrefix(
          "gpt-4o-mini-2024-07-18,openai,0.15,,0.075,0.6,0.075,0.3,3,,0.3,1.2,retires 2027-01-14; FT jobs until 2027-01-06,"
        )
      })
    #expect(!rows.contains { $0.hasPrefix("gpt-5,") })
    let typo = ftcost("pricing list --provider opena")
    #expect(typo.code == 64)
    #expect(
      typo.stderr.hasPrefix("Error: The value 'opena' is invalid for '--provider <provider>'. Did you mean 'openai'?"))
  }

  @Test func listShowsRetiredModelsAsRetired() {
    let rows = ftcost("pricing list --format csv").stdout.components(separatedBy: "\r\n")
    #expect(rows.contains { $0.hasPrefix("gpt-4.1-nano-2025-04-14,") && $0.contains(",retired 2026-10-23,") })
    #expect(rows.contains { $0.hasPrefix("gpt-5,") && $0.hasSuffix(",retires 2026-12-11,") })
  }

  @Test func unknownModelIsARuntimeErrorWithSuggestions() {
    let result = ftcost("pricing show gpt-4o-mni")
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Error: unknown model 'gpt-4o-mni'. Did you mean 'gpt-4o-mini'? Run 'ftcost pricing list' to see every model.\n"
    )
  }

  @Test func overlaySaysWhichFileWon() throws {
    let folder = try temporaryFolder()
    try """
    {"schema_version": 1, "provider": "openai", "currency": "USD", "as_of": "2026-11-01", "source": "our contract",
     "models": [{"id": "gpt-4o-mini", "inference": {"input": 0.12, "output": 0.48}}]}
    """.write(to: folder.appendingPathComponent("negotiated.json"), atomically: true, encoding: .utf8)
    let viaFlag = ftcost(["pricing", "list", "--pricing", folder.path, "--provider", "openai"])
    #expect(viaFlag.code == 0)
    #expect(
      viaFlag.stdout.contains(
        "gpt-4o-mini-2024-07-18: inference.input, inference.output from \(folder.path)/negotiated.json (the rest from ")
    )
    let viaEnvironment = ftcost(
      ["cost", "--model", "gpt-4o-mini", "--input-tokens", "1000000", "--output-tokens", "0", "--format", "json"],
      environment: ["FTCOST_PRICING": folder.path])
    #expect(try parseJSON(viaEnvironment.stdout)["total"]?.kind == .number("0.12"))
  }

  @Test func badPricingFoldersAreClearErrors() throws {
    let missing = ftcost(["pricing", "list", "--pricing", "/nonexistent/prices"])
    #expect(missing.code == 1)
    #expect(missing.stdout.isEmpty)
    #expect(
      missing.stderr
        == "Error: pricing folder '/nonexistent/prices' does not exist; pass a folder of *.json pricing tables to --pricing\n"
    )
    let empty = try temporaryFolder()
    let none = ftcost(["pricing", "list", "--pricing", empty.path])
    #expect(none.code == 1)
    #expect(none.stderr.contains("holds no *.json tables"))
  }

  @Test func malformedOverlayNamesFileLineAndColumn() throws {
    let folder = try temporaryFolder()
    try "{\n  \"provider\": \"x\",\n  \"models\": [\n    {\"id\": \"a\",}\n  ]\n}\n".write(
      to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
    let result = ftcost(["pricing", "list", "--pricing", folder.path])
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "Error: \(folder.path)/bad.json:4:16: malformed JSON: trailing comma before '}'\n")
  }

  @Test func validateListsEveryProblem() throws {
    let folder = try temporaryFolder()
    try """
    {"schema_version": 1, "provider": "p", "currency": "USD", "as_of": "2099-01-01", "source": "s",
     "models": [{"id": "m", "inference": {"input": 0.0000001, "ouput": 1}}]}
    """.write(to: folder.appendingPathComponent("p.json"), atomically: true, encoding: .utf8)
    let result = ftcost(["pricing", "validate", folder.path])
    #expect(result.code == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines.contains { $0.contains("as_of 2099-01-01 is in the future") })
    #expect(lines.contains { $0.contains("unknown key \"ouput\". Did you mean 'output'?") })
    #expect(lines.contains { $0.contains("looks like a unit mistake") })
    #expect(lines.contains { $0.contains("missing required field \"output\"") })
    #expect(result.stderr == "Error: 4 problems in 1 of 1 files\n")
    let shipped = ftcost(["pricing", "validate", repositoryRoot.appendingPathComponent("pricing").path])
    #expect(shipped.code == 0)
    #expect(shipped.stdout.hasPrefix("ok: 6 files"))
  }
}

@Suite struct CostCommandTests {
  @Test func module20RequestExampleTotalsExactly() throws {
    let result = ftcost("cost --model gpt-4o-mini --input-tokens 1000 --output-tokens 200 --requests 1000")
    #expect(result.code == 0)
    #expect(result.stdout.contains("total            $0.00027  $0.27"))
    let json = try parseJSON(
      ftcost("cost --model gpt-4o-mini --input-tokens 1000 --output-tokens 200 --requests 1000 --format json").stdout)
    #expect(json["total"]?.kind == .number("0.27"))
    #expect(json["per_request"]?.kind == .number("0.00027"))
    #expect(json["breakdown"]?["input"]?.kind == .number("0.15"))
    #expect(json["breakdown"]?["output"]?.kind == .number("0.12"))
  }

  @Test func fineTunedAndBatch() throws {
    let tuned = try parseJSON(
      ftcost("cost --model gpt-4o-mini --input-tokens 1000000 --output-tokens 1000000 --fine-tuned --format json")
        .stdout)
    #expect(tuned["total"]?.kind == .number("1.5"))
    // LiteLLM's fine-tuned GPT-4o batch prices are a known defect; the table keeps 50% unconfirmed.
    let batch = ftcost("cost --model gpt-4o --input-tokens 1000 --output-tokens 0 --fine-tuned --batch")
    #expect(batch.code == 0)
    #expect(
      batch.stdout.contains(
        "unconfirmed prices used: fine_tuning.inference.batch_input, fine_tuning.inference.batch_output"))
  }

  @Test(arguments: [
    (
      "cost --model o1-pro --input-tokens 10 --cached-input-tokens 5 --output-tokens 1",
      "Error: model 'o1-pro' has no cached-input price"
    ),
    (
      "cost --model gpt-3.5-turbo --input-tokens 10 --output-tokens 1 --batch --fine-tuned",
      "Error: model 'gpt-3.5-turbo-0125' has no fine-tuned batch prices"
    ),
    (
      "cost --model gpt-4o --input-tokens 10 --cached-input-tokens 11 --output-tokens 1",
      "Error: cached input tokens (11) cannot exceed input tokens (10)"
    ),
    (
      "cost --model claude-opus-4-5 --input-tokens 10 --output-tokens 1 --fine-tuned",
      "Error: model 'claude-opus-4-5' cannot be fine-tuned"
    ),
  ])
  func refusesWhatCannotBePriced(line: String, message: String) {
    let result = ftcost(line)
    #expect(result.code == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix(message))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }
}
