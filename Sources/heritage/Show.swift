import ArgumentParser
import HeritageCatalog

extension Heritage {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Show a whole record, its links and stations."))

    @OptionGroup var options: CatalogOptions

    @Argument(help: help("The record id, such as gi:fuzhou-jasmine-tea."))
    var id: String

    @Option(help: help("text or json."))
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let catalog = try options.open()
        let details = try catalog.detailsWithNearestStations(id: id)
        print(
          format == .json
            ? try renderJSON(details)
            : renderRecord(details, gazetteer: catalog.gazetteer, language: CLI.language))
      }
    }
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("List a record's revisions with time and source file."))

    @OptionGroup var options: CatalogOptions

    @Argument(help: help("The record id."))
    var id: String

    @Option(help: help("text or json."))
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let history = try options.open().history(id: id)
        print(
          format == .json ? try renderJSON(history) : renderHistory(history, id: id, language: CLI.language))
      }
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Count records by kind, district, category, listing level and station type."))

    @OptionGroup var options: CatalogOptions

    @Option(help: help("text or json."))
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let stats = try options.open().stats()
        print(format == .json ? try renderJSON(stats) : renderStats(stats, language: CLI.language))
      }
    }
  }
}
