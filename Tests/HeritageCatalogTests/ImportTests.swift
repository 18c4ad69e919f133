import Crypto
import Foundation
import HeritageCatalog
import TestSupport
import Testing

@Suite(.removesTemporaryFolders) struct ImportTests {
  @Test func samplesImportAndReimportUnchanged() throws {
    let folder = temporaryFolder()
    let first = try importInto(folder, [Fixtures.samples])
    #expect(first.errors.isEmpty)
    #expect(first.inserted >= 20)
    #expect(first.summaryLine == "inserted \(first.inserted), updated 0, unchanged 0, refused 0")
    let again = try importInto(folder, [Fixtures.samples])
    #expect(again.summaryLine == "inserted 0, updated 0, unchanged \(first.inserted), refused 0")
    let catalog = try Catalog.create(folder: folder)
    let stats = try catalog.stats()
    #expect(stats.imports == 2)
    #expect(stats.revisions == first.inserted)
  }

  @Test func referencesResolveAcrossFilesInAnyOrder() throws {
    // first.xml's station serves ich:test-opera, which only second.xml defines.
    let report = try importInto(
      temporaryFolder(), [Fixtures.path("good/first.xml"), Fixtures.path("good/second.xml")])
    #expect(report.errors.isEmpty)
    #expect(report.inserted == 3)
  }

