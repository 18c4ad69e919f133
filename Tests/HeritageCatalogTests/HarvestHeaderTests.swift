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
}
