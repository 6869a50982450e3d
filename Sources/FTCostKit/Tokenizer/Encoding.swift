/// The byte-pair encodings ftcost counts exactly, as tiktoken names them.
public enum Encoding: String, Sendable, CaseIterable {
  /// gpt-4o, gpt-4o-mini, gpt-4.1, gpt-5, o1, o3, o4-mini and their fine-tunes.
  case o200kBase = "o200k_base"
  /// gpt-4, gpt-3.5-turbo, davinci-002, babbage-002 and the text-embedding-3 models.
  case cl100kBase = "cl100k_base"

  /// The rank file's name in the tokenizer data folder.
  public var fileName: String { rawValue + ".tiktoken" }

  /// The SHA-256 tiktoken checks for the rank file.
  public var sha256: String {
    switch self {
    case .o200kBase: return "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
    case .cl100kBase: return "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
    }
  }

  /// The number of ranks in the file (ids 0 ..< rankCount).
  public var rankCount: Int {
    switch self {
    case .o200kBase: return 199_998
    case .cl100kBase: return 100_256
    }
  }
}
