/// "Did you mean" hints for mistyped names.
public enum Suggestions {
  /// The candidates closest to `input`, best first; empty when none is plausibly meant.
  public static func closest(to input: String, in candidates: [String], limit: Int = 3) -> [String] {
    let lowered = input.lowercased()
    let scored = candidates.map { candidate -> (String, Int, Int) in
      let other = candidate.lowercased()
      let distance = editDistance(lowered, other)
      // A typed prefix of a longer name ("gpt-4o-mi") is as plausible as one typo.
      let effective = other.hasPrefix(lowered) && lowered.count >= 3 ? min(distance, 2) : distance
      return (candidate, effective, distance)
    }
    let threshold = max(2, lowered.count / 3)
    let best = scored.map { $0.1 }.min() ?? 0
    // Only the closest names: one clear hint beats a list of near-misses.
    let plausible = scored.filter { $0.1 <= threshold && $0.1 == best }
    let sorted = plausible.sorted { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
    var seen = Set<String>()
    return sorted.map { $0.0 }.filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
  }

  /// " Did you mean 'x'?" or " Did you mean 'x' or 'y'?", or "" when there is no hint.
  public static func hint(for input: String, in candidates: [String]) -> String {
    let found = closest(to: input, in: candidates)
    guard !found.isEmpty else { return "" }
    let quoted = found.map { "'\($0)'" }
    if quoted.count == 1 { return " Did you mean \(quoted[0])?" }
    return " Did you mean " + quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1] + "?"
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
  }
}
