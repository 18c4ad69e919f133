import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// ICH category labels: the official names, folded forms and the 2006 names are accepted;
/// only a label naming another category is refused.
@Suite(.removesTemporaryFolders) struct CategoryTests {
  static let official: [(code: String, name: String)] = [
    ("I", "民间文学"), ("II", "传统音乐"), ("III", "传统舞蹈"), ("IV", "传统戏剧"), ("V", "曲艺"),
    ("VI", "传统体育、游艺与杂技"), ("VII", "传统美术"), ("VIII", "传统技艺"), ("IX", "传统医药"), ("X", "民俗"),
  ]

  @Test(arguments: official)
  func tableCarriesTheOfficialName(code: String, name: String) {
    #expect(ICHCategory(code: code)?.name == name)
    #expect(ICHCategory.category(namedBy: name)?.code == code)
  }

  @Test(arguments: official)
  func nameWithoutPunctuationOrInTraditionalNamesTheSameCategory(code: String, name: String) {
    let bare = name.filter { $0 != "、" }
    #expect(ICHCategory.category(namedBy: bare)?.code == code)
    let traditional = bare.applyingTransform(StringTransform("Simplified-Traditional"), reverse: false)!
    #expect(ICHCategory.category(namedBy: traditional)?.code == code)
    #expect(ICHCategory.category(namedBy: " \(name)。")?.code == code)
  }

  @Test(arguments: [("II", "民间音乐"), ("III", "民间舞蹈"), ("VI", "杂技与竞技"), ("VII", "民间美术"), ("VIII", "传统手工技艺")])
  func firstBatchNamesAreAliases(code: String, name: String) {
    #expect(ICHCategory.category(namedBy: name)?.code == code)
  }

  @Test func labelNamingNoCategoryNamesNone() {
    #expect(ICHCategory.category(namedBy: "传统技艺（窨制）") == nil)
    #expect(ICHCategory.category(namedBy: "") == nil)
  }

  /// Imports `file` alone and returns its records by id.
  func imported(_ file: String) throws -> (ImportReport, [String: Record]) {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try importInto(folder, [Fixtures.path("categories/\(file)")])
    let catalog = try Catalog.open(folder: folder)
    let ids = try catalog.search(SearchQuery(text: "测试项目", limit: 100)).hits.map(\.id)
    let records = try Dictionary(uniqueKeysWithValues: ids.map { ($0, try catalog.details(id: $0).record) })
    return (report, records)
  }

  @Test func everyOfficialNameIsAcceptedAsWritten() throws {
    let (report, records) = try imported("current-names.xml")
    #expect(report.errors.isEmpty && report.inserted == 10)
    for (code, name) in Self.official {
      let category = records["ich:current-\(code.lowercased())"]?.heritageItem?.category
      #expect(category?.code == code && category?.name == name && category?.label == nil)
    }
  }

  @Test func foldedFormsAreAcceptedUnderTheCurrentName() throws {
    let (report, records) = try imported("folded-names.xml")
    #expect(report.errors.map(\.description) == [])
    #expect(report.inserted == 14)
    #expect(records["ich:traditional-vi"]?.heritageItem?.category.code == "VI")
    // Traditional characters, punctuation and spacing alone are no different label.
    #expect(records["ich:traditional-vi"]?.heritageItem?.category.label == nil)
    #expect(records["ich:no-comma-vi"]?.heritageItem?.category.name == "传统体育、游艺与杂技")
    #expect(records["ich:full-width-comma-vi"]?.heritageItem?.category.label == nil)
    #expect(records["ich:spaced-viii"]?.heritageItem?.category.label == nil)
  }

  @Test func firstBatchRecordsAreStoredUnderTheCodeAndShownWithTodaysName() throws {
    let (report, records) = try imported("first-batch-2006.xml")
    #expect(report.errors.map(\.description) == [])
    let category = records["ich:first-batch-vii"]?.heritageItem?.category
    #expect(category?.code == "VII" && category?.name == "传统美术" && category?.label == "民间美术")
    #expect(records["ich:first-batch-vi"]?.heritageItem?.category.name == "传统体育、游艺与杂技")
  }

  @Test func showNotesTheLabelAsWritten() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try importInto(folder, [Fixtures.path("categories/first-batch-2006.xml")])
    let catalog = try Catalog.open(folder: folder)
    let text = renderRecord(try catalog.details(id: "ich:first-batch-viii"), gazetteer: catalog.gazetteer)
    #expect(text.contains("category      VIII 传统技艺  (written 传统手工技艺)"))
  }

  @Test func storedOlderSpellingDecodesWithTodaysName() throws {
    let stored = Data(#"{"code":"VI","name":"传统体育游艺与杂技"}"#.utf8)
    let category = try JSONDecoder().decode(ICHCategory.self, from: stored)
    #expect(category.name == "传统体育、游艺与杂技" && category.label == nil)
  }
}
