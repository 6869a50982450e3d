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
      OptionSpec(
        "--replace-invalid-utf8", .flag,
        help: "Count each invalid UTF-8 sequence as U+FFFD instead of failing (Python's errors=\"replace\")."),
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
    var counter = TokenCounter(tokenizer: tokenizer)
    counter.replacesInvalidUTF8 = invocation.flag("--replace-invalid-utf8")
    let result: (tokens: Int, bytes: Int)
    do {
      result = try count(path, with: counter, input: invocation.environment.readAllInput)
    } catch let error as TokenCountError {
      guard case .invalidUTF8(_, let line, let column, _) = error else { throw error }
      throw CommandFailure(
        "\(path == "-" ? "<stdin>" : path):\(line):\(column): \(error) (pass --replace-invalid-utf8 to count each invalid sequence as U+FFFD)"
      )
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
    try invocation.emit(
      Report(title: path, blocks: [.lines([line]), .table(table)], json: json, primaryTable: "tokens"))
    return CLI.ExitCode.success
  }

  /// Counts the file at `path`, or `input` when `path` is `-`.
  private static func count(_ path: String, with counter: TokenCounter, input: () -> [UInt8]) throws -> (
    tokens: Int, bytes: Int
  ) {
    if path == "-" {
      var done = false
      return try counter.count {
        if done { return [] }
        done = true
        return input()
      }
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw CommandFailure("'\(path)' is a folder; give a text file or - for standard input")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure(
        FileManager.default.fileExists(atPath: path) ? "cannot read '\(path)'" : "file '\(path)' does not exist")
    }
    defer { try? handle.close() }
    return try counter.count { Array(try handle.read(upToCount: counter.chunkSize) ?? Data()) }
  }
}
