import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// A harvest header names the districts of the record's current revision (its `district:`
/// sets), read from the record's own row (migration v14): after an import, after a file taken
/// back, and in a catalog written before the row held them.
@Suite(.removesTemporaryFolders) struct HarvestHeaderTests {
  func expectDistrictsOfTheirRecords(_ catalog: Catalog, _ comment: Comment) throws {
    let entries = try catalog.harvest(HarvestSelection(), after: nil, limit: 100_000, withRecords: false)
      .entries
    #expect(entries.count > 20, comment)
    var withDistricts = 0
    for entry in entries {
      let record = try catalog.details(id: entry.id).record
      #expect(entry.districts == Set(record.districts).sorted(), "\(entry.id): \(comment)")
      if !entry.districts.isEmpty { withDistricts += 1 }
    }
    #expect(withDistricts >= 15, comment)
    #expect(entries.contains { $0.districts.count > 1 }, comment)
  }

  @Test func headersOfAnImportedCatalog() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples, Fixtures.path("good")]).errors.isEmpty)
    try expectDistrictsOfTheirRecords(try Catalog.open(folder: folder), "imported")
    // update-then-error.xml moves station:test-post to 台江区, and is taken back.
    let files = ["update-then-error.xml", "points-into-refused.xml", "clean.xml"].map {
      Fixtures.path("keep-going/\($0)")
    }
    #expect(try importInto(folder, files, options: ImportOptions(keepGoing: true)).refusedFiles.count == 2)
    let catalog = try Catalog.open(folder: folder)
    try expectDistrictsOfTheirRecords(catalog, "after a take-back")
    #expect(try catalog.harvestEntry(id: "station:test-post", withRecord: false)?.districts == ["350102"])
  }

  @Test func headersOfACatalogWrittenBeforeTheRowsHeldTheirDistricts() throws {
    let folder = temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/v11/catalog.sqlite"),
      to: folder.appendingPathComponent("catalog.sqlite"))
    try expectDistrictsOfTheirRecords(try Catalog.create(folder: folder), "migrated")
  }

  /// The `<setSpec>` elements a provider writes once and copies into each header are the ones
  /// the header would have written itself: the same elements, in the same order, for every
  /// record (only the whitespace between tags may differ).
  @Test func setSpecsWrittenOnceAreTheOnesWrittenEachTime() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples, Fixtures.path("good")]).errors.isEmpty)
    let catalog = try Catalog.open(folder: folder)
    let provider = OAIProvider(
      catalog: catalog, settings: try OAISettings(), links: .init(baseURL: "http://127.0.0.1:8080"))
    #expect(provider.setSpecTags.count == RecordKind.allCases.count + catalog.gazetteer.districts.count)
    let entries = try catalog.harvest(HarvestSelection(), after: nil, limit: 100_000, withRecords: false)
      .entries
    func header(_ entry: HarvestEntry, tags: [String: [UInt8]]) -> String {
      let response = OAIResponseWriter(
        responseDate: "2026-11-26T00:00:00Z", endpoint: "http://x/oai", echo: nil)
      response.header(entry, repository: "heritage.example", setSpecTags: tags)
      return String(decoding: response.finish(), as: UTF8.self)
        .replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression)
    }
    var copied = 0
    for entry in entries {
      let written = header(entry, tags: [:])
      #expect(header(entry, tags: provider.setSpecTags) == written, "\(entry.id)")
      #expect(written.contains("<setSpec>\(entry.kind.shortName)</setSpec>"), "\(entry.id)")
      copied += entry.districts.count + 1
    }
    #expect(copied > entries.count)
  }
}
