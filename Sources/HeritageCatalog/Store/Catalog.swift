public import Foundation
import GRDB

/// A catalog on disk: its SQLite database (WAL, migrations), its media store and the
/// gazetteer its records are checked against.
///
/// Only ``create(folder:)`` makes a catalog; ``open(folder:access:)`` opens one that exists,
/// read-only unless asked otherwise, and never creates or migrates anything when read-only.
///
/// ```swift
/// let catalog = try Catalog.open(folder: URL(fileURLWithPath: "catalog"))
/// let record = try catalog.record(id: "gi:fuzhou-jasmine-tea")
/// ```
public final class Catalog: Sendable {
  /// What an opened catalog may do.
  public enum Access: Sendable {
    /// Reads only: the database is opened read-only and never migrated.
    case readOnly
    /// Reads and writes: migrations the database lacks are applied on open.
    case readWrite
  }

  /// The catalog's folder.
  public let folder: URL
  /// What this catalog was opened for.
  public let access: Access
  /// The database, in WAL mode: opened read-only, a pool of readers (a server reads on many
  /// threads while an import writes elsewhere); opened for writing, or in memory, one
  /// connection. Only the store touches it.
  let database: any DatabaseWriter
  /// The content-addressed media store.
  public let media: MediaStore
  /// The divisions records may name.
  public let gazetteer: Gazetteer
  /// The migrations this opening applied, by version (`v11`, `v12`…), oldest first: empty
  /// unless the catalog was opened for writing and an older heritage had written it.
  public let appliedMigrations: [String]
  /// Writes the search index entries of new revisions.
  let indexer: SearchIndexer
  /// Values computed from many records, until the catalog changes.
  let memo = CatalogMemo()

  /// The database file's name inside the catalog folder.
  public static let databaseName = "catalog.sqlite"

  /// Opens the existing catalog in `folder`.
  /// - Throws: ``CatalogError`` with code `.noCatalog` when `folder` holds no catalog (nothing
  ///   is created), `.outdated` when a read-only open meets a database that lacks migrations,
  ///   `.storage` when the database cannot be opened.
  public static func open(folder: URL, access: Access = .readOnly) throws -> Catalog {
    guard exists(in: folder) else {
      throw CatalogError(
        .noCatalog, "no catalog at \(folder.relativePath)", folder: folder.relativePath
      )
    }
    return try Catalog(folder: folder, access: access)
  }

