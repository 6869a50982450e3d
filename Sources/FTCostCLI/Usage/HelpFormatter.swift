/// Renders help and usage text from the command tree, in swift-argument-parser's layout.
public struct HelpFormatter {
  public var columns: Int

  public init(columns: Int = 80) {
    self.columns = max(40, columns)
  }

  static let labelColumn = 26

  /// `ftcost cost --model <model> ... [--batch]`: required options first, optional in brackets.
  ///
  /// One line; `usage(_:path:label:)` wraps it for printing.
  public func usage(_ command: CommandSpec, path: [String]) -> String {
    usageElements(command, path: path).joined(separator: " ")
  }

  /// `label` and the usage wrapped to the column limit between its elements, continuation lines
  /// indented under the command name (argument-parser's hanging indent after `USAGE: `).
  public func usage(_ command: CommandSpec, path: [String], label: String) -> String {
    let indent = String(repeating: " ", count: label.count)
    var lines: [String] = []
    var line = label
    for element in usageElements(command, path: path) {
      if line.count > indent.count, line.count + 1 + element.count > columns {
        lines.append(line)
        line = indent + element
      } else {
        line += (line.count > indent.count ? " " : "") + element
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  /// The command's name with its path, then one element per argument and option.
  func usageElements(_ command: CommandSpec, path: [String]) -> [String] {
    let name = (["ftcost"] + path).joined(separator: " ")
    if !command.subcommands.isEmpty && command.run == nil { return [name, "<subcommand>"] }
    var elements = [name] + command.arguments.map(\.synopsis)
    for option in command.options {
      let text: String
      if case .repeating = option.kind { text = "\(option.synopsis) ..." } else { text = option.synopsis }
      elements.append(option.isRequired ? text : "[\(text)]")
    }
    return elements
  }

  /// The full help page for `command`.
  public func help(_ command: CommandSpec, path: [String]) -> String {
    var out = wrap("OVERVIEW: \(command.abstract)", indent: 0) + "\n"
    if !command.discussion.isEmpty {
      out += "\n" + wrap(command.discussion, indent: 0) + "\n"
    }
    out += "\n" + usage(command, path: path, label: "USAGE: ") + "\n"
    if !command.arguments.isEmpty {
      out += "\nARGUMENTS:\n"
      for argument in command.arguments {
        out += entry("<\(argument.name)>", argument.help)
      }
    }
    out += "\nOPTIONS:\n"
    for option in command.options {
      var label = option.shortName.map { "\($0), " } ?? ""
      label += option.synopsis
      var help = option.help
      if let allowed = option.allowedValues { help += " (values: \(allowed.joined(separator: ", ")))" }
      out += entry(label, help)
    }
    out += entry("--version", "Show the version.")
    out += entry("-h, --help", "Show help information.")
    if !command.subcommands.isEmpty {
      out += "\nSUBCOMMANDS:\n"
      for sub in command.subcommands {
        out += entry(sub.name, sub.abstract)
      }
      out += "\n  See 'ftcost help \((path + ["<subcommand>"]).joined(separator: " "))' for detailed help.\n"
    }
    return out
  }

  private func entry(_ label: String, _ help: String) -> String {
    let indent = "  "
    let prefixWidth = Self.labelColumn
    let body = wrap(help, indent: prefixWidth)
    let firstLine = String(body.drop(while: { $0 == " " }))
    if indent.count + label.count + 2 <= prefixWidth {
      let padding = String(repeating: " ", count: prefixWidth - indent.count - label.count)
      return indent + label + padding + firstLine + "\n"
    }
    return indent + label + "\n" + body + "\n"
  }

  /// Word-wraps `text` to the column limit with `indent` spaces before every line.
  func wrap(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if !line.isEmpty, indent + line.count + 1 + word.count > columns {
          lines.append(pad + line)
          line = String(word)
        } else {
          line += (line.isEmpty ? "" : " ") + word
        }
      }
      lines.append(line.isEmpty ? "" : pad + line)
    }
    return lines.joined(separator: "\n")
  }
}
