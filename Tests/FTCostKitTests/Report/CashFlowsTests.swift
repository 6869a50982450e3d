import Foundation
import Testing

@testable import FTCostKit

@Suite struct InternalRateOfReturnTests {
  /// By hand: −100 + 10/1.1 + 110/1.1² = −100 + 9.0909… + 90.9090… = 0, so the IRR is 10% a month.
  @Test func aBondLikeFlowReturnsItsCoupon() throws {
    let irr = try #require(InternalRateOfReturn.monthly([-100, 10, 110]))
    #expect((irr - dec("0.1")).magnitude < dec("0.000000000001"))
  }

  /// Two equal savings of 60 on 100 invested match the quadratic worked by hand.
  ///
  /// −100 + 60x + 60x² = 0 with x = 1/(1+r) gives x = (√69 − 3)/6, so r = (√69 − 7)/10
  /// = 0.13066238629180…, and a year (1+r)^12 − 1 = 3.36511…
  @Test func twoEqualSavingsMatchTheQuadratic() throws {
    let flows = CashFlowsTests.flows(investment: 100, savings: [60, 60])
    let irr = try #require(InternalRateOfReturn.monthly(flows))
    #expect((irr - dec("0.1306623862918075")).magnitude < dec("0.000000000001"))
    let annual = (1 + irr).power(12) - 1
    #expect((annual - dec("3.3651114540777")).magnitude < dec("0.0000000001"))
  }

  @Test(arguments: [
    [Decimal(0), 5, 5],  // nothing invested
    [Decimal(-100), -5, -5],  // nothing ever saved
    [Decimal(-100), 0, 0],
    [Decimal(0), 0, 0],
    [Decimal](),
  ])
  func noSignChangeHasNoIRR(flows: [Decimal]) {
    #expect(InternalRateOfReturn.monthly(flows) == nil)
  }

  @Test func aLossHasANegativeIRR() throws {
    // −100 + 50 + 40 loses 10: the rate is below 0.
    let irr = try #require(InternalRateOfReturn.monthly([-100, 50, 40]))
    #expect(irr < 0)
    let x = 1 / (1 + irr)
    #expect((-100 + 50 * x + 40 * x * x).magnitude < dec("0.000001"))
  }
}

@Suite struct CashFlowsTests {
  static func flows(investment: Decimal, savings: [Decimal]) -> [Decimal] { [-investment] + savings }

  /// The discounted flows of a scenario add up to its NPV exactly, month 0 undiscounted; a candidate
  /// that invests nothing and saves every month has no IRR (null in JSON).
  @Test func discountedFlowsAddUpToTheNPV() throws {
    let text = scenarioText(
      candidates: #"""
        {"name": "ft", "strategy": "fine-tuning", "model": "small", "examples": 1000, "tokens_per_example": 500},
        {"name": "cheap", "strategy": "prompting", "model": "small"}
        """#, extra: #""discount_rate_annual": 0.1,"#)
    let result = try run(text)
    let figures = try result.figures(0)
    let flows = CashFlows(figures: figures, discountRateAnnual: dec("0.1"))
    #expect(flows.flows.count == 13)
    #expect(flows.discountFactors[0] == 1)
    #expect(flows.discounted.reduce(0, +) == figures.npv)
    #expect(flows.irrMonthly != nil)
    let cheap = CashFlows(figures: try result.figures(1), discountRateAnnual: dec("0.1"))
    #expect(cheap.irrMonthly == nil && cheap.irrAnnual == nil)
    let json = try JSONParser.parse(result.json().rendered())
    let candidates = try #require(json["candidates"]?.arrayValue)
    #expect(candidates[1]["finance"]?["irr_monthly"]?.isNull == true)
    #expect(candidates[1]["finance"]?["irr_annual"]?.isNull == true)
    #expect(candidates[0]["finance"]?["irr_monthly"]?.numberText != nil)
  }
}
