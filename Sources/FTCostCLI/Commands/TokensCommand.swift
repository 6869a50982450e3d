import FTCostKit
import Foundation

/// `ftcost tokens`: exact token counts of a text.
enum TokensCommand {
  static let spec = CommandSpec(
    name: "tokens", abstract: "Count the tokens of a text file or standard input.",
    discussion:
      "Exact for o200k_base (gpt-4o, gpt-4.1, gpt-5, o-series) and cl100k_base (gpt-4, gpt-3.5, embeddings), as tiktoken's encode_ordinary. Models whose tokenizer is not public (Gemini, Claude) get an o200k_base count labelled as an estimate.",
    arguments: [
      ArgumentSpec(
        "file", help: "A text file, or - for standard input (the default).", optional: true, completion: .files)
    ],
    options: [
      OptionSpec(
        "--encoding", .value("encoding"), help: "The encoding (default: o200k_base).",
        completion: .values(Encoding.allCases.map(\.rawValue))),
      OptionSpec(
        "--model", short: "-m", .value("model"), help: "Count with this model's encoding.", completion: .models),
      CommonOptions.format(), CommonOptions.table, CommonOptions.pricing,
    ],
    run: { invocation in try run(&invocation) })

  /// The encoding chosen by --encoding or --model, and whether the count is an estimate.
  static func encoding(_ invocation: inout Invocation) throws -> (Encoding, ModelPricing?, Bool) {
    if invocation.string("--encoding") != nil, invocation.string("--model") != nil {
      throw UsageError.conflictingOptions(["--encoding", "--model"])
    }
    if let name = invocation.string("--model") {
      let model = try invocation.catalog().model(named: name)
      if let exact = TokenizerRegistry.encoding(for: model) { return (exact, model, false) }
      return (TokenizerRegistry.estimateEncoding, model, true)
    }
    return (invocation.string("--encoding").flatMap(Encoding.init(rawValue:)) ?? .o200kBase, nil, false)
  }

  static func run(_ invocation: inout Invocation) throws -> Int32 {
    let (encoding, model, estimate) = try encoding(&invocation)
    let tokenizer = try TokenizerRegistry.tokenizer(encoding, folder: invocation.dataLocation().tokenizers)
    let path = invocation.positionals.first ?? "-"
    let counter = TokenCounter(tokenizer: tokenizer)
    let result: (tokens: Int, bytes: Int)
    if path == "-" {
      var done = false
      let input = invocation.environment.readAllInput
      result = counter.count {
        if done { return [] }
        done = true
        return input()
      }
    } else {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw CommandFailure("'\(path)' is a folder; give a text file or - for standard input")
      }
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw CommandFailure(
          FileManager.default.fileExists(atPath: path) ? "cannot read '\(path)'" : "file '\(path)' does not exist")
      }
      defer { try? handle.close() }
      result = try counter.count { Array(try handle.read(upToCount: counter.chunkSize) ?? Data()) }
    }
    if estimate, let model {
      invocation.warn(
        "warning: \(model.id)'s tokenizer is not public; this is an estimate counted with \(encoding.rawValue)")
    }
    let json = JSON.object([
      ("file", .string(path)), ("encoding", .string(encoding.rawValue)), ("model", .string(model?.id)),
      ("estimate", .bool(estimate)), ("tokens", .integer(Int64(result.tokens))),
      ("bytes", .integer(Int64(result.bytes))),
    ])
    let table = ReportTable(
      name: "tokens",
      columns: [
        .init("file", "file"), .init("encoding", "encoding"), .init("estimate", "estimate"), .init("tokens", "tokens"),
        .init("bytes", "bytes"),
      ],
      rows: [
        [
          .text(path), .text(encoding.rawValue), .text(estimate ? "yes" : "no"), .count(Decimal(result.tokens)),
          .count(Decimal(result.bytes)),
        ]
      ], isDetail: true)
    let line =
      "\(MoneyFormat.grouped(Decimal(result.tokens))) tokens\(estimate ? " (estimate)" : "") (\(encoding.rawValue), \(MoneyFormat.grouped(Decimal(result.bytes))) bytes)"
    try invocation.emit(Report(title: path, blocks: [.lines([line]), .table(table)], json: json, primaryTable: "tokens"))
    return CLI.ExitCode.success
  }
}
