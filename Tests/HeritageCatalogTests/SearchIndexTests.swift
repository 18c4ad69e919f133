import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// The search index's tables stay in step with the current records.
@Suite(.removesTemporaryFolders) struct SearchIndexTests {
  /// Every current record has one row of texts and one row in each full-text index (the
  /// names' own one included), after an import, an update and a rebuild.
  @Test func eachIndexHoldsOneRowPerRecord() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let catalog = try Catalog.create(folder: folder)
    func expectWhole(_ step: String) throws {
      let counts = try catalog.searchIndexRowCounts()
      #expect(counts.texts == 3 && counts.everything == 3 && counts.names == 3, "\(step): \(counts)")
    }
    try expectWhole("import")
    _ = try importInto(folder, [Fixtures.path("updated-opera.xml")])
    try expectWhole("update")
    try catalog.reindex()
    try expectWhole("reindex")
  }
}
