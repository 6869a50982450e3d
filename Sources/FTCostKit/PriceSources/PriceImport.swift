import Foundation

/// Pricing tables written from a public price file, with what could not be mapped.
///
/// The tables are a `--pricing` overlay: an entry for a model the built-in tables hold takes the
/// built-in id and sets only what the source says (prices, batch prices, tiers, context window,
/// retirement date, successor), so the built-in fine-tuning prices, hosting fees, notes and
/// unconfirmed marks stay; a model the built-in tables lack is added under the source's name.
/// Nothing the source cannot say is invented: no training price, no hosting fee, no tokenizer.
public struct PriceImport: Sendable {
  public var format: PriceSourceFormat
  /// The file and its version as every written `source` names them.
  public var sourceLabel: String
  public var tables: [ImportedTable]
  /// Entries (or parts of entries) of the chosen providers that could not be written, with why.
  public var unmapped: [UnmappedEntry]
  /// Entries of providers ftcost keeps no table for, by the source's provider name.
  public var otherProviders: [String: Int]
  /// The providers asked for.
  public var providers: [String]

  /// The provider ids an import can write, in the order of the files.
  public static var providers: [String] { SourceNames.providers }

  /// Reads `bytes`, the contents of `file`, and writes ftcost tables for `providers` (all of
  /// `PriceImport.providers` when empty), dated `today` and laid over `builtIn`.
  ///
  /// `version` is the source's package version (`1.110.2`), recorded in every `source`. The
  /// tables are empty when no entry of `providers` could be mapped.
  public static func read(
    file: String, bytes: [UInt8], format: PriceSourceFormat, version: String?, providers: [String] = [],
    today: ISODate, builtIn: [PricingTable]
  ) throws(PriceImportError) -> PriceImport {
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw .malformed(error.diagnostic(file: file))
    }
    var reading: SourceReading
    do {
      switch format {
      case .litellm: reading = try LiteLLMReader.read(root)
      case .genaiPrices: reading = try GenAIPricesReader.read(root, today: today)
      }
    } catch {
      throw .notAPriceFile(file: file, format: format, reason: error.description)
    }
    let chosen = providers.isEmpty ? SourceNames.providers : SourceNames.providers.filter(providers.contains)
    reading.models = reading.models.filter { chosen.contains($0.provider) }
    let name = (file as NSString).lastPathComponent
    let label = "\(format.displayName) \(version ?? "(version not given)") \(name)"
    var assembly = ImportAssembly(
      reading: reading, builtIn: builtIn.flatMap(\.models), today: today, label: label)
    let tables = assembly.tables(for: chosen, displayNames: builtIn)
    return PriceImport(
      format: format, sourceLabel: label, tables: tables, unmapped: assembly.unmapped,
      otherProviders: reading.otherProviders, providers: chosen)
  }

  /// The tables loaded as an overlay on `builtIn`, as `--pricing` would load them; throws when
  /// they would not load, so a written import always passes `pricing validate`.
  public func overlay(on builtIn: [PricingTable], today: ISODate) throws(PriceImportError) -> [PricingTable] {
    var problems: [Diagnostic] = []
    var loaded: [PricingTable] = []
    for table in tables {
      let (parsed, diagnostics) = PricingTable.parse(
        file: table.fileName, bytes: Array(table.text.utf8), isBuiltIn: false, today: today, base: builtIn)
      problems += diagnostics
      if let parsed { loaded.append(parsed) }
    }
    problems += PricingCatalog.duplicateIDs(in: loaded)
    if problems.isEmpty {
      do {
        _ = try PricingCatalog(builtIn: builtIn, overlays: loaded, today: today)
      } catch {
        if case .invalid(let more) = error { problems += more } else { problems.append(error.diagnostic) }
      }
    }
    if !problems.isEmpty { throw .invalidOutput(problems) }
    return loaded
  }
}

/// One provider's table as an import writes it.
public struct ImportedTable: Sendable {
  public var provider: String
  /// `<provider>.json`.
  public var fileName: String
  public var json: JSON
  public var modelCount: Int

  /// The file's text: the table as JSON, two-space indented, ending in a newline.
  public var text: String { json.rendered() + "\n" }
}

extension PricingError {
  /// The error as a finding without a location.
  var diagnostic: Diagnostic {
    Diagnostic(file: "", location: nil, path: "", message: description)
  }
}
