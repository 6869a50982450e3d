import Foundation

/// One provider's pricing file, as loaded.
public struct PricingTable: Sendable, Equatable {
  public var file: String
  public var provider: String
  public var displayName: String
  public var currency: String
  public var asOf: ISODate
  public var source: String
  public var fineTuning: ProviderFineTuning?
  public var models: [ModelPricing]
  public var isBuiltIn: Bool
  /// Model ids with the location of their `id` field, for duplicate reports.
  var idLocations: [String: SourceLocation]
  /// Each model's JSON as written (with the table's as_of and source filled in), for overlays to
  /// merge onto leaf by leaf.
  var modelNodes: [JSONNode] = []
  /// The provider's `fine_tuning` block as written, for overlays to merge onto.
  var fineTuningNode: JSONNode?

  /// The schema versions this build understands.
  public static let supportedSchemaVersions: Set<Int64> = [1]
  /// Tokenizer names a table may give.
  public static let knownTokenizers = ["o200k_base", "cl100k_base", "approximate"]
  /// Prices per 1M tokens outside this range are almost surely unit mistakes.
  public static let unusualPriceAbove: Decimal = 1000
  public static let unusualPriceBelow = Decimal(sign: .plus, exponent: -6, significand: 1)
  /// Tables older than this many days make commands warn that prices may have changed.
  public static let staleAfterDays = 180
}
