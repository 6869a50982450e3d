import Foundation

/// Reads scenario files, applies command-line overrides and runs the engine.
public enum ScenarioLoader {
  /// Reads `file` (or the built-in example when `nil`), applies `overrides` and `horizon`, and
  /// returns the scenario with the overrides it applied.
  public static func load(
    file: String?, overrides: [ScenarioOverride], horizon: Int?
  ) throws -> (Scenario, [(String, String)], String) {
    let (root, applied, name) = try loadTree(file: file, overrides: overrides, horizon: horizon)
    let (scenario, problems) = Scenario.decode(root, file: name)
    guard let scenario else { throw ScenarioError.invalid(problems) }
    return (scenario, applied, name)
  }

  /// The scenario's JSON tree with the overrides applied, before it is decoded (what
  /// uncertainty analysis varies), the overrides applied and the file's name.
  public static func loadTree(
    file: String?, overrides: [ScenarioOverride], horizon: Int?
  ) throws -> (JSONNode, [(String, String)], String) {
    let name = file ?? "built-in:module-20-distillation.json"
    var root: JSONNode
    do {
      if let file {
        guard let data = FileManager.default.contents(atPath: file) else {
          throw ScenarioError.unreadable(
            FileManager.default.fileExists(atPath: file)
              ? "cannot read scenario file '\(file)'"
              : "scenario file '\(file)' does not exist; see examples/ for scenarios to start from")
        }
        root = try JSONParser.parse(Array(data))
      } else {
        root = try JSONParser.parse(BuiltInScenarios.module20Distillation)
      }
    } catch let error as JSONSyntaxError {
      throw ScenarioError.invalid([error.diagnostic(file: name)])
    }
    var applied: [(String, String)] = []
    for override in overrides {
      root = try override.apply(to: root)
      applied.append((override.path, override.value))
    }
    if let horizon {
      root = try ScenarioOverride(path: "horizon_months", value: String(horizon)).apply(to: root)
      applied.append(("horizon_months", String(horizon)))
    }
    return (root, applied, name)
  }
}
