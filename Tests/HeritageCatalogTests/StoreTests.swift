import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// The store's facade: opening and creating, read-only readers beside a writer, in memory.
@Suite(.removesTemporaryFolders) struct StoreTests {
  @Test func openNeverCreates() throws {
    let folder = temporaryFolder().appendingPathComponent("none")
    #expect {
      try Catalog.open(folder: folder)
    } throws: { error in
      (error as? CatalogError)?.code == .noCatalog
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func corruptDatabaseIsAStorageErrorThatKeepsItsCause() throws {
    let folder = temporaryFolder()
    try Data(repeating: 0x41, count: 4096).write(to: folder.appendingPathComponent("catalog.sqlite"))
    #expect {
      try Catalog.open(folder: folder)
    } throws: { error in
      guard let error = error as? CatalogError else { return false }
      return error.code == .storage && error.underlyingError != nil
        && error.description.hasPrefix("cannot open the catalog in ")
    }
  }

  @Test func readOnlyCatalogRefusesWrites() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("network/network.xml")])
    let reader = try Catalog.open(folder: folder)
    #expect {
      try reader.link(station: "station:s1", record: "gi:a", role: .promotion, by: "test")
    } throws: { error in
      (error as? CatalogError)?.code == .readOnly
    }
    #expect {
      try Importer(catalog: reader).run(paths: [Fixtures.path("good")])
    } throws: { error in
      (error as? CatalogError)?.code == .readOnly
    }
    #expect(try reader.stats().revisions == (try Catalog.open(folder: folder).stats().revisions))
  }

  @Test func readerSeesEachImportWhenCommittedWithoutReopening() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try importInto(folder, [Fixtures.path("good")])
    let reader = try Catalog.open(folder: folder)
    let before = try reader.stats().total
    let writer = try Catalog.create(folder: folder)
    let report = try Importer(catalog: writer).run(paths: [Fixtures.path("network/network.xml")])
    #expect(report.committed)
    #expect(try reader.stats().total == before + report.inserted)
  }

  /// The station directory is kept in memory between questions (a server asks it for every
  /// record page) and read again once an import, a link or an unlink has changed the catalog.
  @Test func keptStationDirectoryFollowsImportsAndLinks() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let reader = try Catalog.open(folder: folder)
    let before = try reader.stations()
    #expect(try reader.stations() == before)
    _ = try importInto(folder, [Fixtures.path("network/network.xml")])
    let after = try reader.stations()
    #expect(after.count > before.count && after.contains { $0.id == "station:s1" })
    let writer = try Catalog.create(folder: folder)
    _ = try writer.link(station: "station:s1", record: "ich:min-opera", role: .promotion, by: nil)
    #expect(
      try reader.stations().first { $0.id == "station:s1" }?.serves.contains { $0.ref == "ich:min-opera" }
        == true)
  }

  @Test func catalogInMemoryImportsAndSearchesWithoutAFolder() throws {
    let catalog = try Catalog.inMemory()
    let report = try Importer(catalog: catalog).run(paths: [Fixtures.path("search/staff-queries.xml")])
    #expect(report.committed && report.inserted == 5)
    #expect(try catalog.search(SearchQuery(text: "软木画")).hits.first?.id == "ich:cork-painting")
    #expect(!FileManager.default.fileExists(atPath: catalog.folder.path))
  }

  @Test func errorCodesCompareAndPrint() {
    #expect(CatalogError.Code.notFound == .notFound && CatalogError.Code.notFound != .storage)
    #expect("\(CatalogError.Code.noCatalog)" == "noCatalog")
  }
}
