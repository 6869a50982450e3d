import Foundation

/// One model as a public price file lists it, already in ftcost's units (USD per 1M tokens)
/// and named as ftcost names it (`azure-` before Azure ids, no `vertex_ai/` prefix).
struct SourceModel: Sendable, Equatable {
  /// What the entry prices.
  enum Prices: Sendable, Equatable {
    /// A chat or completion model.
    case inference(InferencePrices)
    /// An embedding model.
    case embedding(EmbeddingPrices)
    /// Running a model fine-tuned from the base model `name` (LiteLLM's and genai-prices' `ft:` entries).
    case fineTuned(InferencePrices)
  }

  /// The ftcost provider id (`openai`, `azure-openai`, `anthropic`, `google-vertex`).
  var provider: String
  /// The ftcost id; for `.fineTuned`, the base model's.
  var name: String
  /// The entry's own keys in the source file, for the `source` of what is written.
  var keys: [String]
  /// Other names the source says the model answers to (genai-prices' `equals` clauses).
  var otherNames: [String] = []
  var prices: Prices
  var contextWindow: Int64?
  var deprecationDate: ISODate?
  /// The replacement's ftcost id, as the source names it.
  var successor: String?
  /// Prices the source lists from a later date, each with every inference price in force then.
  var changes: [SourcePriceChange] = []

  /// True when `other` says the same about the model (names and keys aside).
  func sameFacts(as other: SourceModel) -> Bool {
    prices == other.prices && contextWindow == other.contextWindow && deprecationDate == other.deprecationDate
      && successor == other.successor && changes == other.changes
  }

  /// Every price the entry writes, for the unit-mistake check.
  var allPrices: [Decimal] {
    func inference(_ prices: InferencePrices) -> [Decimal] {
      [prices.input, prices.output] + [prices.cachedInput, prices.batchInput, prices.batchOutput].compactMap { $0 }
        + prices.tiers.flatMap { [$0.input, $0.output] + [$0.cachedInput].compactMap { $0 } }
    }
    let changed = changes.flatMap { inference($0.inference) }
    switch prices {
    case .inference(let prices), .fineTuned(let prices): return inference(prices) + changed
    case .embedding(let prices): return [prices.input] + [prices.batchInput].compactMap { $0 }
    }
  }
}

/// A dated price a source lists ahead of time (genai-prices' conditional prices).
struct SourcePriceChange: Sendable, Equatable {
  var effectiveFrom: ISODate
  /// Every inference price in force from `effectiveFrom`.
  var inference: InferencePrices
  /// The `inference.*` paths that differ from the prices before.
  var changedPaths: [String]
}

/// An entry, or part of one, that could not be written as ftcost pricing, and why.
public struct UnmappedEntry: Sendable, Equatable, CustomStringConvertible {
  /// The entry's key in the source file.
  public var key: String
  public var reason: String

  public var description: String { "\(key): \(reason)" }
}

/// What reading a price file found: the models ftcost can use and what it could not.
struct SourceReading: Sendable {
  var models: [SourceModel] = []
  var unmapped: [UnmappedEntry] = []
  /// Entries of providers ftcost keeps no table for, counted by the source's provider name.
  var otherProviders: [String: Int] = [:]

  mutating func skip(_ key: String, _ reason: String) {
    unmapped.append(UnmappedEntry(key: key, reason: reason))
  }
}

/// How price files name things, shared by both readers.
enum SourceNames {
  /// The ftcost providers an import can write, in the order files are written.
  static let providers = ["openai", "azure-openai", "anthropic", "google-vertex"]

  /// `name` without a trailing snapshot date (`-2024-07-18`, `-20250929`), or `nil` when it has none.
  static func undated(_ name: String) -> String? {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    func digits(_ part: Substring, _ count: Int) -> Bool {
      part.count == count && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
    }
    if parts.count > 3, digits(parts[parts.count - 3], 4), digits(parts[parts.count - 2], 2),
      digits(parts[parts.count - 1], 2)
    {
      return parts.dropLast(3).joined(separator: "-")
    }
    if parts.count > 1, let last = parts.last, digits(last, 8) {
      return parts.dropLast().joined(separator: "-")
    }
    return nil
  }

  /// True for a Gemini or Gemma model, the ones ftcost's Vertex table lists (not partner models).
  static func isGoogleModel(_ name: String) -> Bool {
    name.hasPrefix("gemini-") || name.hasPrefix("gemma-")
  }

  /// A per-token price (LiteLLM) as a per-1M price, exactly: the decimal point moves six places.
  static func perMillion(_ perToken: Decimal) -> Decimal {
    perToken * Decimal(sign: .plus, exponent: 6, significand: 1)
  }

  /// A price that the unit-mistake check would refuse.
  static func isUnusual(_ price: Decimal) -> Bool {
    price > PricingTable.unusualPriceAbove || (price != 0 && price < PricingTable.unusualPriceBelow)
  }
}
