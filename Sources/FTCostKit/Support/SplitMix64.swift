import Foundation

/// A small, fast pseudo-random generator (SplitMix64) whose sequence depends only on its seed:
/// validation splits and simulations repeat byte for byte on any machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  /// The generator of sample `index` of a run seeded with `seed`: each sample draws from its own
  /// stream, so a simulation does not depend on how samples are split between threads.
  public init(seed: UInt64, stream index: Int) {
    var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in [0, 1) from the top 53 bits (to Decimal's 38 digits).
  public mutating func nextUnit() -> Decimal {
    Decimal(next() >> 11) / Decimal(UInt64(1) << 53)
  }

  /// A uniform value in the open interval (0, 1) from the top 52 bits, (n + ½) / 2^52 exactly:
  /// never 0 or 1, so inverse distribution functions stay finite.
  public mutating func unitInterval() -> Double {
    (Double(next() >> 12) + 0.5) * 0x1p-52
  }
}
