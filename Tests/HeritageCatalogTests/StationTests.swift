import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

@Suite(.removesTemporaryFolders) struct StationTests {
  /// A catalog holding the network fixture.
  func network() throws -> (URL, Catalog) {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.path("network/network.xml")])
    #expect(report.errors.isEmpty)
    return (folder, try Catalog.create(folder: folder))
  }

  @Test func greatCircleDistancesMatchKnownValues() {
    // One degree of a great circle on the IUGG mean sphere is 111.19508 km.
    #expect(abs(GeoPoint(lat: 0, lon: 0).kilometers(to: GeoPoint(lat: 0, lon: 1)) - 111.19508) < 0.0001)
    #expect(
      abs(GeoPoint(lat: 26.0, lon: 119.3).kilometers(to: GeoPoint(lat: 26.1, lon: 119.3)) - 11.119508)
        < 0.0001)
    // Fuzhou (26.0745, 119.2965) to Xiamen (24.4798, 118.0894) is about 214 km.
    let fuzhouXiamen = GeoPoint(lat: 26.0745, lon: 119.2965).kilometers(
      to: GeoPoint(lat: 24.4798, lon: 118.0894))
    #expect(fuzhouXiamen > 212 && fuzhouXiamen < 216)
  }

  @Test func stationsNearAPointAreOrderedByDistance() throws {
    let (_, catalog) = try network()
    let found = try catalog.stations(StationQuery(near: Origin("26.0,119.3")))
    #expect(found.map(\.station.id) == ["station:s1", "station:s4", "station:s2", "station:s3"])
    #expect(abs(found[0].kilometers! - 0) < 0.000001)
    #expect(abs(found[2].kilometers! - 11.119508) < 0.0001)
    #expect(abs(found[3].kilometers! - 22.239016) < 0.0001)
    // station:s4 has no location: its district's point (仓山区, 26.0469, 119.2734) stands in.
    let cangshan = GeoPoint(lat: 26.0469, lon: 119.2734)
    #expect(abs(found[1].kilometers! - GeoPoint(lat: 26.0, lon: 119.3).kilometers(to: cangshan)) < 0.000001)
    #expect(found[1].station.pointIsDistrict)
  }

  /// `near` takes a district by code, name, English name or alias, as its point; a name that
  /// is neither a district nor a record id is refused with the closest districts.
  @Test func nearADistrictIsNearItsPoint() throws {
    let (_, catalog) = try network()
    let cangshan = try catalog.stations(StationQuery(near: Origin("26.0469,119.2734")))
    for name in ["仓山区", "倉山區", "350104", "Cangshan District", "仓山"] {
      #expect(try catalog.stations(StationQuery(near: Origin(name))) == cangshan, "\(name)")
      #expect(
        try catalog.search(SearchQuery(text: "jasmine", near: Origin(name))).hits.map(\.id)
          == (try catalog.search(SearchQuery(text: "jasmine", near: Origin("26.0469,119.2734"))).hits.map(
            \.id)))
    }
    #expect {
      try catalog.stations(StationQuery(near: Origin("仓三区")))
    } throws: { error in
      "\(error)".contains("unknown district 仓三区") && "\(error)".contains("仓山区")
    }
    #expect(throws: CatalogError.self) { try catalog.stations(StationQuery(near: Origin("gi:nowhere"))) }
  }

  @Test func withinKeepsOnlyCloseStations() throws {
    let (_, catalog) = try network()
    let found = try catalog.stations(StationQuery(near: Origin("gi:a"), within: 12))
    #expect(found.map(\.station.id) == ["station:s1", "station:s4", "station:s2"])
  }

  @Test func filtersByTypeDistrictAndServes() throws {
    let (_, catalog) = try network()
    #expect(
      try catalog.stations(StationQuery(type: .pilotStation)).map(\.station.id) == [
        "station:s1", "station:s2",
      ])
    #expect(
      try catalog.stations(StationQuery(district: "鼓樓")).map(\.station.id) == [
        "station:s1", "station:s3",
      ])
    #expect(try catalog.stations(StationQuery(serves: "gi:a")).map(\.station.id) == ["station:s1"])
    #expect(throws: CatalogError.self) { try catalog.stations(StationQuery(district: "鼓搂区")) }
  }

  @Test func showGivesTheNearestStationOfEachType() throws {
    let (_, catalog) = try network()
    let nearest = try catalog.detailsWithNearestStations(id: "gi:a").nearestStations ?? []
    #expect(nearest.map(\.station.id) == ["station:s1", "station:s3", "station:s4"])
    #expect(nearest.map(\.station.type) == [.pilotStation, .infoServicePoint, .legalConsultationPoint])
  }

  @Test func linkAndUnlinkMakeRevisionsOfTheStation() throws {
    let (_, catalog) = try network()
    let linked = try catalog.link(station: "station:s2", record: "ich:b", role: .promotion, by: "archivist")
    #expect(linked.changed && linked.revision == 2)
    #expect(try catalog.details(id: "ich:b").backlinks.map(\.id) == ["station:s2"])
    let again = try catalog.link(station: "station:s2", record: "ich:b", role: .promotion, by: "archivist")
    #expect(!again.changed && again.revision == 2)
    let unlinked = try catalog.unlink(station: "station:s2", record: "ich:b", role: nil, by: "archivist")
    #expect(unlinked.revision == 3)
    #expect(try catalog.details(id: "ich:b").backlinks.isEmpty)
    let history = try catalog.history(id: "station:s2")
    #expect(
      history.map(\.sourceFile) == [Fixtures.path("network/network.xml"), "heritage link", "heritage unlink"])
    #expect(Array(history.map(\.by).dropFirst()) == ["archivist", "archivist"])
  }

  @Test(arguments: [
    ("station:nope", "ich:b", "no record station:nope in the catalog"),
    ("gi:a", "ich:b", "gi:a is a gi-product, not a station"),
    ("station:s1", "station:s2", "station:s2 is a station; stations serve GI products and ICH items"),
    ("station:s1", "ich:zzz", "no record ich:zzz in the catalog"),
  ])
  func badLinksChangeNothing(station: String, record: String, message: String) throws {
    let (folder, catalog) = try network()
    let revisions = try catalog.stats().revisions
    #expect {
      try catalog.link(station: station, record: record, role: .guidance, by: nil)
    } throws: { error in
      (error as? CatalogError)?.description.hasPrefix(message) == true
    }
    #expect(try catalog.stats().revisions == revisions)
    _ = folder
  }

  @Test func unlinkingWhatIsNotLinkedIsAnError() throws {
    let (_, catalog) = try network()
    #expect {
      try catalog.unlink(station: "station:s1", record: "gi:a", role: .guidance, by: nil)
    } throws: { error in
      (error as? CatalogError)?.description
        == "station:s1 does not serve gi:a as guidance; nothing was changed"
    }
  }

  @Test func coverageFiguresPerDivisionAndAgainstTargets() throws {
    let (_, catalog) = try network()
    let report = try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog))
    let gulou = try #require(report.divisions.first { $0.name == "鼓楼区" })
    #expect(gulou.stations == [.pilotStation: 1, .infoServicePoint: 1])
    #expect(gulou.featured == 1)
    #expect(gulou.giProducts == 1 && gulou.heritageItems == 1)
    #expect(gulou.unserved == ["ich:d"])
    let taijiang = try #require(report.divisions.first { $0.name == "台江区" })
    #expect(taijiang.stations == [.pilotStation: 1] && taijiang.unserved == ["ich:b"])
    let cangshan = try #require(report.divisions.first { $0.name == "仓山区" })
    #expect(cangshan.stations == [.legalConsultationPoint: 1] && cangshan.unserved == ["gi:c"])
    #expect(report.unservedTotal == 3)
    let byKey = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.target.key, $0) })
    #expect(byKey["pilot-station"]?.actual == 2)
    #expect(byKey["pilot-station"]?.target.target == 26)
    #expect(byKey["pilot-station"]?.target.baseline == 11)
    #expect(byKey["pilot-station"]?.divisionsWithout.count == 11)
    #expect(byKey["featured"]?.actual == 1)
    #expect(byKey["info-service-point"]?.actual == 1)
    #expect(byKey["info-service-point"]?.target.target == 35)
    #expect(byKey["legal-consultation-point"]?.actual == 1)
    #expect(byKey["police-liaison-point"]?.actual == 0)
    #expect(report.targets.allSatisfy { !$0.met })
  }

  @Test func gapsListTheMostImportantFirstWithCandidates() throws {
    let (_, catalog) = try network()
    let gaps = try catalog.gapsReport()
    #expect(gaps.map(\.id) == ["gi:c", "ich:b", "ich:d"])
    #expect(gaps.map(\.importance) == [.registeredGI, .national, .municipal])
    #expect(gaps[0].candidates.first?.station.id == "station:s4")
    #expect(gaps.allSatisfy { $0.candidates.count == 3 })
  }

  @Test func coverageHTMLIsSelfContained() throws {
    let (_, catalog) = try network()
    let report = try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog))
    let html = renderCoverageHTML(report, generated: "2026-11-25")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg").count - 1 == 13 + report.targets.count)
    #expect(!html.contains("<script"))
    // The only URL is the SVG namespace name, which is never fetched.
    let urls = html.components(separatedBy: "http").count - 1
    #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    #expect(!html.contains("src="))
  }

  @Test func csvQuotesWhatNeedsIt() {
    #expect(renderCSV(["a", "b"], [["x,y", "say \"hi\""]]) == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n")
  }
}
