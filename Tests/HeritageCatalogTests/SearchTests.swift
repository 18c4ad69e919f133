import Foundation
import HeritageCatalog
import TestSupport
import Testing

@Suite(.removesTemporaryFolders) struct SearchTests {
  static let catalog: Catalog = {
    let folder = sharedTemporaryFolder()
    _ = try! importInto(folder, [Fixtures.samples])
    return try! Catalog.create(folder: folder)
  }()

  func ids(_ text: String, _ configure: (inout SearchQuery) -> Void = { _ in }) throws -> [String] {
    var query = SearchQuery(text: text)
    configure(&query)
    return try Self.catalog.search(query).hits.map(\.id)
  }

  @Test(arguments: ["闽剧", "閩劇", "minju", "min ju", "mǐn jù", "MinJu", "ｍｉｎｊｕ"])
  func minOperaInEveryForm(text: String) throws {
    #expect(try ids(text).first == "ich:min-opera")
  }

  @Test func twoCharactersAreEnough() throws {
    #expect(try ids("评话") == ["ich:fuzhou-pinghua"])
    #expect(try ids("寿山") == ["ich:shoushan-stone-carving", "gi:shoushan-stone"])
  }

  @Test func oneCharacterWorks() throws {
    #expect(try ids("伞") == ["ich:fuzhou-oil-paper-umbrella"])
  }

  @Test func initialsFindNames() throws {
    #expect(try ids("mlhc").contains("gi:fuzhou-jasmine-tea"))
    #expect(try ids("ssdiao") == [])
    #expect(try ids("sssd") == ["ich:shoushan-stone-carving"])
  }

  @Test func overriddenReadings() throws {
    #expect(try ids("changle").first == "station:changle-pilot")
    #expect(try ids("fuzhouchiyi") == ["ich:fuzhou-chiyi"])
  }

