/// Text from data (scenario names, model ids, file names, JSONL keys) made safe to print: control
/// characters become visible escapes, so a name cannot recolour the terminal, rewrite its title or
/// move the cursor.
public enum TerminalText {
  /// The styling sequences ftcost itself writes (bold, reset, clear to end of line), kept as they are.
  static let ownSequences: [[Unicode.Scalar]] = ["\u{1B}[1m", "\u{1B}[0m", "\u{1B}[K"].map {
    Array($0.unicodeScalars)
  }

  /// `text` with every C0 control character except line feed and tab, DEL and every C1 control
  /// character written as `\xHH`.
  ///
  /// A carriage return is kept only as the very first character (a progress line redrawing itself)
  /// or right before a line feed (the CRLF line end of RFC 4180 CSV), where it moves nothing.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}",
        let own = ownSequences.first(where: { scalars[index...].starts(with: $0) })
      {
        result.append(contentsOf: own)
        index += own.count
        continue
      }
      let keptReturn = scalar == "\r" && (index == 0 || (index + 1 < scalars.count && scalars[index + 1] == "\n"))
      if isControl(scalar) && !keptReturn {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(contentsOf: ("\\x" + (hex.count < 2 ? "0" : "") + hex).unicodeScalars)
      } else {
        result.append(scalar)
      }
      index += 1
    }
    return String(result)
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
  }
}
