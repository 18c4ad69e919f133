import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Write the selected records as one BagIt bag with METS, PREMIS and Dublin Core."))

    @OptionGroup var options: CatalogOptions

    @Option(help: help("Only this kind: gi, ich or station (repeatable).")) var kind: [RecordKind] = []
    @Option(help: help("Only records in this district (repeatable).")) var district: [String] = []
    @Option(help: help("Only this category: GI category text or ICH code (repeatable).")) var category:
      [String] =
        []
    @Option(help: help("Only ICH items listed at this level (repeatable).")) var level: [ListingLevel] = []
    @Option(help: help("Only these record ids, comma-separated.")) var ids: String?
    @Option(help: help("Only records changed on or after this date (YYYY-MM-DD).")) var changedSince: String?
    @Option(help: help("Only records this search finds (as heritage search).")) var query: String?
    @Flag(help: help("Include withdrawn records.")) var includeWithdrawn = false

    @Option(help: help("The bag to create (default: exports/heritage-bag-DATE).")) var to: String?
    @Flag(help: help("Write one .zip instead of a folder.")) var zip = false
    @Option(
      help: help("The bagging date, YYYY-MM-DD (default: today); fixed, it makes exports byte-identical."))
    var date: String?

    @Option(help: help("Split into bags of at most this many bytes (suffixes K, M, G).")) var maxBagSize:
      String?

    @Option(help: help("text or json.")) var format: OutputFormat = .text

    func validate() throws {
      if let date, date.count != 10 || !EDTF.isValid(date) {
        throw ValidationError(say("--date \(date) is not a date such as 2026-11-25"))
      }
    }

    func run() throws {
      try reporting {
        var selection = ExportSelection()
        selection.kinds = kind
        selection.districts = district
        selection.categories = category
        selection.levels = level
        selection.ids = ids?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        selection.changedSince = changedSince
        selection.query = query
        selection.includeWithdrawn = includeWithdrawn
        let day = date ?? String(Date().ISO8601Format().prefix(10))
        let destination = URL(fileURLWithPath: to ?? "exports/heritage-bag-\(day)")
        let limit = try maxBagSize.map(parseByteCount)
        let results = try options.open().export(
          ExportOptions(
            selection: selection, destination: destination, zip: zip, date: day, maxBagSize: limit))
        if format == .json {
          print(try renderJSON(results))
        } else {
          let here = FileManager.default.currentDirectoryPath + "/"
          for result in results {
            let shown = result.path.hasPrefix(here) ? String(result.path.dropFirst(here.count)) : result.path
            print(
              say(
                "wrote \(shown): \(result.records) records, \(result.payloadFiles) payload files, \(result.payloadBytes) bytes"
              ))
          }
        }
      }
    }
  }
}

/// `500M`, `2G`, `1048576` as bytes.
func parseByteCount(_ text: String) throws -> Int64 {
  let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
  let upper = text.uppercased().replacingOccurrences(of: "B", with: "")
  let (digits, unit) = upper.last.flatMap { units[$0] }.map { (String(upper.dropLast()), $0) } ?? (upper, 1)
  guard let value = Int64(digits), value > 0 else {
    throw CatalogError(.invalidArgument, "--max-bag-size \(text) is not a size such as 500M or 2G")
  }
  return value * unit
}
