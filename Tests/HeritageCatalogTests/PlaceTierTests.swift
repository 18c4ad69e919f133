import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// A query that is part of a district's name reads the place matches in rank order; its page
/// must be the head of the full ranking (`Fixtures/search/place-tier.xml`: 60 records of four
/// districts, some with district names in their names, aliases, keywords and summaries, at
/// every listing level, of both kinds, some withdrawn).
@Suite(.removesTemporaryFolders) struct PlaceTierTests {
  static let folder: URL = {
    let folder = sharedTemporaryFolder()
    let report = try! importInto(folder, [Fixtures.path("search/place-tier.xml")])
    precondition(report.committed, "\(report.errors)")
    return folder
  }()

  @Test(arguments: ["鼓楼区", "鼓楼", "仓山", "仓山区", "连江", "连江县", "长乐区", "楼区", "江", "区"])
  func walkingThePlacesInRankOrderGivesTheFullRanking(text: String) throws {
    let catalog = try Catalog.open(folder: Self.folder)
    let plan = try SearchPlan(text)
    var walks = 0
    for kind: RecordKind? in [nil, .giProduct, .heritageItem] {
      let full = try catalog.search(SearchQuery(text: text, kind: kind, limit: 1000)).hits
      for limit in [1, 3, 5, 10, 20, 40] {
        let hits = try catalog.placeTierHits(
          plan, filters: IndexFilters(kind: kind), limit: limit, pageSize: limit * 4 + 50, walkAbove: 1)
        guard let hits else { continue }
        walks += 1
        #expect(
          hits.prefix(limit).map(\.id) == full.prefix(limit).map(\.id),
          "\(text), limit \(limit), \(String(describing: kind))")
        #expect(hits.prefix(limit).map(\.match) == full.prefix(limit).map(\.match))
      }
    }
    // Every query here is part of a district name held by a quarter of the records: the walk
    // answers the pages that name, alias and keyword matches do not fill.
    #expect(walks > 0, "\(text)")
  }

  /// The walk answers only when the districts hold at least `walkAbove` records, and leaves
  /// withdrawn records, facets and queries that are not one run of Han characters to the full
  /// ranking.
  @Test func theWalkAnswersOnlyWhatItCan() throws {
    let catalog = try Catalog.open(folder: Self.folder)
    let plan = try SearchPlan("鼓楼区")
    #expect(
      try catalog.placeTierHits(plan, filters: IndexFilters(), limit: 5, pageSize: 70, walkAbove: 1) != nil)
    #expect(
      try catalog.placeTierHits(plan, filters: IndexFilters(), limit: 5, pageSize: 70, walkAbove: 61) == nil)
    #expect(
      try catalog.placeTierHits(
        plan, filters: IndexFilters(includeWithdrawn: true), limit: 5, pageSize: 70, walkAbove: 1) == nil)
    #expect(
      try catalog.placeTierHits(
        plan, filters: IndexFilters(facets: [(.level, "national")]), limit: 5, pageSize: 70, walkAbove: 1)
        == nil)
    for text in ["gulou", "鼓楼 茉莉", "茉莉"] {
      #expect(
        try catalog.placeTierHits(
          try SearchPlan(text), filters: IndexFilters(), limit: 5, pageSize: 70, walkAbove: 1) == nil,
        "\(text)")
    }
    // More than the district holds: the summary matches after the places need the full ranking.
    #expect(
      try catalog.placeTierHits(plan, filters: IndexFilters(), limit: 40, pageSize: 210, walkAbove: 1) == nil)
  }
}
