/// Why a tokenizer could not be loaded.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
  case missingRankFile(String)
  /// The file is larger than any rank file (a few megabytes); it is not read.
  case rankFileTooLarge(String, bytes: Int)
  /// A line of the rank file (1-based) is not `base64 token`, a space, `rank`.
  case malformedRankFile(String, line: Int, RankLineProblem)
  /// The file is well formed but does not hold the encoding's ranks.
  case wrongRankFile(String, RankFileProblem)

  public var description: String {
    switch self {
    case .missingRankFile(let path):
      return
        "tokenizer rank file '\(path)' is missing; reinstall ftcost or set FTCOST_DATA to the folder holding tokenizers/"
    case .rankFileTooLarge(let path, let bytes):
      return
        "\(path): \(bytes) bytes is too large for a tokenizer rank file (at most \(RankTable.largestFile >> 20) MiB)"
    case .malformedRankFile(let path, let line, let problem):
      return "\(path):\(line): \(problem); a rank line is a base64 token, a space and its rank"
    case .wrongRankFile(let path, let problem):
      return "\(path): \(problem); reinstall ftcost or set FTCOST_DATA to a folder holding tiktoken's files"
    }
  }
}

/// What is wrong with one line of a rank file.
public enum RankLineProblem: Equatable, Sendable, CustomStringConvertible {
  /// The line is empty.
  case emptyLine
  /// The line has no space and rank after the token.
  case missingRank
  /// Nothing before the space.
  case missingToken
  /// The token is not standard, padded base64.
  case notBase64
  /// The rank is not a decimal number (a sign, a letter, another space).
  case rankNotANumber
  /// The rank is a number, but not the line's (ranks count up from 0, one per line).
  /// `found` is the rank as written; ranks too long to print are summarised.
  case rankOutOfSequence(expected: Int, found: String)
  /// The token's bytes are those of an earlier line.
  case duplicateToken(firstLine: Int)
  /// Something other than a line feed follows the rank.
  case trailingCharacters

  public var description: String {
    switch self {
    case .emptyLine: return "an empty line"
    case .missingRank: return "no space and rank after the token"
    case .missingToken: return "no token before the rank"
    case .notBase64: return "the token is not base64"
    case .rankNotANumber: return "the rank is not a whole number of digits"
    case .rankOutOfSequence(let expected, let found):
      return "rank \(found) where \(expected) was expected (ranks count up from 0, one per line)"
    case .duplicateToken(let firstLine): return "the token repeats the one on line \(firstLine)"
    case .trailingCharacters: return "unexpected characters after the rank"
    }
  }
}

/// What is wrong with a well-formed rank file as a whole.
public enum RankFileProblem: Equatable, Sendable, CustomStringConvertible {
  case empty
  /// The file holds `found` ranks where the encoding has `expected`.
  case wrongCount(encoding: Encoding, found: Int, expected: Int)
  /// No token is the single byte `byte`, so some text could not be encoded.
  case missingByte(UInt8)

  public var description: String {
    switch self {
    case .empty: return "the rank file is empty"
    case .wrongCount(let encoding, let found, let expected):
      return "the file holds \(found) ranks; \(encoding.rawValue) has \(expected)"
    case .missingByte(let byte):
      let hex = String(byte, radix: 16, uppercase: true)
      return "no token is the single byte 0x\(byte < 16 ? "0" : "")\(hex); every byte must be one"
    }
  }
}
