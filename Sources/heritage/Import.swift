import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Import Heritage Records XML files or folders in one transaction."),
      discussion: say(
        "Any error refuses the whole import unless --keep-going is given; nothing is half-imported. The first import into an empty catalog holds it until the import ends (readers are asked to wait); later imports let readers read the catalog as it was."
      )
    )

    @OptionGroup var options: CatalogOptions

    @Argument(help: help("Files, or folders searched recursively for *.xml."))
    var paths: [String]

    @Flag(help: help("Commit the files that are clean and list the refused ones."))
    var keepGoing = false

    @Flag(help: help("Check everything, write nothing."))
    var dryRun = false

    @Option(help: help("Who runs the import (default: the user name)."))
    var by: String?

    @Option(help: help("text or json."))
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        let progress = ProgressLine()
        let report = try Importer.run(
          paths: paths, into: options.folder,
          options: ImportOptions(
            keepGoing: keepGoing, dryRun: dryRun, by: by ?? ProcessInfo.processInfo.userName),
          progress: progress.update)
        progress.clear()
        print(format == .json ? try renderJSON(report) : renderImportReport(report, language: CLI.language))
        if !report.succeeded { throw ExitCode.failure }
      }
    }
  }
}

/// A one-line progress indicator on stderr, shown only on a terminal and only once an import
/// has taken more than a moment.
final class ProgressLine {
  private let start = Date()
  private let enabled = isatty(STDERR_FILENO) == 1
  private var shown = false

  func update(_ progress: ImportProgress) {
    guard enabled, Date().timeIntervalSince(start) > 0.5 else { return }
    shown = true
    let line = say(
      "importing \(progress.currentFile) (file \(progress.filesDone + 1) of \(progress.fileCount), \(progress.records) records)"
    )
    FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
  }

  func clear() {
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
