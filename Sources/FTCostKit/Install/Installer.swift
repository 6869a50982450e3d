import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Installs an ftcost binary with its data and completion scripts under a prefix, never leaving
/// a broken install behind.
///
/// The layout: `PREFIX/bin/ftcost` (mode 0755); `PREFIX/share/ftcost/pricing/` and
/// `PREFIX/share/ftcost/tokenizers/` (files 0644); the completion scripts under `PREFIX/share`
/// (0644); every folder it creates 0755, whatever the umask. Everything is first staged inside the
/// prefix under temporary names, copied from the sources, which may be the very install being
/// replaced (the running binary, or `FTCOST_DATA` pointing into the prefix); only then is each
/// file renamed over the old one, data first and the binary last. A killed install leaves the
/// previous one working (each file is the old or the new one, whole) and the next install removes
/// its temporaries. Files the new install no longer ships are removed from `pricing/` and
/// `tokenizers/` after the renames.
public struct Installer: Sendable {
  /// Where completion scripts go under the prefix, by shell.
  public static let completionPaths: [(shell: String, path: String)] = [
    ("bash", "share/bash-completion/completions/ftcost"),
    ("zsh", "share/zsh/site-functions/_ftcost"),
    ("fish", "share/fish/vendor_completions.d/ftcost.fish"),
  ]
  /// The mode of the installed binary.
  public static let binaryMode: mode_t = 0o755
  /// The mode of data files and completion scripts.
  public static let dataMode: mode_t = 0o644
  /// The mode of the folders the install creates (and of its own data folders).
  public static let folderMode: mode_t = 0o755

  /// The install prefix, absolute.
  public var prefix: String
  /// The binary to install (usually the running one).
  public var executable: String
  /// Where the pricing tables and tokenizer files come from.
  public var data: DataLocation
  /// The completion script text for each shell in `completionPaths`.
  public var completionScripts: [String: String]

  /// What an install put where.
  public struct Report: Sendable, Equatable {
    /// The installed binary.
    public var binary: String
    /// The installed data folder.
    public var data: String
    /// The installed completion scripts.
    public var completions: [String]
    /// Files of an earlier install that this one no longer ships, now removed.
    public var removed: [String]
  }

  /// An install of `executable` and `data` under `prefix` (made absolute).
  public init(prefix: String, executable: String, data: DataLocation, completionScripts: [String: String]) {
    self.prefix = URL(fileURLWithPath: prefix).standardizedFileURL.path
    self.executable = executable
    self.data = data
    self.completionScripts = completionScripts
  }

  var binaryPath: String { path("bin/ftcost") }
  var dataFolder: String { path("share/ftcost") }

  func path(_ relative: String) -> String {
    PathText.join(prefix, relative)
  }

  /// Installs; on a failure while staging, nothing under the prefix has changed.
  public func install() throws(InstallError) -> Report {
    let pricingFolder = PathText.join(dataFolder, "pricing")
    let tokenizerFolder = PathText.join(dataFolder, "tokenizers")
    let pricing = try Self.regularFiles(in: data.pricing)
    let tokenizers = Encoding.allCases.map(\.fileName)
    for name in tokenizers where !FileManager.default.fileExists(atPath: Self.join(data.tokenizers, name)) {
      throw .sourceMissing(Self.join(data.tokenizers, name))
    }
    guard FileManager.default.isReadableFile(atPath: executable) else { throw .sourceMissing(executable) }

    let staged = StagedFiles(createFolders: true, folderMode: Self.folderMode)
    var completions: [String] = []
    do throws(OutputFileError) {
      for name in pricing {
        try staged.copy(Self.join(data.pricing, name), to: Self.join(pricingFolder, name), mode: Self.dataMode)
      }
      for name in tokenizers {
        try staged.copy(Self.join(data.tokenizers, name), to: Self.join(tokenizerFolder, name), mode: Self.dataMode)
      }
      for (shell, relative) in Self.completionPaths {
        guard let script = completionScripts[shell] else { continue }
        try staged.write(Array(script.utf8), to: path(relative), mode: Self.dataMode)
        completions.append(path(relative))
      }
      try staged.copy(executable, to: binaryPath, mode: Self.binaryMode)
      try staged.commit()
    } catch {
      staged.discard()
      throw .output(prefix, error)
    }
    // Left-overs of an earlier install, and modes an older ftcost set from the umask.
    var removed: [String] = []
    for (folder, kept) in [(pricingFolder, pricing), (tokenizerFolder, tokenizers)] {
      for name in (try? Self.regularFiles(in: folder)) ?? [] where !kept.contains(name) {
        if unlink(Self.join(folder, name)) == 0 { removed.append(Self.join(folder, name)) }
      }
    }
    for folder in [dataFolder, pricingFolder, tokenizerFolder] { _ = chmod(folder, Self.folderMode) }
    return Report(binary: binaryPath, data: dataFolder, completions: completions, removed: removed)
  }

  /// The names of the regular, non-hidden files in `folder`, sorted.
  static func regularFiles(in folder: String) throws(InstallError) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      throw .sourceMissing(folder)
    }
    return names.filter { name in
      var status = stat()
      return !name.hasPrefix(".") && stat(join(folder, name), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }.sorted()
  }

  static func join(_ folder: String, _ name: String) -> String {
    PathText.join(folder, name)
  }
}

/// Why an install did not happen.
public enum InstallError: Error, Equatable, CustomStringConvertible {
  /// A file or folder to install from is missing.
  case sourceMissing(String)
  /// Staging or renaming under the prefix failed.
  case output(String, OutputFileError)

  public var description: String {
    switch self {
    case .sourceMissing(let path):
      return
        "cannot install: '\(path)' is missing; run install from a built ftcost with its data (or set FTCOST_DATA to a folder holding pricing/ and tokenizers/)"
    case .output(let prefix, let error):
      return "cannot install under '\(prefix)': \(error.description)"
    }
  }
}