  /// Opens the catalog in `folder` for writing, creating the folder and an empty database
  /// first when there is none, and applying any migration the database lacks.
  /// - Throws: ``CatalogError`` when the folder or database cannot be made or opened.
  public static func create(folder: URL) throws -> Catalog {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw CatalogError(
        .storage, "cannot create the catalog folder \(folder.relativePath): \(error.localizedDescription)",
        underlying: error)
    }
    return try Catalog(folder: folder, access: .readWrite)
  }

  /// A catalog that lives in memory, empty and migrated, for tests and a server's own tests.
  /// Its media store and settings are looked for in `folder` (by default a new temporary path,
  /// created only when media are written).
  public static func inMemory(
    folder: URL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "heritage-\(UUID().uuidString)")
  ) throws -> Catalog {
    try Catalog(
      folder: folder, access: .readWrite, database: try DatabaseQueue(configuration: configuration()))
  }

  private static func configuration(readOnly: Bool = false) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    return configuration
  }

  private convenience init(folder: URL, access: Access) throws {
    let path = folder.appendingPathComponent(Catalog.databaseName).path
    let database: any DatabaseWriter
    do {
      switch access {
      case .readWrite:
        // The one writer: a single connection, in WAL mode so that readers elsewhere (a
        // server's pool) go on reading while it writes.
        let queue = try DatabaseQueue(path: path, configuration: Catalog.configuration())
        try queue.writeWithoutTransaction { db in
          if try db.journalMode != "wal" {
            try db.execute(sql: "PRAGMA journal_mode = WAL")
          }
          // An import inserts into the search index's B-trees in the order of their keys, not
          // of the records: SQLite's default page cache (2 MB) holds too few of their pages.
          try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        database = queue
      case .readOnly:
        // A pool of readers needs WAL mode, which every catalog this version wrote is in; a
        // database that is not (an older one) is read through a single connection.
        let configuration = Catalog.configuration(readOnly: true)
        if let pool = try? DatabasePool(path: path, configuration: configuration) {
          database = pool
        } else {
          database = try DatabaseQueue(path: path, configuration: configuration)
        }
      }
    } catch let error as DatabaseError {
      throw Catalog.openingError(error, folder: folder)
    }
    try self.init(folder: folder, access: access, database: database)
  }

  private init(folder: URL, access: Access, database: any DatabaseWriter) throws {
    self.folder = folder
    self.access = access
    self.database = database
    var applied: [String] = []
    do {
      let migrator = Migrations.migrator
      let migrated = try database.read { try migrator.hasCompletedMigrations($0) }
      switch access {
      case .readWrite:
        if !migrated {
          let before = try database.read { try Set(migrator.appliedIdentifiers($0)) }
          try migrator.migrate(database)
          // Identifiers are `vN: what it does`; people are shown the versions.
          applied = migrator.migrations.filter { !before.contains($0) }.map {
            String($0.prefix { $0 != ":" })
          }
        }
      case .readOnly:
        if !migrated {
          throw CatalogError(
            .outdated,
            "the catalog at \(folder.relativePath) was written by an older heritage and needs its migrations",
            folder: folder.relativePath
          )
        }
      }
    } catch let error as DatabaseError {
      throw Catalog.openingError(error, folder: folder)
    }
    appliedMigrations = applied
    media = MediaStore(root: folder.appendingPathComponent("media"))
    let localGazetteer = folder.appendingPathComponent("gazetteer.json")
    gazetteer =
      FileManager.default.fileExists(atPath: localGazetteer.path)
      ? try Gazetteer(contentsOf: localGazetteer) : try Gazetteer.bundled()
    indexer = SearchIndexer(gazetteer: gazetteer, pinyin: Pinyin())
    if access == .readWrite {
      try indexIfMissing()
      // The migration makes the table; the forms need the writer and the gazetteer.
      if applied.contains(where: { $0 == "v13" || $0 == "v15" }) { try refreshStoredForms() }
    }
  }

  /// The error of a catalog that SQLite would not open or read: a first import holds it, or
  /// one was stopped part-way and left its rollback journal for a writer to take back.
  private static func openingError(_ error: DatabaseError, folder: URL) -> CatalogError {
    CatalogError(
      .storage,
      openingMessage(
        resultCode: error.resultCode.rawValue, extendedResultCode: error.extendedResultCode.rawValue,
        sqliteMessage: error.message ?? "\(error)", folder: folder.relativePath),
      folder: folder.relativePath, underlying: error)
  }

  /// The words of ``openingError(_:folder:)`` for SQLite's result codes.
  static func openingMessage(
    resultCode: Int32, extendedResultCode: Int32, sqliteMessage: String, folder: String
  ) -> Message {
    switch (resultCode, extendedResultCode) {
    case (_, ResultCode.SQLITE_READONLY_ROLLBACK.rawValue):
      "an import into the catalog at \(folder) stopped part-way; a command that writes (heritage migrate --catalog \(folder)) takes it back"
    case (ResultCode.SQLITE_BUSY.rawValue, _), (ResultCode.SQLITE_LOCKED.rawValue, _):
      "the catalog at \(folder) is held by its first import; try again when the import has finished"
    default:
      "cannot open the catalog in \(folder): \(sqliteMessage)"
    }
  }

  /// `true` when `folder` already holds a catalog database.
  static func exists(in folder: URL) -> Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent(databaseName).path)
  }

  /// Removes the database files a just-created catalog left in `folder`, so that a refused
  /// first import leaves the folder as it found it. Call only after the catalog is closed.
  static func discardNew(in folder: URL) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
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

extension Catalog {
  /// Throws unless the catalog was opened for writing; every writing method starts with it.
  func requireWritable() throws {
    guard access == .readWrite else {
      throw CatalogError(
        .readOnly, "the catalog at \(folder.relativePath) was opened read-only; nothing was written")
    }
  }
}
