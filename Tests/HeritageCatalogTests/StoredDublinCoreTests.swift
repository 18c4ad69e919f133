import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// Each record's Dublin Core elements are kept beside its current revision (migration v13)
/// and copied into harvests: kept current by every write, used only while they match the
/// writer and the gazetteer, and giving the same responses as elements written afresh.
@Suite(.removesTemporaryFolders) struct StoredDublinCoreTests {
  static let golden = Fixtures.root.appendingPathComponent(
    "dublin-core/form-\(DublinCore.formVersion).json")

  /// Every record of the catalog as a harvest with stored forms reads it.
  func entries(_ catalog: Catalog) throws -> [HarvestEntry] {
    try catalog.harvest(
      HarvestSelection(), after: nil, limit: 100_000, withRecords: true, storedDublinCore: true
    )
    .entries
  }

  /// Every active record has a stored form, and it is what the writer makes of its current
  /// revision; a withdrawn record has none.
  func expectFormsCurrent(_ catalog: Catalog, _ comment: Comment) throws {
    let all = try entries(catalog)
    #expect(!all.isEmpty, comment)
    for entry in all {
      let record = try catalog.details(id: entry.id).record
      if record.status == .withdrawn {
        #expect(entry.dublinCore == nil, comment)
      } else {
        #expect(entry.record == nil, "\(entry.id): \(comment)")
        let stored = entry.dublinCore.map { String(decoding: $0, as: UTF8.self) }
        let written = String(
          decoding: DublinCore.elements(of: record, gazetteer: catalog.gazetteer), as: UTF8.self)
        #expect(stored == written, "\(entry.id): \(comment)")
      }
    }
  }

  /// The whole `ListRecords` list in `oai_dc`, at a fixed response date.
  func listRecords(_ catalog: Catalog) throws -> String {
    let provider = OAIProvider(
      catalog: catalog,
      settings: try OAISettings(repositoryIdentifier: "heritage.test.example", pageSize: 1000),
      links: .init(baseURL: "http://127.0.0.1:8080"))
    let response = try provider.respond(
      to: [("verb", "ListRecords"), ("metadataPrefix", "oai_dc")], now: Date(timeIntervalSince1970: 0))
    #expect(response.error == nil)
    return String(decoding: response.body, as: UTF8.self)
  }

  /// The writer's output for the sample records is frozen per ``DublinCore/formVersion``: a
  /// change to what it writes must come with a new version (and a new golden file), or
  /// catalogs would go on serving forms of the old writer as current.
  @Test func theWriterWritesWhatItsVersionPromises() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    let catalog = try Catalog.open(folder: folder)
    var written: [String: String] = [:]
    for entry in try entries(catalog) {
      let record = try catalog.details(id: entry.id).record
      written[entry.id] = String(
        decoding: DublinCore.elements(of: record, gazetteer: catalog.gazetteer), as: UTF8.self)
    }
    let data = try Data(contentsOf: Self.golden)
    let golden = try JSONDecoder().decode([String: String].self, from: data)
    #expect(written.count > 20)
    #expect(
      written == golden,
      "DublinCore.elements changed: raise DublinCore.formVersion and add \(Self.golden.lastPathComponent)")
  }

  @Test func importsAndTakeBacksKeepTheFormsCurrent() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    try expectFormsCurrent(try Catalog.open(folder: folder), "after the first import")

    // A new revision gets a new form, withdrawn records none.
    #expect(try importInto(folder, [Fixtures.path("dublin-core/renamed-jasmine-tea.xml")]).updated == 1)
    try expectFormsCurrent(try Catalog.open(folder: folder), "after a new revision")
    #expect(try listRecords(try Catalog.open(folder: folder)).contains("Fuzhou Jasmine Tea, scented by hand"))

    // A refused file taken back with --keep-going restores the earlier revisions' forms.
    _ = try importInto(folder, [Fixtures.path("good")])
    let files = ["update-then-error.xml", "points-into-refused.xml", "clean.xml"].map {
      Fixtures.path("keep-going/\($0)")
    }
    let report = try importInto(folder, files, options: ImportOptions(keepGoing: true))
    #expect(report.committed && report.refusedFiles.count == 2)
    try expectFormsCurrent(try Catalog.open(folder: folder), "after a take-back")

    _ = try importInto(folder, [Fixtures.path("updated-opera.xml")])
    let catalog = try Catalog.create(folder: folder)
    _ = try catalog.link(
      station: "station:test-post", record: "gi:fuzhou-jasmine-tea", role: .consultation, by: nil)
    try expectFormsCurrent(catalog, "after a withdrawal and a link")
  }

  /// A stored form counts only under the gazetteer it was written with: a catalog given its
  /// own gazetteer harvests the new district names at once, written afresh, and the same
  /// bytes once its forms are stored again.
  @Test func anotherGazetteerMakesTheFormsStale() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    let before = try listRecords(try Catalog.open(folder: folder))
    #expect(before.contains(">Gulou District<"))

    let bundled = try String(contentsOf: Resources.url(for: "gazetteer.json"), encoding: .utf8)
    #expect(bundled.contains("\"en\": \"Gulou District\""))
    try bundled.replacingOccurrences(
      of: "\"en\": \"Gulou District\"", with: "\"en\": \"Gulou (Drum Tower) District\""
    )
    .write(to: folder.appendingPathComponent("gazetteer.json"), atomically: true, encoding: .utf8)

    let catalog = try Catalog.create(folder: folder)
    #expect(try entries(catalog).allSatisfy { $0.dublinCore == nil })
    let afresh = try listRecords(catalog)
    #expect(!afresh.contains(">Gulou District<"))
    #expect(afresh.contains(">Gulou (Drum Tower) District<"))

    let active = try entries(catalog).filter { $0.status == .active }.count
    #expect(try catalog.refreshStoredForms() == active)
    #expect(try catalog.refreshStoredForms() == 0)
    try expectFormsCurrent(catalog, "after the refresh")
    #expect(try listRecords(catalog) == afresh)
  }

  /// A catalog written before migration v13 gets every form when the migration is applied.
  @Test func aCatalogFromBeforeTheFormsGetsThemWhenMigrated() throws {
    let folder = temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/v11/catalog.sqlite"),
      to: folder.appendingPathComponent("catalog.sqlite"))
    let catalog = try Catalog.create(folder: folder)
    #expect(catalog.appliedMigrations.contains("v13"))
    try expectFormsCurrent(catalog, "after the migration")
  }
}
