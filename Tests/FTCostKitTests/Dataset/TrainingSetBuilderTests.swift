import Foundation
import Testing

@testable import FTCostKit

func logLine(_ rating: Any, category: String = "billing", messages: String? = nil) -> String {
  let body =
    messages
    ?? #"[{"role": "user", "content": "Where is my order?", "ts": 1}, {"role": "assistant", "content": "Send me the number, please."}]"#
  return #"{"messages": \#(body), "rating": \#(rating), "category": "\#(category)", "meta": {"channel": "web"}}"#
}

@Suite struct TrainingSetBuilderTests {
  func build(_ lines: [String], options: TrainingSetBuilder.Options = .init(), validation: Bool = false) throws -> (
    TrainingSetBuilder.Summary, [String], [String]
  ) {
    let input = try writeLines(lines)
    let folder = (input as NSString).deletingLastPathComponent
    let output = folder + "/train.jsonl"
    let validationPath = folder + "/val.jsonl"
    let summary = try TrainingSetBuilder(options: options).build(
      input: input, output: output, validationOutput: validation ? validationPath : nil, overwrite: false)
    let written = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
    let held =
      validation
      ? try String(contentsOfFile: validationPath, encoding: .utf8).split(separator: "\n").map(String.init) : []
    return (summary, written, held)
  }

  @Test func keepsExactlyTheRatedExamplesWithOnlyAllowedKeys() throws {
    let lines = [
      logLine(5), logLine(4), logLine(3), logLine("\"5\""), "{broken",
      logLine(5, messages: #"[{"role": "user", "content": "only a question"}]"#),
      logLine(4, messages: #"[{"role": "user", "content": "q"}, {"role": "user", "content": "again"}]"#),
      #"{"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}"#, "",
    ]
    let (summary, written, _) = try build(lines)
    #expect(summary.kept == 2)
    #expect(written.count == 2)
    #expect(
      summary.dropped == [
        "low_rating": 1, "no_rating": 2, "invalid_json": 1, "too_few_messages": 1, "no_assistant_reply": 1,
      ])
    #expect(summary.blankLines == 1)
    #expect(
      written[0]
        == #"{"messages":[{"role":"user","content":"Where is my order?"},{"role":"assistant","content":"Send me the number, please."}]}"#
    )
  }

  @Test func systemCategoryAndDedupe() throws {
    var options = TrainingSetBuilder.Options()
    options.systemMessage = "You are TechShop's assistant."
    options.categories = ["billing"]
    options.dedupe = true
    let (summary, written, _) = try build([logLine(5), logLine(5), logLine(5, category: "returns")], options: options)
    #expect(summary.kept == 1)
    #expect(summary.dropped == ["duplicate": 1, "other_category": 1])
    #expect(
      written[0].hasPrefix(#"{"messages":[{"role":"system","content":"You are TechShop's assistant."},{"role":"user""#))
  }

  @Test func validationSplitIsReproducibleWithASeed() throws {
    let lines = (0..<200).map {
      logLine(5, messages: #"[{"role": "user", "content": "q\#($0)"}, {"role": "assistant", "content": "a"}]"#)
    }
    var options = TrainingSetBuilder.Options()
    options.validationShare = dec("0.1")
    options.seed = 42
    let first = try build(lines, options: options, validation: true)
    let second = try build(lines, options: options, validation: true)
    #expect(first.1 == second.1 && first.2 == second.2)
    #expect(first.0.training + first.0.validation == 200)
    #expect((5...40).contains(first.0.validation))
    options.seed = 43
    let other = try build(lines, options: options, validation: true)
    #expect(other.2 != first.2)
  }

  @Test func leavesNoFileWhenItFails() throws {
    let input = try writeLines([logLine(1), logLine(2)])
    let output = (input as NSString).deletingLastPathComponent + "/out.jsonl"
    var summary = TrainingSetBuilder.Summary()
    summary.linesRead = 2
    summary.dropped = ["low_rating": 2]
    #expect(throws: DatasetError.nothingKept(input, summary, minRating: 4, minMessages: 2)) {
      try TrainingSetBuilder(options: .init()).build(
        input: input, output: output, validationOutput: nil, overwrite: false)
    }
    #expect(!FileManager.default.fileExists(atPath: output))
    let folder = (input as NSString).deletingLastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["data.jsonl"])
  }

  @Test func refusesToOverwriteOrTouchTheInput() throws {
    let input = try writeLines([logLine(5)])
    #expect(throws: DatasetError.sameFile(input)) {
      try TrainingSetBuilder(options: .init()).build(
        input: input, output: input, validationOutput: nil, overwrite: true)
    }
    let existing = (input as NSString).deletingLastPathComponent + "/exists.jsonl"
    try "keep me\n".write(toFile: existing, atomically: true, encoding: .utf8)
    #expect(throws: DatasetError.output(.exists(existing))) {
      try TrainingSetBuilder(options: .init()).build(
        input: input, output: existing, validationOutput: nil, overwrite: false)
    }
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
    #expect(throws: DatasetError.output(.folderMissing("/nonexistent/dir/out.jsonl"))) {
      try TrainingSetBuilder(options: .init()).build(
        input: input, output: "/nonexistent/dir/out.jsonl", validationOutput: nil, overwrite: false)
    }
  }

  @Test func convertsBothWays() throws {
    let input = try writeLines([goodLine])
    let folder = (input as NSString).deletingLastPathComponent
    let vertex = folder + "/vertex.jsonl"
    let back = folder + "/back.jsonl"
    #expect(try FormatConverter.convert(input: input, output: vertex, to: .vertex, overwrite: false).written == 1)
    let vertexText = try String(contentsOfFile: vertex, encoding: .utf8)
    #expect(
      vertexText
        == #"{"systemInstruction":{"role":"system","parts":[{"text":"You are terse."}]},"contents":[{"role":"user","parts":[{"text":"Hi"}]},{"role":"model","parts":[{"text":"Hello."}]}]}"#
        + "\n")
    #expect(try FormatConverter.convert(input: vertex, output: back, to: .openai, overwrite: false).written == 1)
    #expect(
      try String(contentsOfFile: back, encoding: .utf8)
        == #"{"messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello."}]}"#
        + "\n")
  }

  @Test func conversionFailureWritesNothing() throws {
    let input = try writeLines([goodLine, #"{"messages": [{"role": "tool", "content": "x"}]}"#])
    let output = (input as NSString).deletingLastPathComponent + "/v.jsonl"
    let result = try FormatConverter.convert(input: input, output: output, to: .vertex, overwrite: false)
    #expect(
      result.problems == [
        FormatConverter.Problem(
          line: 2, message: "messages[0] has role \"tool\", which Vertex text tuning cannot express")
      ])
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
