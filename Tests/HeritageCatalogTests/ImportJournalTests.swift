import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// The first import into an empty catalog writes straight into the database file, with the
/// rollback journal; every other import writes through the write-ahead log, and the catalog is
/// in WAL mode again when any import ends.
@Suite(.removesTemporaryFolders) struct ImportJournalTests {
  static let timestamp = "2026-11-27T08:00:00Z"

  /// The journal an import pass into `catalog` writes with.
  static func journalOfAPass(into catalog: Catalog, commit: Bool = false) throws -> ImportJournal {
    var journal: ImportJournal?
    try catalog.inImportTransaction(by: nil, timestamp: timestamp) { transaction in
      journal = transaction.journal
      return commit
    }
    return try #require(journal)
  }

  @Test func firstImportIntoAnEmptyCatalogWritesStraightToTheFile() throws {
    let folder = temporaryFolder()
    let catalog = try Catalog.create(folder: folder)
    #expect(try catalog.journalMode() == "wal")
    #expect(try Self.journalOfAPass(into: catalog, commit: true) == .rollback)
    #expect(try catalog.journalMode() == "wal")
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("catalog.sqlite-journal").path))
  }

  @Test func importIntoACatalogWithRecordsWritesThroughTheLog() throws {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.samples])
    #expect(report.committed && report.inserted > 0)
    let catalog = try Catalog.create(folder: folder)
    #expect(try catalog.journalMode() == "wal")
    #expect(try Self.journalOfAPass(into: catalog) == .writeAheadLog)
    #expect(try catalog.journalMode() == "wal")
  }

  @Test func aReaderThatHasTheCatalogOpenKeepsTheLogAndReadsOn() throws {
    let folder = temporaryFolder()
    let writer = try Catalog.create(folder: folder)
    let reader = try Catalog.open(folder: folder)
    #expect(try reader.stats().total == 0)
    var journal: ImportJournal?
    try writer.inImportTransaction(by: nil, timestamp: Self.timestamp) { transaction in
      journal = transaction.journal
      let total = try reader.stats().total
      #expect(total == 0)
      return true
    }
    #expect(journal == .writeAheadLog)
    #expect(try reader.stats().total == 0)
  }

  @Test func firstImportThatIsRefusedOrThrowsLeavesAnEmptyCatalogInWALMode() throws {
    let folder = temporaryFolder()
    _ = try Catalog.create(folder: folder)
    let report = try importInto(folder, [Fixtures.samples, Fixtures.path("bad/unknown-district.xml")])
    #expect(!report.committed)
    let catalog = try Catalog.create(folder: folder)
    #expect(try catalog.journalMode() == "wal")
    #expect(try catalog.stats().total == 0)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try catalog.inImportTransaction(by: nil, timestamp: Self.timestamp) { transaction in
        _ = try transaction.claim("gi:half", file: "half.xml", line: 1)
        try transaction.recordImportedFile(path: "half.xml", sha256: "", size: 0, records: 1)
        throw Stop()
      }
    }
    #expect(try catalog.journalMode() == "wal")
    #expect(try Catalog.open(folder: folder).stats().total == 0)
    let imported = try importInto(folder, [Fixtures.samples])
    #expect(imported.committed && imported.inserted > 0)
    #expect(try Catalog.open(folder: folder).stats().total == imported.inserted)
  }

  /// `Fixtures/catalogs/interrupted-first-import` is what a process killed in the middle of a
  /// first import leaves: the database, partly written, and its hot rollback journal.
  @Test func interruptedFirstImportIsNamedToReadersAndTakenBackByAWriter() throws {
    let crashed = temporaryFolder().appendingPathComponent("catalog")
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/interrupted-first-import"), to: crashed)
    let error = try #require(throws: CatalogError.self) { try Catalog.open(folder: crashed) }
    #expect(
      error.description
        == "an import into the catalog at \(crashed.relativePath) stopped part-way; a command that writes (heritage migrate --catalog \(crashed.relativePath)) takes it back"
    )
    let recovered = try Catalog.create(folder: crashed)
    #expect(try recovered.journalMode() == "wal")
    #expect(try recovered.stats().total == 0)
    #expect(
      !FileManager.default.fileExists(atPath: crashed.appendingPathComponent("catalog.sqlite-journal").path))
    #expect(try Catalog.open(folder: crashed).stats().total == 0)
  }

  @Test func aCatalogHeldByAnImportIsNamedAsSuch() {
    let held = Catalog.openingMessage(
      resultCode: 5, extendedResultCode: 5, sqliteMessage: "database is locked", folder: "catalog")
    #expect(
      held.description
        == "the catalog at catalog is held by its first import; try again when the import has finished")
    let other = Catalog.openingMessage(
      resultCode: 26, extendedResultCode: 26, sqliteMessage: "file is not a database", folder: "catalog")
    #expect(other.description == "cannot open the catalog in catalog: file is not a database")
  }
}
