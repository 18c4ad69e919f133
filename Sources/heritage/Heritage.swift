public import ArgumentParser
import Foundation
public import HeritageCatalog

@main
struct Heritage: AsyncParsableCommand {
  /// The version `heritage --version` prints.
  static let version = "0.4.0"

  static let configuration = CommandConfiguration(
    commandName: "heritage",
    abstract:
      say(
        "Catalog geographic-indication products, intangible cultural heritage and the IP protection stations that serve them."
      ),
    version: say(
      "heritage \(Heritage.version) (HeritageCatalog: geographic indications, intangible cultural heritage, IP protection stations)"
    ),
    subcommands: [
      Import.self, Show.self, History.self, Stats.self, Stations.self, Link.self, Unlink.self, Report.self,
      Verify.self, Export.self, Search.self, Reindex.self, Migrate.self, Serve.self,
    ]
  )

  @OptionGroup var language: LanguageOption
}

/// `--lang zh|en`: the language of help, tables and messages (default: the locale's).
struct LanguageOption: ParsableArguments {
  @Option(help: help("zh or en (default: from LC_ALL, LC_MESSAGES or LANG; zh_* gives Chinese)."))
  var lang: Language?
}

extension Language: ExpressibleByArgument {}

/// The language of this run: `--lang` wherever it stands, else the locale (read before the
/// arguments are parsed, so that help is in it too).
enum CLI {
  static let language: Language = {
    let arguments = CommandLine.arguments
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count,
        let language = Language(rawValue: arguments[index + 1])
      {
        return language
      }
      if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
        return language
      }
    }
    return Language.from(environment: ProcessInfo.processInfo.environment)
  }()
}

/// `message` in this run's language.
func say(_ message: Message) -> String { CLI.language(message) }

/// Option help in this run's language.
func help(_ message: Message) -> ArgumentHelp { ArgumentHelp(say(message)) }

/// Options every command shares.
struct CatalogOptions: ParsableArguments {
  @OptionGroup var language: LanguageOption

  @Option(name: .long, help: help("The catalog folder (default: $HERITAGE_CATALOG, else catalog/)."))
  var catalog: String?

  var folder: URL {
    catalog.map { URL(fileURLWithPath: $0) } ?? Catalog.defaultFolder()
  }

  /// The existing catalog, read-only unless `access` says otherwise; never creates one.
  func open(_ access: Catalog.Access = .readOnly) throws -> Catalog {
    try Catalog.open(folder: folder, access: access)
  }
}

extension OutputFormat: ExpressibleByArgument {}

extension Origin: ExpressibleByArgument {
  /// `LAT,LON` or a record id, as `--near` takes it.
  public init?(argument: String) {
    self.init(argument)
  }
}

/// What a command that prints a list can print: a table, JSON or CSV (HTML is the coverage
/// report's alone, so `--format html` is refused when the flags are parsed).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case json
  case csv

  /// The library's name for the same format.
  var tableFormat: TableFormat { TableFormat(rawValue: rawValue)! }
}
extension TableFormat: ExpressibleByArgument {}
extension ServesRole: ExpressibleByArgument {}
extension StationType: ExpressibleByArgument {}
extension ListingLevel: ExpressibleByArgument {}

extension RecordKind: ExpressibleByArgument {
  /// `gi`, `ich` or `station`, or the element name (`gi-product`, `heritage-item`).
  public init?(argument: String) {
    switch argument {
    case "gi": self = .giProduct
    case "ich": self = .heritageItem
    default: self.init(rawValue: argument)
    }
  }
}

/// Prints a failure on stderr and ends with a non-zero status.
func fail(_ message: Message) -> ExitCode {
  FileHandle.standardError.write(Data("heritage: \(say(message))\n".utf8))
  return ExitCode.failure
}

/// Runs `body`, turning library errors into a message and a non-zero exit.
func reporting(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as CatalogError {
    throw fail("\(error.message)\(hint(for: error))")
  }
}

/// What to type next, for the errors a command can help with.
func hint(for error: CatalogError) -> Message {
  guard let folder = error.folder else { return "" }
  switch error.code {
  case .noCatalog: return " (create one with: heritage import FILES --catalog \(folder))"
  case .outdated: return "; run: heritage migrate --catalog \(folder)"
  default: return ""
  }
}
