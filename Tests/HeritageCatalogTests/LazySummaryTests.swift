import Testing

@testable import HeritageCatalog

/// Search candidates are read without their summaries; a row asks for its summary only when
/// its class depends on it, and is then classified with it.
@Suite struct LazySummaryTests {
  func row(names: [String], summary: String?) -> IndexedRecord {
    IndexedRecord(
      recordID: "gi:test", kind: .giProduct, status: .active, levelRank: ListingLevel.allCases.count,
      names: names, aliasText: "", keywordText: "", placeText: "", summaryText: summary, namePinyin: [],
      primaryName: names[0], districtCodes: "")
  }

  @Test func aNameMatchDoesNotAskForTheSummary() throws {
    let plan = try SearchPlan("茉莉")
    var asked = false
    #expect(
      plan.classify(row(names: ["福州茉莉花茶"], summary: nil), pinyin: Pinyin(), askedForSummary: &asked)
        == .nameContains)
    #expect(!asked)
  }

  @Test(arguments: ["茉莉", "jasmine", "mo li"])
  func aRowThatMatchesOnlyInItsSummaryAsksForIt(text: String) throws {
    let plan = try SearchPlan(text)
    var asked = false
    #expect(
      plan.classify(row(names: ["连江鲍鱼"], summary: nil), pinyin: Pinyin(), askedForSummary: &asked) == nil)
    #expect(asked, "\(text)")
    let summary = "以茉莉花窨制 jasmine scented; mo li"
    #expect(plan.classify(row(names: ["连江鲍鱼"], summary: summary), pinyin: Pinyin()) == .summary, "\(text)")
  }
}
