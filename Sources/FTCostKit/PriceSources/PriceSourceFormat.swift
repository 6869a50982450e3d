import Foundation

/// The public price files `ftcost pricing import` and `pricing diff --against` read.
public enum PriceSourceFormat: String, Sendable, CaseIterable {
  /// LiteLLM's `model_prices_and_context_window.json` (shipped in the `litellm` wheel as
  /// `model_prices_and_context_window_backup.json`): an object of models keyed by name, prices
  /// per token.
  case litellm
  /// pydantic's genai-prices data (`prices/new_data/v2/data.json`, or the frozen
  /// `prices/data.json`): an array of providers, each with its models, prices per 1M tokens.
  case genaiPrices = "genai-prices"

  /// The name sources and messages use.
  public var displayName: String {
    switch self {
    case .litellm: return "LiteLLM"
    case .genaiPrices: return "genai-prices"
    }
  }

  /// The PyPI package that ships the file, for finding its version beside an unpacked wheel.
  var packageNames: [String] {
    switch self {
    case .litellm: return ["litellm"]
    case .genaiPrices: return ["genai-prices", "genai_prices"]
    }
  }

  /// The version of the package `file` was unpacked from, read from a `*.dist-info/METADATA`
  /// beside the file's folder (as `unzip` leaves a wheel); `nil` when there is none.
  public func packageVersion(besides file: String) -> String? {
    let folder = (file as NSString).deletingLastPathComponent
    let candidates = [folder, (folder as NSString).deletingLastPathComponent]
    for directory in candidates {
      let path = directory.isEmpty ? "." : directory
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
      for name in names.sorted() where name.hasSuffix(".dist-info") {
        let metadata = (path as NSString).appendingPathComponent(name + "/METADATA")
        guard let text = try? String(contentsOfFile: metadata, encoding: .utf8) else { continue }
        var package: String?
        var version: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40) {
          if line.hasPrefix("Name: ") { package = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
          if line.hasPrefix("Version: ") { version = String(line.dropFirst(9)).trimmingCharacters(in: .whitespaces) }
        }
        if let package, packageNames.contains(package.lowercased()), let version { return version }
      }
    }
    return nil
  }
}
