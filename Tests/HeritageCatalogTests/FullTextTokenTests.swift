import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// The full-text tables take the indexer's tokens as written (migration v16: FTS5's `ascii`
/// tokenizer, per-column detail): a word of any script is one token, found whole and by its
/// beginning, a changed record is found by its new words only, and a catalog an older version
/// wrote answers every query as one imported now.
@Suite(.removesTemporaryFolders) struct FullTextTokenTests {
  static let item = "ich:scripts-test-item"

  func scriptsCatalog(_ files: [String]) throws -> Catalog {
    let folder = temporaryFolder()
    for file in files {
      #expect(try importInto(folder, [Fixtures.path("search/\(file)")]).errors.isEmpty)
    }
    return try Catalog.create(folder: folder)
  }

  func finds(_ text: String, in catalog: Catalog) throws -> Bool {
    try catalog.search(SearchQuery(text: text, limit: 20)).hits.contains {
      $0.id == Self.item && $0.match == .keyword
    }
  }

  /// Devanagari and Thai words hold combining marks; `unicode61` cut them into several
  /// tokens, which per-column detail cannot match as a phrase.
  @Test(arguments: ["हिन्दी", "हि", "ภาษาไทย", "ภาษา", "москва", "МОСК", "søren", "Søren", "cafe", "naive"])
  func aWordOfAnyScriptIsFoundWholeAndByItsBeginning(text: String) throws {
    #expect(try finds(text, in: scriptsCatalog(["scripts.xml"])))
  }

  @Test func aChangedRecordIsFoundByItsNewWordsOnly() throws {
    let catalog = try scriptsCatalog(["scripts.xml", "scripts-changed.xml"])
    for old in ["हिन्दी", "москва", "søren"] { #expect(try !finds(old, in: catalog), "\(old)") }
    for new in ["मराठी", "казань", "åse", "ภาษาไทย"] { #expect(try finds(new, in: catalog), "\(new)") }
  }

  @Test func aMigratedCatalogAnswersAsOneImportedNow() throws {
    let migrated = temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/v11/catalog.sqlite"),
      to: migrated.appendingPathComponent("catalog.sqlite"))
    let fresh = temporaryFolder()
    #expect(try importInto(fresh, [Fixtures.samples]).errors.isEmpty)
    let old = try Catalog.create(folder: migrated)
    let new = try Catalog.create(folder: fresh)
    #expect(old.appliedMigrations.contains("v16"))
    let queries = [
      "茉莉", "茶", "闽剧", "閩劇", "寿山石", "鼓楼区", "molihua", "mòlì", "min2ju4", "mlhc", "jasmine", "teas",
      "lacquer", "fuzhou", "知识产权", "服务点", "tea 茶",
    ]
    var hits = 0
    for text in queries {
      let query = SearchQuery(text: text, limit: 50, includeWithdrawn: true)
      let answer = try old.search(query).hits
      #expect(answer == (try new.search(query).hits), "\(text)")
      hits += answer.count
    }
    #expect(hits > 50)
  }
}
