import Foundation

/// Finds, reads and validates pricing tables from disk.
public enum PricingLoader {
  /// The `*.json` files of a folder in name order, or the file itself.
  public static func tableFiles(at path: String) throws(PricingError) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .folderNotFound(path)
    }
    guard isDirectory.boolValue else { return [path] }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw .unreadable(path, "\(error.localizedDescription)")
    }
    let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
      .map { (path as NSString).appendingPathComponent($0) }
    if files.isEmpty { throw .noTables(path) }
    return files
  }

  /// Reads every table in `path` (a folder or a file); collects all problems instead of stopping.
  ///
  /// `base` holds the built-in tables when `path` is an overlay: its entries for known models are
  /// merged onto them leaf by leaf.
  public static func load(
    path: String, isBuiltIn: Bool, today: ISODate, base: [PricingTable] = []
  ) throws(PricingError) -> (tables: [PricingTable], diagnostics: [Diagnostic]) {
    var tables: [PricingTable] = []
    var diagnostics: [Diagnostic] = []
    for file in try tableFiles(at: path) {
      guard let data = FileManager.default.contents(atPath: file) else {
        diagnostics.append(Diagnostic(file: file, location: nil, path: "", message: "cannot read the file"))
        continue
      }
      let (table, problems) = PricingTable.parse(
        file: file, bytes: Array(data), isBuiltIn: isBuiltIn, today: today, base: base)
      diagnostics += problems
      if let table { tables.append(table) }
    }
    return (tables, diagnostics)
  }

  /// Loads the built-in tables and any overlays into a catalog, failing on the first problem.
  public static func catalog(
    builtIn: String, overlays: [String], today: ISODate
  ) throws(PricingError) -> PricingCatalog {
    let base = try load(path: builtIn, isBuiltIn: true, today: today)
    var overlayTables: [[PricingTable]] = []
    var problems = base.diagnostics
    for overlay in overlays {
      let loaded = try load(path: overlay, isBuiltIn: false, today: today, base: base.tables)
      problems += loaded.diagnostics
      overlayTables.append(loaded.tables)
    }
    if !problems.isEmpty { throw .invalid(problems) }
    return try PricingCatalog(builtIn: base.tables, overlays: overlayTables.flatMap { $0 }, today: today)
  }
}
