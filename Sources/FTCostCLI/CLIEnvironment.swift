import FTCostKit
import Foundation

/// Everything a command may touch outside itself, so tests can run commands in memory.
public struct CLIEnvironment: Sendable {
  public var variables: [String: String]
  public var executablePath: String?
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool
  public var stdinIsTerminal: Bool
  /// Reads one line of standard input without its newline; `nil` at end of input.
  public var readLine: @Sendable () -> String?
  /// Reads all of standard input.
  public var readAllInput: @Sendable () -> [UInt8]
  public var writeOutput: @Sendable (String) -> Void
  public var writeError: @Sendable (String) -> Void

  public init(
    variables: [String: String], executablePath: String?, stdoutIsTerminal: Bool = false,
    stderrIsTerminal: Bool = false, stdinIsTerminal: Bool = false,
    readLine: @escaping @Sendable () -> String? = { nil },
    readAllInput: @escaping @Sendable () -> [UInt8] = { [] },
    writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void
  ) {
    self.variables = variables
    self.executablePath = executablePath
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.stdinIsTerminal = stdinIsTerminal
    self.readLine = readLine
    self.readAllInput = readAllInput
    self.writeOutput = writeOutput
    self.writeError = writeError
  }

  /// The real process: standard streams, environment and terminal checks.
  public static func process() -> CLIEnvironment {
    CLIEnvironment(
      variables: ProcessInfo.processInfo.environment,
      executablePath: CommandLine.arguments.first.flatMap(resolveExecutable),
      stdoutIsTerminal: isatty(1) == 1,
      stderrIsTerminal: isatty(2) == 1,
      stdinIsTerminal: isatty(0) == 1,
      readLine: { Swift.readLine(strippingNewline: true) },
      readAllInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
      writeOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
      writeError: { text in FileHandle.standardError.write(Data(text.utf8)) })
  }

  /// The executable's real path (`/proc/self/exe` where available, else argv[0] resolved).
  private static func resolveExecutable(_ argument0: String) -> String? {
    if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return linked
    }
    if argument0.contains("/") {
      return URL(fileURLWithPath: argument0).standardizedFileURL.path
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(argument0)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// This environment with control characters in everything written escaped (see `TerminalText`),
  /// so text from data never reaches the terminal raw.
  public func escapingControlCharacters() -> CLIEnvironment {
    var environment = self
    let output = writeOutput
    let error = writeError
    environment.writeOutput = { output(TerminalText.escaped($0)) }
    environment.writeError = { error(TerminalText.escaped($0)) }
    return environment
  }

  /// Today's date, or `FTCOST_TODAY` (YYYY-MM-DD) for reproducible reports and tests.
  public var today: ISODate {
    if let text = variables["FTCOST_TODAY"], let date = ISODate(text) { return date }
    return ISODate.today()
  }

  /// True when output may carry ANSI styling: a terminal, and `NO_COLOR` unset.
  public var usesColor: Bool {
    stdoutIsTerminal && (variables["NO_COLOR"] ?? "").isEmpty && variables["TERM"] != "dumb"
  }

  /// The terminal width from `COLUMNS`, else 80.
  public var columns: Int {
    variables["COLUMNS"].flatMap(Int.init) ?? 80
  }
}
