import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// Queries as tour-service staff type them, on records no other test uses
/// (`Fixtures/search/staff-queries.xml`), and on the samples the issue names.
@Suite(.removesTemporaryFolders) struct StaffQueryTests {
  static let catalog = catalog(of: [Fixtures.path("search/staff-queries.xml")])
  static let samples = catalog(of: [Fixtures.samples])

  static func catalog(of paths: [String]) -> Catalog {
    let folder = sharedTemporaryFolder()
    let report = try! importInto(folder, paths)
    precondition(report.committed, "\(report.errors)")
    return try! Catalog.open(folder: folder)
  }

  func topThree(_ text: String, in catalog: Catalog = Self.catalog) throws -> [String] {
    Array(try catalog.search(SearchQuery(text: text)).hits.map(\.id).prefix(3))
  }

  @Test(arguments: [
    ("min2ju4", "ich:min-opera"), ("min2 ju4", "ich:min-opera"), ("ｍｉｎｊｕ", "ich:min-opera"),
    ("ＭＩＮ　ＪＵ", "ich:min-opera"), ("《闽剧》", "ich:min-opera"), ("闽剧。", "ich:min-opera"),
    ("“寿山石”", "gi:shoushan-stone"), ("福州·茉莉", "gi:fuzhou-jasmine-tea"), ("abalones", "gi:lianjiang-abalone"),
    ("umbrellas", "ich:fuzhou-oil-paper-umbrella"), ("carvings", "ich:shoushan-stone-carving"),
  ])
  func theIssuesOwnExamplesOnTheSamples(text: String, id: String) throws {
    #expect(try topThree(text, in: Self.samples).contains(id))
  }

  @Test(arguments: [
    ("yong3tai4", "gi:yongtai-dried-plum"), ("yong3 tai4 li3 gan1", "gi:yongtai-dried-plum"),
    ("ruan3mu4hua4", "ich:cork-painting"), ("ruan3 mu4 hua4", "ich:cork-painting"),
    ("lv3you2", "station:sanfang-tourist-point"), ("lü3 you2", "station:sanfang-tourist-point"),
    ("LV3YOU2", "station:sanfang-tourist-point"),
  ])
  func pinyinWithToneNumbers(text: String, id: String) throws {
    #expect(try topThree(text).contains(id))
  }

  @Test(arguments: [
    ("ｙｏｎｇｔａｉ", "gi:yongtai-dried-plum"), ("ＹＯＮＧ　ＴＡＩ", "gi:yongtai-dried-plum"),
    ("ＲＵＡＮＭＵＨＵＡ", "ich:cork-painting"), ("ｃｏｒｋ　ｐａｉｎｔｉｎｇ", "ich:cork-painting"),
  ])
  func fullWidthLettersFromAnInputMethod(text: String, id: String) throws {
    #expect(try topThree(text).contains(id))
  }

  @Test(arguments: [
    ("《软木画》", "ich:cork-painting"), ("软木画。", "ich:cork-painting"), ("“永泰李干”", "gi:yongtai-dried-plum"),
    ("福州·脱胎", "gi:fuzhou-bodiless-lacquerware"), ("永泰·李干", "gi:yongtai-dried-plum"),
  ])
  func chinesePunctuationAroundOrInside(text: String, id: String) throws {
    #expect(try topThree(text).contains(id))
  }

  @Test func punctuationAroundAWholeNameIsStillAnExactMatch() throws {
    let hits = try Self.catalog.search(SearchQuery(text: "《软木画》")).hits
    #expect(hits.first?.id == "ich:cork-painting" && hits.first?.match == .exactName)
  }

  @Test(arguments: [
    ("paintings", "ich:cork-painting"), ("plums", "gi:yongtai-dried-plum"), ("carvings", "ich:cork-painting"),
    ("lacquers", "gi:fuzhou-bodiless-lacquerware"), ("techniques", "ich:bodiless-lacquer-decoration"),
  ])
  func englishPluralsAndEndings(text: String, id: String) throws {
    #expect(try topThree(text).contains(id))
  }

  @Test func stemsLeaveChineseAndShortWordsAlone() {
    #expect(EnglishStem.stem("paintings") == "painting")
    #expect(EnglishStem.stem("berries") == "berry")
    #expect(EnglishStem.stem("dishes") == "dish")
    #expect(EnglishStem.stem("scented") == "scent")
    #expect(EnglishStem.stem("glass") == nil)
    #expect(EnglishStem.stem("tea") == nil)
    #expect(EnglishStem.stem("闽剧们") == nil)
  }

  @Test(arguments: ["福州脱胎漆器", "fuzhoutuotaiqiqi", "fú zhōu tuō tāi qī qì", "Fuzhou Bodiless Lacquerware"])
  func exactWholeNameRanksFirstInEveryScript(text: String) throws {
    let hits = try Self.catalog.search(SearchQuery(text: text)).hits
    // The national ICH item whose name only starts with the GI product's comes second.
    #expect(
      hits.prefix(2).map(\.id) == ["gi:fuzhou-bodiless-lacquerware", "ich:bodiless-lacquer-decoration"])
    #expect(hits.first?.match == .exactName)
  }

  @Test(arguments: ["寿山石", "shoushanshi", "shòu shān shí", "Shoushan Stone"])
  func shoushanStoneBeforeShoushanStoneCarving(text: String) throws {
    let hits = try Self.samples.search(SearchQuery(text: text)).hits
    #expect(hits.prefix(2).map(\.id) == ["gi:shoushan-stone", "ich:shoushan-stone-carving"])
    #expect(hits.first?.match == .exactName)
  }

  @Test(arguments: [("软木划", "软木画"), ("永泰李千", "永泰李干"), ("福州脱胎膝器", "福州脱胎漆器")])
  func chineseNearMissGetsTheClosestName(text: String, suggested: String) throws {
    let results = try Self.catalog.search(SearchQuery(text: text))
    #expect(results.hits.isEmpty)
    #expect(results.suggestion == suggested)
  }

  @Test func shoushanCarvingNearMissOnTheSamples() throws {
    let results = try Self.samples.search(SearchQuery(text: "寿山石凋"))
    #expect(results.hits.isEmpty)
    #expect(results.suggestion == "寿山石雕")
  }

  @Test func chineseQueryFarFromEveryNameGetsNoSuggestion() throws {
    let results = try Self.catalog.search(SearchQuery(text: "火星探测"))
    #expect(results.hits.isEmpty && results.suggestion == nil)
  }
}
