import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  /// Runs the command, and shows ArgumentParser's own words (help headings, parse errors) in
  /// this run's language too.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      let text = ParserWords.translated(fullMessage(for: error))
      if !text.isEmpty {
        let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data((text + "\n").utf8))
      }
      Foundation.exit(code.rawValue)
    }
  }
}

/// The fixed words ArgumentParser writes around help and errors, from the message catalog.
enum ParserWords {
  static func translated(_ text: String) -> String {
    guard CLI.language == .zh else { return text }
    let words: [(String, Message)] = [
      ("OVERVIEW:", "OVERVIEW:"), ("USAGE:", "USAGE:"), ("ARGUMENTS:", "ARGUMENTS:"),
      ("OPTIONS:", "OPTIONS:"),
      ("SUBCOMMANDS:", "SUBCOMMANDS:"), ("Show help information.", "Show help information."),
      ("Show the version.", "Show the version."), ("(values: ", "(values: "), ("(default: ", "(default: "),
      ("; default: ", "; default: "),
      ("Error: Missing expected argument", "Error: Missing expected argument"),
      ("Error: Unexpected argument", "Error: Unexpected argument"), ("Error: The value", "Error: The value"),
      ("is invalid for", "is invalid for"), ("Error: Unknown option", "Error: Unknown option"),
      ("Error: Missing value for", "Error: Missing value for"), ("Usage:", "Usage:"), ("Help:", "Help:"),
      ("for more information.", "for more information."), ("for detailed help.", "for detailed help."),
      ("  See ", "  See "),
    ]
    var out = text
    for (english, message) in words {
      out = out.replacingOccurrences(of: english, with: CLI.language(message))
    }
    return out
  }
}
