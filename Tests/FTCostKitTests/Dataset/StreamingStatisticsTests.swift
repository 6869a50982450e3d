import Foundation
import Testing

@testable import FTCostKit

/// The sort-everything percentiles the histogram replaced, kept as the reference.
private func sortedReference(_ values: [Int64]) -> [Decimal] {
  let sorted = values.sorted()
  func percentile(_ q: Decimal) -> Decimal {
    let position = q * Decimal(sorted.count - 1)
    let lower = Int(truncating: position.rounded(scale: 0, .down) as NSDecimalNumber)
    let fraction = position - Decimal(lower)
    let upper = min(lower + 1, sorted.count - 1)
    return Decimal(sorted[lower]) + (Decimal(sorted[upper]) - Decimal(sorted[lower])) * fraction
  }
  return [
    Decimal(sorted[0]), percentile(dec("0.05")), percentile(dec("0.5")),
    Decimal(sorted.reduce(0, +)) / Decimal(sorted.count), percentile(dec("0.95")), Decimal(sorted[sorted.count - 1]),
  ]
}

@Suite struct StreamingStatisticsTests {
  /// Small, large (sparse) and negative values, from 1 to 3,000 of them: always the sorted answer.
  @Test(arguments: [1, 2, 3, 20, 101, 3_000])
  func histogramPercentilesEqualSortedOnes(count: Int) throws {
    var generator = SplitMix64(seed: UInt64(count))
    let values = (0..<count).map { index -> Int64 in
      let raw = Int64(generator.next() % 1_000)
      switch index % 7 {
      case 0: return raw * 1_000  // above the dense range
      case 1: return -raw  // never from a dataset, but the type allows it
      default: return raw
      }
    }
    let distribution = try #require(Distribution(CountHistogram(values)))
    let reference = sortedReference(values)
    #expect(
      [
        distribution.min, distribution.p5, distribution.median, distribution.mean, distribution.p95, distribution.max,
      ] == reference)
  }

  @Test func histogramMemoryDoesNotGrowWithRepeatedValues() {
    var histogram = CountHistogram()
    for index in 0..<200_000 { histogram.add(Int64(index % 5_000)) }
    #expect(histogram.count == 200_000)
    #expect(histogram.orderedCounts().count == 5_000)
    #expect(histogram.orderedCounts().last?.occurrences == 40)
  }

  @Test func sumsNeverTrap() {
    var histogram = CountHistogram()
    histogram.add(Int64.max)
    histogram.add(Int64.max)
    histogram.add(2)
    #expect(histogram.int64Sum == nil)
    #expect(histogram.sum == Decimal(Int64.max) * 2 + 2)
    #expect(histogram.sum(cappedAt: Int64.max) == nil)
    #expect(histogram.sum(cappedAt: 10) == 22)
    let distribution = Distribution(histogram)
    #expect(distribution?.max == Decimal(Int64.max))
  }

  @Test func fingerprintSetAgreesWithSet() {
    var generator = SplitMix64(seed: 7)
    var compact = FingerprintSet()
    var reference = Set<UInt64>()
    // Mostly distinct values, some repeats, and 0 (which the mixer maps to the empty marker).
    for index in 0..<100_000 {
      let value: UInt64 = index % 10 == 0 ? UInt64(index % 1_000) : generator.next()
      #expect(compact.insert(value) == reference.insert(value).inserted)
    }
    #expect(compact.count == reference.count)
    #expect(compact.contains(0) && !compact.contains(12_345))
    // The documented bound: at most 12 bytes a value, besides the fixed bookkeeping.
    #expect(compact.tableBytes <= FingerprintSet.maximumBytesPerValue * compact.count)
  }
}
