import Foundation
import Testing

@testable import FTCostKit

/// Whatever the bytes, the readers report problems; they never crash.
@Suite struct RobustnessTests {
  static func mutations(of text: String, count: Int, seed: UInt64) -> [[UInt8]] {
    var generator = SplitMix64(seed: seed)
    let original = Array(text.utf8)
    return (0..<count).map { _ in
      var bytes = original
      for _ in 0..<(1 + Int(generator.next() % 4)) where !bytes.isEmpty {
        let position = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 3 {
        case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
        case 1: bytes.remove(at: position)
        default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
        }
      }
      return bytes
    }
  }

  @Test func mutatedPricingTablesNeverCrash() throws {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("pricing/openai.json"), encoding: .utf8)
    var problems = 0
    for bytes in Self.mutations(of: text, count: 300, seed: 1) {
      let result = PricingTable.parse(file: "m.json", bytes: bytes, isBuiltIn: false, today: testToday)
      if !result.diagnostics.isEmpty { problems += 1 }
    }
    #expect(problems > 100)
  }

  @Test func mutatedScenariosNeverCrash() throws {
    var failures = 0
    for bytes in Self.mutations(of: BuiltInScenarios.module20Distillation, count: 300, seed: 2) {
      let (scenario, problems) = Scenario.parse(file: "s.json", bytes: bytes)
      if let scenario {
        _ = try? ScenarioEngine.run(scenario, catalog: shippedCatalog(), today: testToday)
      } else {
        #expect(!problems.isEmpty)
        failures += 1
      }
    }
    #expect(failures > 100)
  }

  @Test func randomTextNeverCrashesTheTokenizer() {
    var generator = SplitMix64(seed: 3)
    for _ in 0..<300 {
      let scalars = (0..<Int(generator.next() % 40)).compactMap { _ in
        Unicode.Scalar(UInt32(generator.next() % 0x30000))
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      let ids = o200k.encode(text)
      let bytes = ids.flatMap { o200k.bytes(of: $0) }
      #expect(bytes == Array(text.utf8))
      #expect(cl100k.encode(text).flatMap { cl100k.bytes(of: $0) } == Array(text.utf8))
    }
  }
}
