import Foundation

/// Which encoding a model uses, and loading tokenizers once per process.
public enum TokenizerRegistry {
  /// The exact encoding for a model, or `nil` when its tokenizer is not public (an estimate then).
  public static func encoding(for model: ModelPricing) -> Encoding? {
    model.tokenizer.flatMap(Encoding.init(rawValue:))
  }

  private static let lock = NSLock()
  /// Loaded tokenizers by rank file path (a different data folder is a different tokenizer).
  nonisolated(unsafe) private static var loaded: [String: Tokenizer] = [:]

  /// The tokenizer for `encoding` from `folder`, loaded at most once per folder.
  public static func tokenizer(_ encoding: Encoding, folder: String) throws(TokenizerError) -> Tokenizer {
    lock.lock()
    defer { lock.unlock() }
    let key = (folder as NSString).appendingPathComponent(encoding.fileName)
    if let tokenizer = loaded[key] { return tokenizer }
    let tokenizer = try Tokenizer.load(encoding, from: folder)
    loaded[key] = tokenizer
    return tokenizer
  }

  /// Characters per token used to estimate models whose tokenizer is not public.
  ///
  /// The estimate counts with o200k_base and scales by 1; it is labelled an estimate wherever
  /// it is shown, because Gemini and Claude tokenizers split text differently.
  public static let estimateEncoding = Encoding.o200kBase
}
