/// Which fields of which model a figure was priced with, so outputs can say when a price is
/// unconfirmed or came from the user's overlay.
public struct PriceUse: Sendable, Equatable {
  public var model: ModelPricing
  public var paths: [String]

  public init(model: ModelPricing, paths: [String]) {
    self.model = model
    self.paths = paths
  }

  /// `model: field` for each used field no primary source confirms.
  public static func unconfirmed(in uses: [PriceUse]) -> [String] {
    unique(uses.flatMap { use in use.paths.filter(use.model.isUnconfirmed).map { "\(use.model.id): \($0)" } })
  }

  /// `model: field (file)` for each used field a pricing overlay set, lifecycle fields included
  /// (they decide the dates the numbers change on).
  public static func overlaid(in uses: [PriceUse]) -> [String] {
    let lifecycle = [
      "deprecation_date", "successor", "price_changes", "fine_tuning.deprecation_date", "fine_tuning.new_jobs_until",
    ]
    return unique(
      uses.flatMap { use -> [String] in
        guard !use.model.origin.isBuiltIn else { return [] }
        if use.model.origin.overrides == nil { return ["\(use.model.id): added (\(use.model.origin.file))"] }
        return (use.paths + lifecycle).filter(use.model.isOverlaid).map {
          "\(use.model.id): \($0) (\(use.model.origin.file))"
        }
      })
  }

  private static func unique(_ lines: [String]) -> [String] {
    var seen = Set<String>()
    return lines.filter { seen.insert($0).inserted }
  }
}
