import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// Each record's Dublin Core elements and Heritage Records XML element (records without
/// media) are kept beside its current revision (migrations v13 and v15) and copied into
/// harvests: kept current by every write, used only while they match the writers and the
/// gazetteer, and giving the same responses as forms written afresh.
@Suite(.removesTemporaryFolders) struct StoredFormsTests {
  static let folder = Fixtures.root.appendingPathComponent("stored-forms")

  /// Every record of the catalog as a harvest with `form` stored reads it.
  func entries(_ catalog: Catalog, _ form: StoredForm) throws -> [HarvestEntry] {
    try catalog.harvest(HarvestSelection(), after: nil, limit: 100_000, withRecords: true, storedForm: form)
      .entries
  }

  /// What the writers make of a record's current revision, as a catalog stores it.
  func written(_ record: Record, _ form: StoredForm, _ catalog: Catalog) -> String {
    let bytes =
      switch form {
      case .dublinCore: DublinCore.elements(of: record, gazetteer: catalog.gazetteer)
      case .recordXML: RecordXML.element(of: record, gazetteer: catalog.gazetteer, mediaPaths: [:])
      }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Every active record has its stored forms (no XML element when it has media), and they
  /// are what the writers make of its current revision; a withdrawn record has none.
  func expectFormsCurrent(_ catalog: Catalog, _ comment: Comment) throws {
    for form in [StoredForm.dublinCore, .recordXML] {
      let all = try entries(catalog, form)
      #expect(all.count > 20, comment)
      for entry in all {
        let record = try catalog.details(id: entry.id).record
        if record.status == .withdrawn || (form == .recordXML && !record.media.isEmpty) {
          #expect(entry.storedForm == nil, "\(entry.id) \(form): \(comment)")
        } else {
          #expect(entry.record == nil, "\(entry.id) \(form): \(comment)")
          let stored = entry.storedForm.map { String(decoding: $0, as: UTF8.self) }
          #expect(stored == written(record, form, catalog), "\(entry.id) \(form): \(comment)")
        }
      }
    }
  }

  /// The whole `ListRecords` list in `prefix`, at a fixed response date.
  func listRecords(_ catalog: Catalog, _ prefix: String) throws -> String {
    let provider = OAIProvider(
      catalog: catalog,
      settings: try OAISettings(repositoryIdentifier: "heritage.test.example", pageSize: 1000),
      links: .init(baseURL: "http://127.0.0.1:8080"))
    let response = try provider.respond(
      to: [("verb", "ListRecords"), ("metadataPrefix", prefix)], now: Date(timeIntervalSince1970: 0))
    #expect(response.error == nil)
    return String(decoding: response.body, as: UTF8.self)
  }

  /// The writers' output for the sample records is frozen per version: a change to what they
  /// write must come with a new version (and a new golden file), or catalogs would go on
  /// serving forms of the old writer as current.
  @Test(arguments: [
    (StoredForm.dublinCore, "dublin-core-\(DublinCore.formVersion).json"),
    (StoredForm.recordXML, "record-xml-\(RecordXML.formVersion).json"),
  ])
  func theWritersWriteWhatTheirVersionsPromise(form: StoredForm, golden: String) throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    let catalog = try Catalog.open(folder: folder)
    var written: [String: String] = [:]
    for entry in try entries(catalog, form) {
      written[entry.id] = self.written(try catalog.details(id: entry.id).record, form, catalog)
    }
    let expected = try JSONDecoder().decode(
      [String: String].self, from: Data(contentsOf: Self.folder.appendingPathComponent(golden)))
    #expect(written.count > 20)
    #expect(written == expected, "the \(form) writer changed: raise its formVersion and add a new \(golden)")
  }

  @Test func importsAndTakeBacksKeepTheFormsCurrent() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    try expectFormsCurrent(try Catalog.open(folder: folder), "after the first import")

    // A new revision gets new forms, withdrawn records none.
    #expect(try importInto(folder, [Fixtures.path("stored-forms/renamed-jasmine-tea.xml")]).updated == 1)
    try expectFormsCurrent(try Catalog.open(folder: folder), "after a new revision")
    for prefix in ["oai_dc", "heritage"] {
      #expect(
        try listRecords(try Catalog.open(folder: folder), prefix).contains(
          "Fuzhou Jasmine Tea, scented by hand"))
    }

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

  /// A record with media has no stored XML element: its media addresses are the server's,
  /// written when it answers.
  @Test func mediaAddressesAreTheServers() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    let catalog = try Catalog.open(folder: folder)
    let withMedia = try entries(catalog, .recordXML).filter {
      !(try catalog.details(id: $0.id).record.media.isEmpty)
    }
    #expect(!withMedia.isEmpty)
    let list = try listRecords(catalog, "heritage")
    for entry in withMedia {
      for item in try catalog.details(id: entry.id).record.media {
        #expect(list.contains("href=\"http://127.0.0.1:8080/api/v1/media/\(item.sha256)\""), "\(entry.id)")
      }
    }
  }

  /// Stored forms count only under the gazetteer they were written with: a catalog given its
  /// own gazetteer harvests the new district names at once, written afresh, and the same
  /// bytes once its forms are stored again.
  @Test func anotherGazetteerMakesTheFormsStale() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    let before = try listRecords(try Catalog.open(folder: folder), "oai_dc")
    #expect(before.contains(">Gulou District<"))
    #expect(try listRecords(try Catalog.open(folder: folder), "heritage").contains(">鼓楼区<"))

    let bundled = try String(contentsOf: Resources.url(for: "gazetteer.json"), encoding: .utf8)
    let renamed = bundled.replacingOccurrences(
      of: "\"en\": \"Gulou District\"", with: "\"en\": \"Gulou (Drum Tower) District\""
    )
    .replacingOccurrences(of: "\"name\": \"鼓楼区\"", with: "\"name\": \"鼓楼\"")
    #expect(renamed != bundled)
    try renamed.write(to: folder.appendingPathComponent("gazetteer.json"), atomically: true, encoding: .utf8)

    let catalog = try Catalog.create(folder: folder)
    #expect(try entries(catalog, .dublinCore).allSatisfy { $0.storedForm == nil })
    #expect(try entries(catalog, .recordXML).allSatisfy { $0.storedForm == nil })
    let afresh = try ["oai_dc", "heritage"].map { try listRecords(catalog, $0) }
    #expect(!afresh[0].contains(">Gulou District<") && afresh[0].contains(">Gulou (Drum Tower) District<"))
    #expect(!afresh[1].contains(">鼓楼区<") && afresh[1].contains(">鼓楼<"))

    let active = try entries(catalog, .dublinCore).filter { $0.status == .active }.count
    #expect(try catalog.refreshStoredForms() == active)
    #expect(try catalog.refreshStoredForms() == 0)
    try expectFormsCurrent(catalog, "after the refresh")
    #expect(try ["oai_dc", "heritage"].map { try listRecords(catalog, $0) } == afresh)
  }

  /// A catalog written before migration v13 gets every form when the migrations are applied.
  @Test func aCatalogFromBeforeTheFormsGetsThemWhenMigrated() throws {
    let folder = temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/v11/catalog.sqlite"),
      to: folder.appendingPathComponent("catalog.sqlite"))
    let catalog = try Catalog.create(folder: folder)
    #expect(catalog.appliedMigrations.contains("v13") && catalog.appliedMigrations.contains("v15"))
    try expectFormsCurrent(catalog, "after the migration")
  }
}
