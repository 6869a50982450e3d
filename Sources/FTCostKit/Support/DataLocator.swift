import Foundation

/// Where ftcost's built-in data (pricing tables and tokenizer rank files) lives.
///
/// Looked up in order: `$FTCOST_DATA`; `<bin>/../share/ftcost` (the install layout);
/// `<bin>/ftcost-data` (a binary copied with its data); the source checkout this binary was built
/// from (so `swift run` and tests work without an install step).
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

  /// A data folder laid out as installed: `pricing/` and `tokenizers/`.
  public static func installed(at folder: String) -> DataLocation {
    DataLocation(
      pricing: (folder as NSString).appendingPathComponent("pricing"),
      tokenizers: (folder as NSString).appendingPathComponent("tokenizers"))
  }

  /// The candidates in search order, for the running executable and environment.
  public static func candidates(executablePath: String?, environment: [String: String]) -> [DataLocation] {
    var result: [DataLocation] = []
    if let folder = environment["FTCOST_DATA"], !folder.isEmpty { result.append(.installed(at: folder)) }
    if let executablePath {
      let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
      result.append(.installed(at: binary.deletingLastPathComponent().appendingPathComponent("share/ftcost").path))
      result.append(.installed(at: binary.appendingPathComponent("ftcost-data").path))
    }
    result.append(.sourceCheckout)
    return result
  }

  /// The first candidate that holds a pricing folder.
  public static func locate(executablePath: String?, environment: [String: String]) throws(PricingError) -> DataLocation {
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
