import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// A Han query whose name matches fill the page is answered from the names alone; that page
/// must be the head of the full ranking (`Fixtures/search/name-tier.xml`: names that hold 茉莉
/// at every position and listing level, alternative names that hold 闽剧 and 别名).
@Suite(.removesTemporaryFolders) struct NameColumnTierTests {
  static let folder: URL = {
    let folder = sharedTemporaryFolder()
    let report = try! importInto(folder, [Fixtures.path("search/name-tier.xml")])
    precondition(report.committed, "\(report.errors)")
    return folder
  }()

  @Test(arguments: ["茉莉", "莉", "茉", "研究", "传统", "別名", "别名", "闽剧", "茉莉研究", "传统 茉莉", "技艺"])
  func namesThatFillThePageGiveTheFullRanking(text: String) throws {
    let catalog = try Catalog.open(folder: Self.folder)
    let plan = try SearchPlan(text)
    var answered = 0
    for kind: RecordKind? in [nil, .giProduct, .heritageItem] {
      let full = try catalog.search(SearchQuery(text: text, kind: kind, limit: 1000)).hits
      for limit in [1, 3, 5, 10, 20, 40] {
        let hits = try catalog.nameColumnHits(
          plan, filters: IndexFilters(kind: kind), limit: limit, pageSize: limit * 4 + 50)
        guard let hits else {
          // Not answered: fewer name matches than the page holds.
          #expect(full.prefix(limit).filter { $0.match <= .nameContains }.count < limit)
          continue
        }
        answered += 1
        #expect(
          hits.prefix(limit).map(\.id) == full.prefix(limit).map(\.id),
          "\(text), \(limit), \(String(describing: kind))")
        #expect(hits.prefix(limit).map(\.match) == full.prefix(limit).map(\.match))
      }
    }
    #expect(answered > 0 || ["别名", "別名", "闽剧"].contains(text), "\(text)")
  }

  /// Latin words are left to the names and alternative names (a name may match by its pinyin).
  @Test func latinQueriesAreNotAnswered() throws {
    let catalog = try Catalog.open(folder: Self.folder)
    for text in ["moli", "jasmine", "茉莉 jasmine"] {
      #expect(
        try catalog.nameColumnHits(SearchPlan(text), filters: IndexFilters(), limit: 1, pageSize: 54) == nil)
    }
  }
}
