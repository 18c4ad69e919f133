import ArgumentParser
import HeritageCatalog

extension Heritage {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a whole record, its links and stations.")

    @OptionGroup var options: CatalogOptions

    @Argument(help: "The record id, such as gi:fuzhou-jasmine-tea.")
    var id: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let catalog = try options.open()
        let details = try catalog.detailsWithNearestStations(id: id)
        print(format == .json ? try renderJSON(details) : renderRecord(details, gazetteer: catalog.gazetteer))
      }
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List a record's revisions with time and source file.")

    @OptionGroup var options: CatalogOptions

    @Argument(help: "The record id.")
    var id: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let history = try options.open().history(id: id)
        print(format == .json ? try renderJSON(history) : renderHistory(history, id: id))
      }
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count records by kind, district, category, listing level and station type.")

    @OptionGroup var options: CatalogOptions

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let stats = try options.open().stats()
        print(format == .json ? try renderJSON(stats) : renderStats(stats))
      }
    }
  }
}
