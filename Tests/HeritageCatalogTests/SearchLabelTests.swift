import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// A hit is shown by its record's first Chinese name, with the names of its districts: taken
/// from the search rows themselves (migration v12), in a catalog imported now and in one that
/// an older version wrote and this one migrated.
@Suite(.removesTemporaryFolders) struct SearchLabelTests {
  static let queries = ["闽剧", "茉莉", "jasmine", "mj", "寿山", "鼓楼", "福州", "连江", "tea", "仓山", "马尾", "lacquer"]

  /// Checks every hit of every query against its record.
  func expectLabelsOfTheirRecords(in catalog: Catalog) throws {
    var withDistricts = 0
    for text in Self.queries {
      let hits = try catalog.search(SearchQuery(text: text, limit: 50, includeWithdrawn: true)).hits
      #expect(!hits.isEmpty, "\(text)")
      for hit in hits {
        let record = try catalog.details(id: hit.id).record
        #expect(hit.name == record.primaryName, "\(text): \(hit.id)")
        let districts = record.districts.sorted().compactMap { catalog.gazetteer.district(code: $0)?.name }
        #expect(hit.districts == districts, "\(text): \(hit.id)")
        if !districts.isEmpty { withDistricts += 1 }
      }
    }
    #expect(withDistricts > 10)
  }

  @Test func hitsOfAnImportedCatalog() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    try expectLabelsOfTheirRecords(in: try Catalog.create(folder: folder))
  }

  @Test func hitsOfACatalogWrittenBeforeTheRowsHeldTheirLabels() throws {
    let folder = temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/v11/catalog.sqlite"),
      to: folder.appendingPathComponent("catalog.sqlite"))
    try expectLabelsOfTheirRecords(in: try Catalog.create(folder: folder))
  }
}
