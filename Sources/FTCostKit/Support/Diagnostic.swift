/// One problem found in an input file, located as precisely as the file allows.
///
/// Printed in the compiler's shape, `file:line:col: field 'path': message`, so editors can jump
/// to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var location: SourceLocation?
  /// The field path (`models[3].fine_tuning.training`); empty for the whole file.
  public var path: String
  public var message: String

  public init(file: String, location: SourceLocation?, path: String, message: String) {
    self.file = file
    self.location = location
    self.path = path
    self.message = message
  }

  public var description: String {
    var text = file
    if let location { text += ":\(location.line):\(location.column)" }
    text += ": "
    if !path.isEmpty { text += "field '\(path)': " }
    return text + message
  }
}
