import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Search in Chinese (simplified or traditional), pinyin, initials or English."),
      discussion:
        say("Several words must all match. Examples: 闽剧, 閩劇, minju, \"mǐn jù\", mlhc, jasm, \"jasmine 仓山\"."))

    @OptionGroup var options: CatalogOptions

    @Argument(help: help("What to look for.")) var query: [String]

    @Option(help: help("Only gi, ich or station.")) var kind: RecordKind?
    @Option(help: help("Only this category (GI category or ICH code such as IV).")) var category: String?
    @Option(help: help("Only ICH items listed at this level.")) var level: ListingLevel?
    @Option(help: help("Only records in this district.")) var district: String?
    @Option(help: help("Only stations of this type.")) var stationType: StationType?
    @Option(help: help("LAT,LON, a district or a record id: show distances, nearest first.")) var near:
      Origin?
    @Option(help: help("With --near: only within this many kilometres.")) var within: Double?
    @Option(help: help("At most this many results.")) var limit = 20
    @Flag(help: help("Include withdrawn records.")) var includeWithdrawn = false
    @Option(help: help("table, json or csv.")) var format: ListFormat = .table

    func validate() throws {
      if within != nil && near == nil { throw ValidationError(say("--within needs --near")) }
    }

    func run() throws {
      try reporting {
        let text = query.joined(separator: " ")
        let results = try options.open().search(
          SearchQuery(
            text: text, kind: kind, category: category, level: level, district: district,
            stationType: stationType,
            near: near, within: within, limit: limit, includeWithdrawn: includeWithdrawn))
        switch format {
        case .json: print(try renderJSON(results))
        case .csv: print(renderSearch(results, query: text, format: .csv, highlight: false), terminator: "")
        case .table:
          print(
            renderSearch(
              results, query: text, format: .table, highlight: isatty(STDOUT_FILENO) == 1,
              language: CLI.language))
        }
      }
    }
  }

  struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Rebuild the search index from the current revisions."))

    @OptionGroup var options: CatalogOptions

    func run() throws {
      try reporting {
        let count = try options.open(.readWrite).reindex()
        print(say("indexed \(count) records"))
      }
    }
  }

  struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say(
        "Bring a catalog written by an older heritage up to date (import, link and unlink do it too), and store the harvest forms (Dublin Core, record XML) of records that lack current ones."
      )
    )

    @OptionGroup var options: CatalogOptions

    func run() throws {
      try reporting {
        let catalog = try options.open(.readWrite)
        let applied = catalog.appliedMigrations
        let forms = try catalog.refreshStoredForms()
        let path = options.folder.relativePath
        print(
          say(
            applied.isEmpty
              ? "\(path): up to date"
              : "\(path): brought up to date (migrations \(applied.joined(separator: ", ")))"))
        if forms > 0 { print(say("stored the harvest forms of \(forms) records")) }
      }
    }
  }
}
