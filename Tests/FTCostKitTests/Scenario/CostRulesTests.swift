import Foundation
import Testing

@testable import FTCostKit

@Suite struct CostRulesTests {
  @Test func readmeQuotesEveryRuleVerbatim() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("## How costs are computed"))
    for (topic, rule) in CostRules.all {
      #expect(readme.contains("- **\(topic).** \(rule)"), "README lacks the rule for \(topic)")
    }
  }
}
