import Foundation
import Testing

@testable import FTCostKit

/// Next steps name only what is open on the start date, whatever the leaf and the date.
@Suite struct AdviceLifecycleTests {
  static let dates = ["2026-11-26", "2027-02-01"]

  /// The model ids and aliases a text names, as whole words.
  func named(in text: String, catalog: PricingCatalog) -> [ModelPricing] {
    let words = text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == ":" || $0 == "_") }
      .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".:")) }
    return words.compactMap { word in
      catalog.allNames.contains(word) ? try? catalog.model(named: word) : nil
    }
  }

  @Test(arguments: dates)
  func noNextStepNamesAModelClosedOnTheStartDate(date: String) throws {
    let catalog = try shippedCatalog()
    let advisor = Advisor(catalog: catalog, today: testToday)
    let start = try #require(ISODate(date))
    let money = [
      "requests_per_month": "100000", "current_model": "gpt-4.1", "prompt_tokens": "1500", "output_tokens": "300",
    ]
    var checked = 0
    for row in outcomeTable {
      for extra in [[:], money] {
        var answers = row.answers.merging(extra) { a, _ in a }
        answers["start_date"] = date
        let advice = try advisor.advise(answers)
        for step in advice.nextSteps {
          for model in named(in: step, catalog: catalog) {
            checked += 1
            #expect(model.serves(on: start, fineTuned: false), "\(date): '\(step)' names retired \(model.id)")
            if model.fineTuning != nil {
              #expect(model.acceptsTraining(on: start), "\(date): '\(step)' names \(model.id), closed to training")
            }
          }
        }
      }
    }
    #expect(checked > 20)
  }
}
