import ArgumentParser
import Foundation
import HeritageCatalog

extension Heritage {
  struct Stations: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("List protection stations, by type, district, what they serve, or distance."))

    @OptionGroup var options: CatalogOptions

    @Option(help: help("Only stations of this type."))
    var type: StationType?

    @Option(help: help("Only stations in this district (name or code)."))
    var district: String?

    @Option(help: help("Only stations that serve this record id."))
    var serves: String?

    @Option(help: help("LAT,LON, a district or a record id: order by distance from there."))
    var near: Origin?

    @Option(help: help("With --near: only stations within this many kilometres."))
    var within: Double?

    @Flag(help: help("Include withdrawn stations."))
    var includeWithdrawn = false

    @Option(help: help("table, json or csv."))
    var format: ListFormat = .table

    func validate() throws {
      if within != nil && near == nil { throw ValidationError(say("--within needs --near")) }
    }

    func run() throws {
      try reporting {
        let catalog = try options.open()
        let query = StationQuery(
          type: type, district: district, serves: serves, near: near, within: within,
          includeWithdrawn: includeWithdrawn)
        let result = try catalog.stations(query)
        switch format {
        case .json: print(try renderJSON(result))
        case .table, .csv:
          let distances = Dictionary(
            uniqueKeysWithValues: result.compactMap { item in item.kilometers.map { (item.station.id, $0) } })
          print(
            renderStations(
              result.map(\.station), distances: distances, gazetteer: catalog.gazetteer,
              format: format.tableFormat, language: CLI.language),
            terminator: format == .csv ? "" : "\n")
        }
      }
    }
  }

  struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Make a station serve a GI product or ICH item (a new revision of the station)."))

    @OptionGroup var link: LinkArguments

    @Option(help: help("enforcement, guidance, consultation, promotion or registration."))
    var role: ServesRole

    func run() throws {
      try reporting {
        let change = try link.options.open(.readWrite).link(
          station: link.station, record: link.record, role: role, by: link.author)
        print(
          say(
            change.changed
              ? "\(link.station) now serves \(link.record) (\(role.rawValue)); revision \(change.revision)"
              : "\(link.station) already serves \(link.record) (\(role.rawValue)); nothing changed"))
      }
    }
  }

  struct Unlink: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: say("Stop a station serving a record (a new revision of the station)."))

    @OptionGroup var link: LinkArguments

    @Option(help: help("Only the link in this role (default: every role)."))
    var role: ServesRole?

    func run() throws {
      try reporting {
        let change = try link.options.open(.readWrite).unlink(
          station: link.station, record: link.record, role: role, by: link.author)
        print(say("\(link.station) no longer serves \(link.record); revision \(change.revision)"))
      }
    }
  }
}

/// What `link` and `unlink` share: the catalog, the two ids, and who makes the change.
struct LinkArguments: ParsableArguments {
  @OptionGroup var options: CatalogOptions

  @Argument(help: help("The station id.")) var station: String
  @Argument(help: help("The GI product or ICH item id.")) var record: String

  @Option(help: help("Who makes the change (default: the user name)."))
  var by: String?

  var author: String { by ?? ProcessInfo.processInfo.userName }
}
