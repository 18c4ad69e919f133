import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

@Suite(.removesTemporaryFolders) struct ModelTests {
  @Test(arguments: [
    "2009", "2009-08", "2009-08-15", "1368/1644", "19XX", "2004-XX", "2001-21", "1984?", "2004-06~",
    "../2006", "1990/", "-0500",
  ])
  func validEDTF(value: String) {
    #expect(EDTF.isValid(value))
  }

  @Test(arguments: ["", "2009-13", "2009-02-30", "1368/16444", "09", "2009/2010/2011", "/", "明代", "2009-1-1"])
  func invalidEDTF(value: String) {
    #expect(!EDTF.isValid(value))
  }

  /// The rank a listing level is stored with in the search index (and ranked by) is its place
  /// in the order the levels are declared, with no listing after all of them.
  @Test func listingLevelsRankInTheirDeclaredOrder() {
    #expect(ListingLevel.allCases.map(\.rank) == Array(ListingLevel.allCases.indices))
    #expect(ListingLevel.unlistedRank == ListingLevel.allCases.count)
    #expect(ListingLevel.allCases.sorted() == ListingLevel.allCases)
    #expect(ListingLevel.allCases.reversed().sorted() == ListingLevel.allCases)
  }

  @Test func categoryCodesInEveryForm() {
    #expect(ICHCategory(code: "IV")?.name == "传统戏剧")
    #expect(ICHCategory(code: "Ⅳ")?.code == "IV")
    #expect(ICHCategory(code: "4")?.code == "IV")
    #expect(ICHCategory(code: "XI") == nil)
  }

  @Test func gazetteerSuggestsTheClosestDistrict() throws {
    let gazetteer = try Gazetteer.bundled()
    #expect(gazetteer.districts.count == 13)
    #expect(gazetteer.suggestions(for: "鼓搂区") == ["鼓楼区"])
    #expect(gazetteer.district(named: "閩侯縣")?.code == "350121")
    #expect(gazetteer.district(named: "Changle")?.name == "长乐区")
    #expect(gazetteer.district(named: "350181")?.name == "福清市")
  }

  @Test func displayWidthCountsCJKAsTwoColumns() {
    #expect(displayWidth("闽剧") == 4)
    #expect(displayWidth("abc") == 3)
    #expect(renderTable(["a", "b"], [["闽剧", "x"], ["ab", "y"]]) == "a     b\n闽剧  x\nab    y")
  }

  @Test func originIsAPointOrARecord() {
    #expect(Origin("26.08, 119.30") == .point(GeoPoint(lat: 26.08, lon: 119.30)))
    #expect(Origin("gi:lianjiang-abalone") == .record("gi:lianjiang-abalone"))
    #expect(Origin("91,0") == nil)
    #expect(Origin("0,181") == nil)
    #expect(Origin("  ") == nil)
  }

  @Test func openEnumerationsKeepUnknownWords() throws {
    #expect(ProtectionStatus(rawValue: "revoked") == .revoked)
    #expect(ProtectionStatus(rawValue: "suspended") == .other("suspended"))
    let decoded = try JSONDecoder().decode([ListingType].self, from: Data(#"["new","extension","补充"]"#.utf8))
    #expect(decoded == [.new, .extension, .other("补充")])
    #expect(
      String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["new","extension","补充"]"#)
  }
}
