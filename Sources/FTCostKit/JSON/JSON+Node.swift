extension JSON {
  /// A parsed value as output JSON, numbers keeping their exact value; `nil` when a number cannot
  /// be read exactly.
  public init?(node: JSONNode) {
    guard let value = TrainingSetBuilder.json(node) else { return nil }
    self = value
  }
}