  @Test func englishPrefixCaseInsensitive() throws {
    #expect(
      try ids("JASM") == [
        "ich:jasmine-tea-scenting", "gi:fuzhou-jasmine-tea", "station:jasmine-tea-gi-guidance",
      ])
    #expect(try ids("abalone") == ["gi:lianjiang-abalone"])
  }

  @Test func mixedQueriesMeanAllTerms() throws {
    #expect(try ids("jasmine 仓山") == ["gi:fuzhou-jasmine-tea", "station:jasmine-tea-gi-guidance"])
    #expect(try ids("jasmine 平潭") == [])
  }

  @Test func rankingExactThenPrefixThenContains() throws {
    let hits = try Self.catalog.search(SearchQuery(text: "福州茉莉花茶")).hits
    #expect(
      hits.map(\.id) == [
        "gi:fuzhou-jasmine-tea", "station:jasmine-tea-gi-guidance", "ich:jasmine-tea-scenting",
      ])
    #expect(hits.map(\.match) == [.exactName, .namePrefix, .nameContains])
  }

  @Test func rankingAliasKeywordSummary() throws {
    let alias = try Self.catalog.search(SearchQuery(text: "福州戏")).hits
    #expect(alias.map(\.id) == ["ich:min-opera"] && alias.first?.match == .alias)
    let keyword = try Self.catalog.search(SearchQuery(text: "戏曲")).hits
    #expect(keyword.map(\.id) == ["ich:min-opera"] && keyword.first?.match == .keyword)
    let summary = try Self.catalog.search(SearchQuery(text: "方言")).hits
    // All national: the shorter name first, then by id.
    #expect(summary.map(\.id) == ["ich:min-opera", "ich:fuzhou-chiyi", "ich:fuzhou-pinghua"])
    #expect(summary.allSatisfy { $0.match == .summary })
  }

  @Test func levelsBreakTies() throws {
    // Both names contain 茉莉; the UNESCO-listed item comes first, then by shorter name.
    #expect(
      try ids("茉莉") == [
        "ich:jasmine-tea-scenting", "gi:fuzhou-jasmine-tea", "station:jasmine-tea-gi-guidance",
      ])
  }

  @Test func filters() throws {
    #expect(try ids("茉莉") { $0.kind = .station } == ["station:jasmine-tea-gi-guidance"])
    #expect(try ids("fuzhou") { $0.level = .municipal } == ["ich:fuzhou-oil-paper-umbrella"])
    #expect(try ids("石") { $0.category = "Ⅶ" } == ["ich:shoushan-stone-carving"])
    #expect(try ids("先行所") { $0.district = "鼓樓區" } == ["station:gulou-pilot"])
    #expect(
      try ids("先行所") {
        $0.stationType = .pilotStation
        $0.limit = 100
      }.count == 13)
    #expect(try ids("先行所") { $0.limit = 3 }.count == 3)
  }

  @Test func nearOrdersByDistanceWithin() throws {
    let hits = try Self.catalog.search(
      SearchQuery(text: "先行所", near: Origin("gi:lianjiang-abalone"), within: 25, limit: 50)
    ).hits
    #expect(hits.first?.id == "station:lianjiang-pilot")
    #expect(hits.first?.kilometers == 0)
    let distances = hits.compactMap(\.kilometers)
    #expect(distances == distances.sorted() && distances.allSatisfy { $0 <= 25 })
    #expect(hits.count == distances.count && hits.count >= 2)
  }

  @Test func withdrawnOnlyWhenAsked() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    _ = try importInto(folder, [Fixtures.path("updated-opera.xml")])
    let catalog = try Catalog.create(folder: folder)
    #expect(try catalog.search(SearchQuery(text: "测试戏")).hits.map(\.id) == ["ich:test-opera-two"])
    let all = try catalog.search(SearchQuery(text: "测试戏", includeWithdrawn: true)).hits.map(\.id)
    #expect(all == ["ich:test-opera", "ich:test-opera-two"])
    // Rebuilding the index gives the same answers.
    #expect(try catalog.reindex() == 3)
    #expect(try catalog.search(SearchQuery(text: "测试戏", includeWithdrawn: true)).hits.map(\.id) == all)
  }

  @Test(arguments: ["\"", "*", "😀", "''"])
  func unsearchableQueriesGetAClearMessage(text: String) throws {
    #expect {
      try Self.catalog.search(SearchQuery(text: text))
    } throws: { error in
      (error as? CatalogError)?.description
        == "the query “\(text)” holds no letters, digits or Chinese characters to search for"
    }
  }

  /// FTS5 and SQL syntax in a query is text: each query gives what its words alone give.
  @Test(arguments: [
    ("NEAR(", [String]()), ("AND", []), ("OR 闽剧", []), ("\"闽剧\"", ["ich:min-opera"]),
    ("闽剧*", ["ich:min-opera"]), ("min* ju", ["ich:min-opera"]), ("{name} : x", []),
    ("闽剧 NOT", []), ("闽剧'; DROP TABLE record; --", []),
  ])
  func syntaxInQueriesIsJustText(text: String, expected: [String]) throws {
    #expect(try ids(text) == expected)
    #expect(try ids(text) == ids(String(text.map { $0.isLetter || $0.isNumber ? $0 : " " })))
  }

  @Test func columnSyntaxIsTheWordsAlone() throws {
    #expect(try ids("jasmine:tea") == ids("jasmine tea"))
    #expect(try !ids("jasmine:tea").isEmpty)
  }

  @Test func tooLongQueryGetsAClearMessage() throws {
    let text = String(repeating: "闽", count: 10_000)
    #expect {
      try Self.catalog.search(SearchQuery(text: text))
    } throws: { error in
      (error as? CatalogError)?.description == "the query is 10000 characters long; at most 200 are searched"
    }
  }

  @Test func suggestsTheNearestSpellingWithResults() throws {
    let results = try Self.catalog.search(SearchQuery(text: "jasmne"))
    #expect(results.hits.isEmpty)
    #expect(results.suggestion == "jasmine")
  }

  @Test func jsonFieldsAreStable() throws {
    let results = try Self.catalog.search(SearchQuery(text: "闽剧"))
    let json = try renderJSON(results)
    #expect(json.contains("\"match\" : \"name\""))
    #expect(json.contains("\"id\" : \"ich:min-opera\""))
    #expect(json.contains("\"level\" : \"national\""))
  }
}
