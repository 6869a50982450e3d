import Foundation

/// Where ftcost's built-in data (pricing tables and tokenizer rank files) lives.
///
/// Looked up in order: `$FTCOST_DATA`; `<bin>/../share/ftcost` (the install layout);
/// `<bin>/ftcost-data`, `<bin>` and `<bin>/..` (a binary copied with its `pricing/` folder); the
/// source checkout this binary was built from (so `swift run` and tests work without an install
/// step). Tokenizer files are taken from `tokenizers/` beside `pricing/`, else from the checkout.
public struct DataLocation: Sendable, Equatable {
  public var pricing: String
  public var tokenizers: String

  /// The source checkout, found from this file's compile-time path.
  public static let sourceCheckout: DataLocation = {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // FTCostKit
      .deletingLastPathComponent()  // Sources
      .deletingLastPathComponent()
    return DataLocation(
      pricing: root.appendingPathComponent("pricing").path,
      tokenizers: root.appendingPathComponent("Sources/FTCostKit/Tokenizer/Ranks").path)
  }()

  /// A data folder laid out as installed: `pricing/` and `tokenizers/` (or the checkout's rank files).
  public static func installed(at folder: String) -> DataLocation {
    let tokenizers = (folder as NSString).appendingPathComponent("tokenizers")
    let checkoutRanks = (folder as NSString).appendingPathComponent("Sources/FTCostKit/Tokenizer/Ranks")
    let found = [tokenizers, checkoutRanks].first { FileManager.default.fileExists(atPath: $0) }
    return DataLocation(
      pricing: (folder as NSString).appendingPathComponent("pricing"),
      tokenizers: found ?? sourceCheckout.tokenizers)
  }

  /// The candidates in search order, for the running executable and environment.
  public static func candidates(executablePath: String?, environment: [String: String]) -> [DataLocation] {
    var result: [DataLocation] = []
    if let folder = environment["FTCOST_DATA"], !folder.isEmpty { result.append(.installed(at: folder)) }
    if let executablePath {
      let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
      result.append(.installed(at: binary.deletingLastPathComponent().appendingPathComponent("share/ftcost").path))
      result.append(.installed(at: binary.appendingPathComponent("ftcost-data").path))
      result.append(.installed(at: binary.path))
      result.append(.installed(at: binary.deletingLastPathComponent().path))
    }
    result.append(.sourceCheckout)
    return result
  }

  /// The first candidate that holds a pricing folder.
  public static func locate(executablePath: String?, environment: [String: String]) throws(PricingError) -> DataLocation
  {
    let all = candidates(executablePath: executablePath, environment: environment)
    for candidate in all {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.pricing, isDirectory: &isDirectory), isDirectory.boolValue {
        return candidate
      }
    }
    throw .builtInDataMissing(all.map(\.pricing))
  }
}
