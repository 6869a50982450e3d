import Testing

@testable import FTCostKit

@Suite struct JSONParserTests {
  @Test func keepsNumberLiteralsAndLocations() throws {
    let node = try JSONParser.parse("{\n  \"a\": 0.1,\n  \"b\": [true, null]\n}")
    #expect(node["a"]?.kind == .number("0.1"))
    #expect(node["a"]?.location == SourceLocation(line: 2, column: 8))
    #expect(node.members?[1].keyLocation == SourceLocation(line: 3, column: 3))
  }

  @Test func keepsDuplicateKeys() throws {
    let node = try JSONParser.parse(#"{"id": 1, "id": 2}"#)
    #expect(node.members?.count == 2)
  }

  @Test(arguments: [
    (#"{"a": }"#, 1, 7), ("{\n\"a\": 1,\n}", 3, 1), (#"{"a": NaN}"#, 1, 7), ("[1, 2", 1, 6), (#"{"a": 01}"#, 1, 8),
    (#""\q""#, 1, 3),
  ])
  func reportsLineAndColumn(text: String, line: Int, column: Int) {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    do {
      _ = try JSONParser.parse(text)
    } catch {
      #expect(error.location == SourceLocation(line: line, column: column), "\(error)")
    }
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let node = try JSONParser.parse(#""a\n\u00e9\ud83d\ude00""#)
    #expect(node.stringValue == "a\né😀")
  }

  @Test func refusesHostileNesting() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
  }

  @Test func rendersDeterministically() {
    let value = JSON.object([("b", .number(dec("0.1"))), ("a", .array([.integer(1), .null])), ("s", .string("q\"\n"))])
    #expect(value.rendered() == "{\n  \"b\": 0.1,\n  \"a\": [1, null],\n  \"s\": \"q\\\"\\n\"\n}")
  }
}
