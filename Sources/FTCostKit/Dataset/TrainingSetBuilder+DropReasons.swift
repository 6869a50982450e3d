import Foundation

extension TrainingSetBuilder.DropReason {
  /// Why a line with this reason was dropped, in words, with the limit that applied.
  public func explanation(minRating: Decimal, minMessages: Int) -> String {
    switch self {
    case .invalidJSON: return "not a JSON object"
    case .invalidUTF8: return "not valid UTF-8"
    case .lineTooLong:
      return
        "longer than the limit of \(MoneyFormat.grouped(Decimal(LineReader.defaultMaximumLineBytes))) bytes per line"
    case .noMessages: return "no \"messages\" list, or an empty one"
    case .badMessage: return "a message with an unknown role, no text content or a value that cannot be copied"
    case .noRating: return "no numeric \"rating\""
    case .lowRating: return "rated below --min-rating \(minRating)"
    case .otherCategory: return "a \"category\" not named by --category"
    case .tooFewMessages: return "fewer than --min-messages \(minMessages) messages"
    case .noAssistantReply: return "no assistant reply"
    case .duplicate: return "the same messages as an earlier conversation (--dedupe)"
    }
  }
}
