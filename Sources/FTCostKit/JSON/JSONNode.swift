/// A parsed JSON value that remembers where it stood in its file, for error messages.
public struct JSONNode: Sendable, Equatable {
  /// One member of an object, in file order, with the key's own location.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSONNode
  }

  /// The value's shape; numbers keep their literal text so they convert exactly.
  public indirect enum Kind: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([Member])
  }

  public var kind: Kind
  public var location: SourceLocation

  /// The type name users see in messages, such as "a string" or "an object".
  public var typeName: String {
    switch kind {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// The members when this is an object.
  public var members: [Member]? {
    if case .object(let members) = kind { return members }
    return nil
  }

  /// The value for `key` when this is an object (the first one if a key repeats).
  public subscript(key: String) -> JSONNode? {
    members?.first(where: { $0.key == key })?.value
  }

  public var stringValue: String? {
    if case .string(let text) = kind { return text }
    return nil
  }

  /// The number's literal text when this is a number, to be read exactly.
  public var numberText: String? {
    if case .number(let text) = kind { return text }
    return nil
  }

  public var arrayValue: [JSONNode]? {
    if case .array(let items) = kind { return items }
    return nil
  }

  public var isNull: Bool { kind == .null }
}
