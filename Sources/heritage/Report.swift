import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Reports on the station network."), subcommands: [Coverage.self, Gaps.self])
  }
}

extension Heritage.Report {
  struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say(
        "Stations, GI products and ICH items per division, and totals against the plan's targets."))

    @OptionGroup var report: ReportOptions

    @Option(help: help("table, json, csv or html."))
    var format: TableFormat = .table

    func run() throws {
      try reporting {
        let catalog = try report.options.open()
        let coverage = try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog))
        switch format {
        case .table: try report.write(renderCoverage(coverage, format: .table, language: CLI.language) + "\n")
        case .csv: try report.write(renderCoverage(coverage, format: .csv))
        case .json: try report.write(try renderJSON(coverage) + "\n")
        case .html: try report.write(renderCoverageHTML(coverage, generated: Date().ISO8601Format()))
        }
      }
    }
  }

  struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("GI products and ICH items without a serving station, most important first."))

    @OptionGroup var report: ReportOptions

    @Option(help: help("How many nearest candidate stations to list."))
    var candidates = 3

    @Option(help: help("table, json or csv."))
    var format: ListFormat = .table

    func run() throws {
      try reporting {
        let gaps = try report.options.open().gapsReport(candidates: candidates)
        switch format {
        case .json: try report.write(try renderJSON(gaps) + "\n")
        case .csv: try report.write(renderGaps(gaps, format: .csv))
        case .table: try report.write(renderGaps(gaps, format: .table, language: CLI.language) + "\n")
        }
      }
    }
  }
}

/// What every report takes: the catalog and where to write.
struct ReportOptions: ParsableArguments {
  @OptionGroup var options: CatalogOptions

  @Option(help: help("Write to this file instead of standard output."))
  var output: String?

  /// Prints `text`, or writes it to `--output` when one is given.
  func write(_ text: String) throws {
    guard let output else {
      print(text, terminator: "")
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      throw CatalogError(.storage, "cannot write \(output): \(error.localizedDescription)")
    }
  }
}
