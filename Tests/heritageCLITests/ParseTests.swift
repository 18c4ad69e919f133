import ArgumentParser
import Foundation
import HeritageCatalog
import Testing

@testable import heritage

/// Every command's options and `validate()` rules, parsed in process (no binary, no catalog).
@Suite struct ParseTests {
  func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
    let command = try Heritage.parseAsRoot(arguments)
    return try #require(command as? Command)
  }

  @Test func importTakesPathsAndFlags() throws {
    let command = try parse(
      [
        "import", "a.xml", "dir", "--keep-going", "--dry-run", "--by", "档案员", "--format", "json", "--catalog",
        "c",
      ],
      as: Heritage.Import.self)
    #expect(command.paths == ["a.xml", "dir"])
    #expect(command.keepGoing && command.dryRun && command.by == "档案员" && command.format == .json)
    #expect(command.options.catalog == "c")
    #expect(throws: (any Error).self) { try Heritage.parseAsRoot(["import"]) }
  }

  @Test func searchTakesEveryFilter() throws {
    let command = try parse(
      [
        "search", "min", "ju", "--kind", "ich", "--category", "IV", "--level", "national", "--district",
        "鼓楼区",
        "--station-type", "pilot-station", "--near", "26.08,119.3", "--within", "5", "--limit", "3",
        "--include-withdrawn", "--format", "csv",
      ], as: Heritage.Search.self)
    #expect(command.query == ["min", "ju"])
    #expect(command.kind == .heritageItem && command.category == "IV" && command.level == .national)
    #expect(command.district == "鼓楼区" && command.stationType == .pilotStation)
    #expect(command.near == .point(GeoPoint(lat: 26.08, lon: 119.3)) && command.within == 5)
    #expect(command.limit == 3 && command.includeWithdrawn && command.format == .csv)
    #expect(try parse(["search", "x", "--near", "gi:a"], as: Heritage.Search.self).near == .record("gi:a"))
  }

  @Test(arguments: [
    ["search", "x", "--format", "html"], ["search", "x", "--within", "5"], ["search", "x", "--kind", "gis"],
    ["search", "x", "--near", "91,0"], ["search", "x", "--level", "nation"], ["search"],
    ["stations", "--format", "html"], ["stations", "--within", "2"], ["stations", "--type", "post"],
    ["report", "gaps", "--format", "html"], ["report", "gaps", "--candidates", "many"],
    ["link", "station:a", "gi:b"], ["link", "station:a", "gi:b", "--role", "boss"], ["unlink", "station:a"],
    ["show"], ["history"], ["export", "--kind", "everything"], ["export", "--date", "2026-13-01"],
    ["export", "--date", "tomorrow"], ["verify", "a", "b"],
  ])
  func invalidArgumentsAreRefusedWhenParsed(arguments: [String]) {
    #expect(throws: (any Error).self) { try Heritage.parseAsRoot(arguments) }
  }

  @Test func stationsTakeTheirFilters() throws {
    let command = try parse(
      [
        "stations", "--type", "info-service-point", "--district", "350102", "--serves", "gi:a", "--near",
        "gi:a",
        "--within", "10", "--include-withdrawn", "--format", "json",
      ], as: Heritage.Stations.self)
    #expect(command.type == .infoServicePoint && command.district == "350102" && command.serves == "gi:a")
    #expect(command.near == .record("gi:a") && command.within == 10 && command.includeWithdrawn)
    #expect(command.format == .json)
  }

  @Test func linkAndUnlink() throws {
    let link = try parse(
      ["link", "station:a", "gi:b", "--role", "promotion", "--by", "x"], as: Heritage.Link.self)
    #expect(link.link.station == "station:a" && link.link.record == "gi:b" && link.role == .promotion)
    #expect(link.link.author == "x")
    let unlink = try parse(["unlink", "station:a", "gi:b"], as: Heritage.Unlink.self)
    #expect(unlink.role == nil)
  }

  @Test func reports() throws {
    let coverage = try parse(
      ["report", "coverage", "--format", "html", "--output", "c.html"], as: Heritage.Report.Coverage.self)
    #expect(coverage.format == .html && coverage.report.output == "c.html")
    let gaps = try parse(
      ["report", "gaps", "--candidates", "5", "--format", "csv"], as: Heritage.Report.Gaps.self)
    #expect(gaps.candidates == 5 && gaps.format == .csv)
  }

  @Test func exportTakesItsSelection() throws {
    let command = try parse(
      [
        "export", "--kind", "gi", "--kind", "station", "--district", "连江县", "--category", "VII", "--level",
        "unesco",
        "--ids", "gi:a,gi:b", "--changed-since", "2026-01-01", "--query", "jasmine", "--include-withdrawn",
        "--to", "out.zip", "--zip", "--date", "2026-11-25", "--max-bag-size", "500M", "--format", "json",
      ], as: Heritage.Export.self)
    #expect(
      command.kind == [.giProduct, .station] && command.district == ["连江县"] && command.category == ["VII"])
    #expect(command.level == [.unesco] && command.ids == "gi:a,gi:b" && command.changedSince == "2026-01-01")
    #expect(command.query == "jasmine" && command.includeWithdrawn && command.to == "out.zip" && command.zip)
    #expect(command.date == "2026-11-25" && command.maxBagSize == "500M" && command.format == .json)
    #expect(try parseByteCount("500M") == 500 << 20)
    #expect(throws: CatalogError.self) { try parseByteCount("lots") }
  }

  @Test func readCommands() throws {
    #expect(try parse(["show", "gi:a", "--format", "json"], as: Heritage.Show.self).id == "gi:a")
    #expect(try parse(["history", "gi:a"], as: Heritage.History.self).format == .text)
    #expect(try parse(["stats", "--format", "json"], as: Heritage.Stats.self).format == .json)
    #expect(try parse(["verify", "bag.zip"], as: Heritage.Verify.self).path == "bag.zip")
    #expect(try parse(["verify"], as: Heritage.Verify.self).path == nil)
    _ = try parse(["reindex"], as: Heritage.Reindex.self)
    _ = try parse(["migrate", "--catalog", "c"], as: Heritage.Migrate.self)
  }

  @Test func catalogFolderFromTheFlagElseTheEnvironmentElseCatalog() throws {
    let flagged = try parse(["stats", "--catalog", "elsewhere"], as: Heritage.Stats.self)
    #expect(flagged.options.folder.lastPathComponent == "elsewhere")
    #expect(Catalog.defaultFolder(environment: ["HERITAGE_CATALOG": "/srv/c"]).path == "/srv/c")
    #expect(Catalog.defaultFolder(environment: [:]).lastPathComponent == "catalog")
  }
}
