import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// The name tier answers one-word and one-run queries whose exact and prefix matches fill the
/// page; its answer must be the head of the full ranking, which the full-text path gives for
/// a page too large for the tier to fill (`Fixtures/search/name-tier.xml`: 300 names sharing
/// starts in Chinese, traditional characters, English and pinyin, at every listing level,
/// some withdrawn).
@Suite(.removesTemporaryFolders) struct NameTierTests {
  static let folder: URL = {
    let folder = sharedTemporaryFolder()
    let report = try! importInto(folder, [Fixtures.path("search/name-tier.xml")])
    precondition(report.committed, "\(report.errors)")
    return folder
  }()

  static let queries = [
    "茉莉", "茉", "茉莉花", "閩劇", "jasmine", "jasm", "jasmines", "Jasmin", "moli", "mo2li4", "mlh", "min",
    "longan", "龙眼", "shoushan", "寿山",
  ]

  func ids(_ text: String, limit: Int, withdrawn: Bool = false, kind: RecordKind? = nil) throws -> [String] {
    try Catalog.open(folder: Self.folder).search(
      SearchQuery(text: text, kind: kind, limit: limit, includeWithdrawn: withdrawn)
    ).hits.map(\.id)
  }

  @Test(arguments: queries)
  func aPageFromTheNameTierIsTheHeadOfTheFullRanking(text: String) throws {
    for withdrawn in [false, true] {
      let full = try ids(text, limit: 1000, withdrawn: withdrawn)
      for limit in [1, 3, 10, 40] {
        #expect(
          try ids(text, limit: limit, withdrawn: withdrawn) == Array(full.prefix(limit)),
          "\(text), limit \(limit), withdrawn \(withdrawn)")
      }
    }
  }

  /// Reading the tier in rank order (what a broad prefix does), whole or up to a bound, gives
  /// the records that sorting the names that start with the prefix gives, for every query,
  /// page size and kind.
  @Test(arguments: queries)
  func walkingTheTierInRankOrderGivesWhatSortingGives(text: String) throws {
    let catalog = try Catalog.open(folder: Self.folder)
    guard let probe = try SearchPlan(text).nameTierProbe else { return }
    for kind: RecordKind? in [nil, .giProduct, .heritageItem] {
      for limit in [1, 3, 10, 40, 400] {
        let filters = IndexFilters(includeWithdrawn: false, kind: kind)
        let sorted = try catalog.nameTierCandidates(
          probe, filters: filters, limit: limit, minimum: 1, walkAbove: .max, headBudget: 0)
        let walked = try catalog.nameTierCandidates(
          probe, filters: filters, limit: limit, minimum: 1, walkAbove: 0, headBudget: 0)
        #expect(
          walked.map(\.recordID) == sorted.map(\.recordID),
          "\(text), limit \(limit), \(String(describing: kind))")
        // A walk of the head's first names (which falls back on counting when they do not
        // fill the page), whatever its bound.
        for budget in [1, 2, 7, 30, 10_000] {
          let leading = try catalog.nameTierCandidates(
            probe, filters: filters, limit: limit, minimum: 1, walkAbove: .max, headBudget: budget)
          #expect(
            leading.map(\.recordID) == sorted.map(\.recordID),
            "\(text), limit \(limit), \(String(describing: kind)), budget \(budget)")
        }
      }
    }
  }

  /// Reading each prefix's names by their first two characters (and merging the prefixes of
  /// different heads by rank) gives every name in the order of the whole tier's rank index.
  @Test(arguments: [
    ["jasmine"], ["jasmin", "jasmine"], ["mo", "ja"], ["茉莉", "moli", "jasm"], ["long", "longan", "寿山", "lo"],
    ["閩劇", "闽剧", "min"], ["ml", "mlh", "zz"], ["茉", "moli"],
  ])
  func readingByTheFirstTwoCharactersGivesTheRankOrder(prefixes: [String]) throws {
    let catalog = try Catalog.open(folder: Self.folder)
    for kind: RecordKind? in [nil, .giProduct, .heritageItem] {
      let byHead = try catalog.namesInRankOrder(prefixes: prefixes, kind: kind, byHead: true)
      let whole = try catalog.namesInRankOrder(prefixes: prefixes, kind: kind, byHead: false)
      #expect(byHead == whole, "\(prefixes), \(String(describing: kind))")
      if kind == nil && prefixes != ["ml", "mlh", "zz"] { #expect(!whole.isEmpty, "\(prefixes)") }
    }
  }

  /// Records with many names fill the tier's rows with few records; the page is then read
  /// by record (`Fixtures/search/many-names.xml`: 15 records of 7 names starting 茉莉 each).
  @Test func recordsWithManyNamesStillFillThePage() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.path("search/many-names.xml")]).committed)
    let catalog = try Catalog.open(folder: folder)
    for text in ["茉莉", "moli", "ml"] {
      let full = try catalog.search(SearchQuery(text: text, limit: 1000)).hits.map(\.id)
      #expect(full.count == 15)
      for limit in [1, 5, 12] {
        #expect(
          try catalog.search(SearchQuery(text: text, limit: limit)).hits.map(\.id)
            == Array(full.prefix(limit)),
          "\(text), limit \(limit)")
      }
    }
  }

  @Test func theTierHoldsEveryNameInEverySpelling() throws {
    let indexer = SearchIndexer(gazetteer: Gazetteer(districts: []), pinyin: Pinyin())
    let record = Record(
      id: "gi:tier", kind: .giProduct, status: .active,
      names: [LocalizedText(lang: "zh", text: "茉莉花茶"), LocalizedText(lang: "en", text: "Fuzhou Jasmine Tea")])
    let rows = indexer.entry(for: record).tier.rows
    #expect(rows.map(\.text) == ["茉莉花茶", "molihuacha", "mlhc", "fuzhou jasmine tea", "fuzhoujasminetea"])
    #expect(rows.map(\.spelling) == [.name, .pinyin, .initials, .name, .pinyin])
  }

  /// The index entry, spelled out: every Han character and neighbour pair, every word, the
  /// names' pinyin and initials from each syllable on, full-width punctuation folded away.
  @Test func theIndexEntryHoldsEachTokenOfEachField() throws {
    let indexer = SearchIndexer(gazetteer: Gazetteer(districts: []), pinyin: Pinyin())
    let record = Record(
      id: "gi:tokens", kind: .giProduct, status: .active,
      names: [
        LocalizedText(lang: "zh", text: "茉莉花茶"), LocalizedText(lang: "en", text: "Fuzhou Jasmine Tea"),
      ],
      altNames: [LocalizedText(lang: "zh-Hant", text: "閩劇")],
      summaries: [LocalizedText(lang: "zh", text: "福州，茉莉！tea-2024")])
    let entry = indexer.entry(for: record)
    #expect(
      entry.tokens == [
        "茉 莉 茉莉 花 莉花 茶 花茶 fuzhou jasmine tea", "闽 剧 闽剧", "", "", "福 州 福州 茉 莉 茉莉 tea 2024",
        "molihuacha lihuacha huacha cha minju ju", "mlhc lhc hc c mj j",
      ])
    #expect(
      entry.texts == [
        "茉莉花茶\nfuzhou jasmine tea", "闽剧", "", "", "福州,茉莉!tea-2024", "molihuacha\nfuzhoujasminetea\nminju",
        "茉莉花茶", "",
      ])
  }

  /// A renamed or withdrawn record leaves the tier with its old revision.
  @Test func theTierFollowsEachNewRevision() throws {
    let folder = temporaryFolder()
    let first = """
      <records xmlns="urn:heritage-catalog:records:1" source="tier revisions">
        <heritage-item id="ich:tier-renamed"><name xml:lang="zh">茉莉旧名</name><category code="VIII"/></heritage-item>
        <heritage-item id="ich:tier-kept"><name xml:lang="zh">茉莉留名</name><category code="VIII"/></heritage-item>
      </records>
      """
    let second = first.replacingOccurrences(of: "茉莉旧名", with: "龙眼新名")
    for (index, text) in [first, second].enumerated() {
      let file = folder.appendingPathComponent("records-\(index).xml")
      try Data(text.utf8).write(to: file)
      #expect(try importInto(folder.appendingPathComponent("catalog"), [file.path]).committed)
    }
    let catalog = try Catalog.open(folder: folder.appendingPathComponent("catalog"))
    #expect(try catalog.search(SearchQuery(text: "茉莉", limit: 1)).hits.map(\.id) == ["ich:tier-kept"])
    #expect(try catalog.search(SearchQuery(text: "龙眼", limit: 1)).hits.map(\.id) == ["ich:tier-renamed"])
    #expect(try catalog.search(SearchQuery(text: "lyxm", limit: 1)).hits.map(\.id) == ["ich:tier-renamed"])
  }
}
