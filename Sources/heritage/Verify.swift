import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Verify a BagIt bag (folder or .zip), or with no path audit the catalog's media store."),
      discussion: say(
        "With PATH: completeness, every checksum in every manifest and tag manifest, Payload-Oxum, paths that escape the bag. Problems go to standard output, warnings to standard error; the exit status is 0 only for a valid bag. Without PATH: re-hash the media store of the catalog (--catalog DIR, $HERITAGE_CATALOG or catalog/) against its recorded checksums."
      ))

    @OptionGroup var options: CatalogOptions

    @Argument(help: help("A bag folder or a .zip of one."))
    var path: String?

    @Option(help: help("text or json."))
    var format: OutputFormat = .text

    func run() throws {
      try reporting {
        guard let path else { return try audit() }
        let url = URL(fileURLWithPath: path)
        let result =
          url.pathExtension.lowercased() == "zip"
          ? BagVerifier.verify(zip: url) : BagVerifier.verify(folder: url)
        for warning in result.warnings {
          FileHandle.standardError.write(Data((say("warning: \(warning.text(CLI.language))") + "\n").utf8))
        }
        if format == .json {
          print(try renderJSON(result))
        } else {
          for error in result.errors { print(error.text(CLI.language)) }
          let problems: Message =
            result.errors.count == 1 ? "1 problem" : "\(result.errors.count) problems"
          print(
            say(
              result.isValid
                ? "\(path): valid bag (BagIt \(result.version ?? "?")), \(result.payloadFiles) payload files, \(result.payloadBytes) bytes"
                : "\(path): invalid bag, \(problems)"))
        }
        if !result.isValid { throw ExitCode.failure }
      }
    }

    private func audit() throws {
      let (checked, problems) = try options.open().auditMedia()
      for problem in problems { print(problem.text(CLI.language)) }
      let files: Message = checked == 1 ? "1 media file checked" : "\(checked) media files checked"
      print(say("\(files), \(problems.count) with problems"))
      if !problems.isEmpty { throw ExitCode.failure }
    }
  }
}
