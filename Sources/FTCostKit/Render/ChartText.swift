/// Text in charts: how wide a string will be drawn, wrapping to a width, and escaping for SVG.
///
/// Widths come from Helvetica's published metrics (Arial and Liberation Sans share them), with a
/// margin for a wider fallback font, so a label laid out inside the chart stays inside it.
enum ChartText {
  /// The fonts charts ask for, metric-compatible ones first.
  static let fontFamily = "Liberation Sans, Arimo, Helvetica, Arial, sans-serif"

  /// Advance widths of ASCII 32…126 in thousandths of an em (Helvetica AFM).
  static let widths: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
  ]

  /// Headroom for a fallback font wider than Helvetica (DejaVu Sans is about 12% wider).
  static let margin = 1.15

  /// The width `text` takes at `size` pixels, `bold` about 10% wider; generous, never short.
  static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
    var thousandths = 0
    for scalar in text.unicodeScalars {
      let value = Int(scalar.value)
      if value >= 32 && value <= 126 {
        thousandths += widths[value - 32]
      } else if value >= 0x1100 {
        thousandths += 1000  // CJK, emoji and other wide characters
      } else {
        thousandths += 667
      }
    }
    return Double(thousandths) / 1000 * size * margin * (bold ? 1.1 : 1)
  }

  /// `text` broken into lines no wider than `width`: at spaces, or inside a word longer than a line.
  static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
    var lines: [String] = []
    var line = ""
    func fits(_ candidate: String) -> Bool { Self.width(candidate, size: size, bold: bold) <= width }
    for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
      let joined = line.isEmpty ? word : line + " " + word
      if fits(joined) {
        line = joined
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      // A word wider than a line is cut where it must be.
      var piece = ""
      for character in word {
        if !piece.isEmpty && !fits(piece + String(character)) {
          lines.append(piece)
          piece = ""
        }
        piece.append(character)
      }
      line = piece
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// `text` safe inside SVG or HTML: markup characters as entities, control characters as visible
  /// escapes.
  static func escape(_ text: String) -> String {
    TerminalText.escaped(text).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
      .replacingOccurrences(of: "\t", with: " ")
      .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }

  /// A coordinate with one decimal.
  static func f(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths) % 10)
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
  }
}
