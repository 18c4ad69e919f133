import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reports on the station network.", subcommands: [Coverage.self, Gaps.self])
  }
}

extension Heritage.Report {
  struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Stations, GI products and ICH items per division, and totals against the plan's targets.")

    @OptionGroup var options: CatalogOptions

    @Option(help: "table, json, csv or html.")
    var format: TableFormat = .table

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
      try reporting {
        let catalog = try options.open()
        let report = try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog))
        let text: String
        switch format {
        case .table: text = renderCoverage(report, format: .table) + "\n"
        case .csv: text = renderCoverage(report, format: .csv)
        case .json: text = try renderJSON(report) + "\n"
        case .html: text = renderCoverageHTML(report, generated: Date().ISO8601Format())
        }
        try write(text, to: output)
      }
    }
  }

  struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "GI products and ICH items without a serving station, most important first.")

    @OptionGroup var options: CatalogOptions

    @Option(help: "How many nearest candidate stations to list.")
    var candidates = 3

    @Option(help: "table, json or csv.")
    var format: TableFormat = .table

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
      try reporting {
        let gaps = try options.open().gapsReport(candidates: candidates)
        let text: String
        switch format {
        case .json: text = try renderJSON(gaps) + "\n"
        case .csv: text = renderGaps(gaps, format: .csv)
        case .table: text = renderGaps(gaps, format: .table) + "\n"
        case .html: throw CatalogError(.invalidArgument, "the gaps report prints as table, json or csv")
        }
        try write(text, to: output)
      }
    }
  }
}

/// Prints `text`, or writes it to `path` when one is given.
func write(_ text: String, to path: String?) throws {
  guard let path else {
    print(text, terminator: "")
    return
  }
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw CatalogError(.storage, "cannot write \(path): \(error.localizedDescription)")
  }
}