  @Test func changedRecordBecomesNewRevisionAndOldOneStays() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let update = try importInto(folder, [Fixtures.path("updated-opera.xml")])
    #expect(update.summaryLine == "inserted 0, updated 1, unchanged 0, refused 0")
    let catalog = try Catalog.create(folder: folder)
    let history = try catalog.history(id: "ich:test-opera")
    #expect(history.map(\.number) == [1, 2])
    #expect(history.map(\.status) == [.active, .withdrawn])
    #expect(
      history.map(\.sourceFile) == [Fixtures.path("good/second.xml"), Fixtures.path("updated-opera.xml")])
    let details = try catalog.details(id: "ich:test-opera")
    #expect(details.revision == 2)
    #expect(details.record.status == .withdrawn)
    #expect(details.record.summaries.map(\.text) == ["已撤回。"])
  }

  @Test func keepGoingCommitsCleanFilesAndListsRefusedOnes() throws {
    let folder = temporaryFolder()
    let bad = Fixtures.path("bad/unknown-district.xml")
    let report = try importInto(
      folder, [bad, Fixtures.path("good")], options: ImportOptions(keepGoing: true))
    #expect(report.committed)
    #expect(report.refusedFiles.map(\.path) == [bad])
    #expect(report.summaryLine == "inserted 3, updated 0, unchanged 0, refused 1")
    #expect(try Catalog.create(folder: folder).stats().total == 3)
  }

  @Test func keepGoingAlsoRefusesFilesThatPointIntoRefusedOnes() throws {
    let folder = temporaryFolder()
    let station = Fixtures.path("good/first.xml")
    let bad = Fixtures.path("bad/unknown-district.xml")
    // Without second.xml, first.xml's serves link leads nowhere.
    let report = try importInto(folder, [station, bad], options: ImportOptions(keepGoing: true))
    #expect(Set(report.refusedFiles.map(\.path)) == [station, bad])
    #expect(try Catalog.create(folder: folder).stats().total == 0)
  }

  @Test func dryRunWritesNothing() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let before = snapshot(folder)
    let report = try importInto(folder, [Fixtures.path("good")], options: ImportOptions(dryRun: true))
    #expect(report.errors.isEmpty)
    #expect(!report.committed)
    #expect(report.inserted == 3)
    #expect(snapshot(folder) == before)
  }

  @Test(arguments: ["gb18030.xml", "gbk.xml", "utf16.xml"])
  func encodingsFromTheDeclarationOrBOM(file: String) throws {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.path("encodings/\(file)")])
    #expect(report.errors.isEmpty)
    let record = try Catalog.create(folder: folder).details(id: "gi:encoded").record
    #expect(record.names.map(\.text) == ["福州茉莉花茶"])
    #expect(record.giProduct?.category.map(\.text) == ["茶叶"])
    #expect(record.districts == ["350102"])
  }

  @Test func mediaIsCopiedIntoTheContentAddressedStore() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let catalog = try Catalog.create(folder: folder)
    let media = try #require(catalog.details(id: "ich:test-opera").record.media.first)
    let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("good/media/note.txt")))
    #expect(media.size == Int64(original.count))
    #expect(try Data(contentsOf: catalog.media.url(for: media.sha256)) == original)
  }

  @Test func romanNumeralsAreStoredOneWay() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let catalog = try Catalog.create(folder: folder)
    let unicode = try catalog.details(id: "ich:test-opera").record.heritageItem
    let ascii = try catalog.details(id: "ich:test-opera-two").record.heritageItem
    #expect(unicode?.category == ascii?.category)
    #expect(unicode?.category.code == "IV")
    #expect(unicode?.listings.first?.number == "IV-9")
  }

  @Test func traditionalDistrictNameIsAccepted() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    #expect(
      try Catalog.create(folder: folder).details(id: "station:test-post").record.districts == ["350102"])
  }

  @Test func everyImportIsRecordedWithItsFiles() throws {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.path("good")])
    #expect(report.files.map(\.path) == [Fixtures.path("good/first.xml"), Fixtures.path("good/second.xml")])
    #expect(report.files.allSatisfy { $0.sha256.count == 64 && !$0.refused })
    #expect(report.importID == 1)
  }

  @Test func showListsStationsServingARecord() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let details = try Catalog.create(folder: folder).details(id: "gi:fuzhou-jasmine-tea")
    let servedBy = details.backlinks.filter { $0.relation == .serves }.map(\.id)
    #expect(servedBy == ["station:cangshan-pilot", "station:jasmine-tea-gi-guidance"])
  }

  @Test func statsCountByKindDistrictCategoryAndLevel() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let stats = try Catalog.create(folder: folder).stats()
    #expect(stats.byKind.map(\.key) == ["heritage-item", "station"])
    #expect(stats.byKind.map(\.count) == [2, 1])
    #expect(stats.byDistrict.map(\.label) == ["鼓楼区"])
    #expect(stats.byCategory.first?.key == "IV")
    #expect(stats.byCategory.first?.count == 2)
    #expect(stats.byLevel.map(\.key) == ["national"])
  }

  @Test func unknownRecordNamesNearIDs() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    #expect {
      try Catalog.create(folder: folder).details(id: "ich:min-oper")
    } throws: { error in
      (error as? CatalogError)?.description
        == "no record ich:min-oper in the catalog (did you mean ich:min-opera?)"
    }
  }

  /// Each file is read once: its SHA-256 and size come from the pass that parses it, and cover
  /// every byte, also when parsing stopped early.
  @Test(arguments: [
    "good/first.xml", "bad/billion-laughs.xml", "bad/not-well-formed.xml", "encodings/utf16.xml",
  ])
  func recordedDigestIsTheWholeFiles(file: String) throws {
    let path = Fixtures.path(file)
    let report = try Importer(catalog: try Catalog.inMemory()).run(
      paths: [path], options: ImportOptions(dryRun: true))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(
      report.files.map(\.sha256) == [SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()])
    #expect(report.files.map(\.size) == [Int64(bytes.count)])
  }

  /// With --keep-going every file is read once: a refused file is taken back inside the same
  /// transaction (a changed record returns to its earlier revision, with its facets, links and
  /// search entry), then every file that leans on it, and the catalog ends as if only the clean
  /// files had been imported.
  @Test func keepGoingTakesBackRefusedFilesInOnePass() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let files = ["update-then-error.xml", "points-into-refused.xml", "clean.xml"].map {
      Fixtures.path("keep-going/\($0)")
    }
    let report = try importInto(folder, files, options: ImportOptions(keepGoing: true))
    #expect(report.committed)
    #expect(report.refusedFiles.map(\.path) == Array(files.prefix(2)))
    #expect(report.inserted == 1 && report.updated == 0)
    #expect(report.errors.map { $0.recordID ?? "" } == ["gi:bad-district", "station:leans-on-refused"])

    let catalog = try Catalog.open(folder: folder)
    let post = try catalog.details(id: "station:test-post")
    #expect(post.revision == 1 && post.record.primaryName == "测试驿站" && post.record.districts == ["350102"])
    #expect(post.links.map(\.id) == ["ich:test-opera"])
    #expect(try catalog.history(id: "station:test-post").count == 1)
    #expect(try catalog.search(SearchQuery(text: "改名")).hits.isEmpty)
    #expect(try catalog.search(SearchQuery(text: "测试驿站")).hits.map(\.id) == ["station:test-post"])
    #expect(throws: CatalogError.self) { try catalog.details(id: "gi:only-here") }
    #expect(throws: CatalogError.self) { try catalog.details(id: "station:leans-on-refused") }
    #expect(try catalog.stations(StationQuery(district: "台江区")).isEmpty)

    // The same catalog as importing the clean file alone.
    let alone = temporaryFolder()
    _ = try importInto(alone, [Fixtures.path("good")])
    _ = try importInto(alone, [files[2]])
    let aloneCatalog = try Catalog.open(folder: alone)
    #expect(try catalog.stats().total == aloneCatalog.stats().total)
    #expect(try catalog.stats().revisions == aloneCatalog.stats().revisions)
    #expect(try catalog.stats().byDistrict == aloneCatalog.stats().byDistrict)
  }

  @Test func keepGoingReadsEachFileOnce() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let files = ["update-then-error.xml", "points-into-refused.xml", "clean.xml"].map {
      Fixtures.path("keep-going/\($0)")
    }
    var started: [String] = []
    let report = try Importer(catalog: try Catalog.create(folder: folder)).run(
      paths: files, options: ImportOptions(keepGoing: true)
    ) { progress in
      if started.last != progress.currentFile { started.append(progress.currentFile) }
    }
    #expect(report.refusedFiles.count == 2)
    #expect(started == files)
  }

  @Test func refusedFirstImportIntoANewFolderLeavesNothing() throws {
    let folder = temporaryFolder().appendingPathComponent("new")
    let report = try Importer.run(paths: [Fixtures.path("bad/no-chinese-name.xml")], into: folder)
    #expect(!report.committed)
    #expect(!FileManager.default.fileExists(atPath: folder.path))
    let committed = try Importer.run(paths: [Fixtures.path("good")], into: folder)
    #expect(committed.committed && FileManager.default.fileExists(atPath: folder.path))
  }
}
