public import Foundation
public import GRDB

/// A catalog on disk: its SQLite database (WAL, migrated on open), its media store and the
/// gazetteer its records are checked against.
///
/// ```swift
/// let catalog = try Catalog(folder: URL(fileURLWithPath: "catalog"))
/// let record = try catalog.record(id: "gi:fuzhou-jasmine-tea")
/// ```
public final class Catalog: Sendable {
  /// The catalog's folder.
  public let folder: URL
  /// The database, in WAL mode.
  public let database: DatabaseQueue
  /// The content-addressed media store.
  public let media: MediaStore
  /// The divisions records may name.
  public let gazetteer: Gazetteer
  /// Writes the search index entries of new revisions.
  let indexer: SearchIndexer

  /// The database file's name inside the catalog folder.
  public static let databaseName = "catalog.sqlite"

  /// Opens the catalog in `folder`, creating the folder and database when missing and
  /// applying any migration the database lacks.
  /// - Throws: ``CatalogError`` when the folder or database cannot be opened.
  public init(folder: URL) throws {
    self.folder = folder
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.prepareDatabase { db in
        try db.execute(sql: "PRAGMA foreign_keys = ON")
      }
      database = try DatabaseQueue(
        path: folder.appendingPathComponent(Catalog.databaseName).path, configuration: configuration)
      try database.writeWithoutTransaction { db in
        if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
          try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
      }
      let migrator = Migrations.migrator
      if try database.read({ try !migrator.hasCompletedMigrations($0) }) {
        try migrator.migrate(database)
      }
    } catch let error as DatabaseError {
      throw CatalogError(
        .storage, "cannot open the catalog in \(folder.path): \(error.message ?? "\(error)")")
    }
    media = MediaStore(root: folder.appendingPathComponent("media"))
    let localGazetteer = folder.appendingPathComponent("gazetteer.json")
    gazetteer =
      FileManager.default.fileExists(atPath: localGazetteer.path)
      ? try Gazetteer(contentsOf: localGazetteer) : try Gazetteer.bundled()
    indexer = SearchIndexer(gazetteer: gazetteer, pinyin: Pinyin())
    try indexIfMissing()
  }

  /// `true` when `folder` already holds a catalog database.
  public static func exists(in folder: URL) -> Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent(databaseName).path)
  }

  /// Removes the database files a just-created catalog left in `folder`, so that a refused
  /// first import leaves the folder as it found it. Call only after the catalog is closed.
  public static func discardNew(in folder: URL) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(databaseName + suffix))
    }
    let media = folder.appendingPathComponent("media")
    if (try? FileManager.default.contentsOfDirectory(atPath: media.path))?.isEmpty == true {
      try? FileManager.default.removeItem(at: media)
    }
    if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
      try? FileManager.default.removeItem(at: folder)
    }
  }

  /// The folder named by `--catalog`, else `HERITAGE_CATALOG`, else `catalog/`.
  public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL
  {
    URL(fileURLWithPath: environment["HERITAGE_CATALOG"].flatMap { $0.isEmpty ? nil : $0 } ?? "catalog")
  }
}
