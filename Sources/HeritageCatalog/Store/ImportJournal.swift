import GRDB

/// How an import pass writes its pages into the database.
enum ImportJournal: Sendable, Equatable {
  /// Through the write-ahead log, as every other write: readers go on reading the catalog as it
  /// was until the pass commits.
  case writeAheadLog
  /// Straight into the database file, with SQLite's rollback journal: only the first import into
  /// an empty catalog that no other connection has open. Nothing is there to read, and a pass
  /// of a million records no longer sends its whole catalog through the log (once to the log,
  /// once more into the file, with every page it reads looked up in the log's index first).
  /// The journal holds the few pages the empty catalog had; a pass that fails or is killed is
  /// rolled back from it, as a pass through the log would be.
  case rollback
}

extension Database {
  /// Takes the catalog out of WAL mode for this pass when it holds no record and no other
  /// connection has it open; otherwise leaves it as it is.
  func journalForImport() throws -> ImportJournal {
    guard try journalMode == "wal",
      try Bool.fetchOne(self, sql: "SELECT NOT EXISTS (SELECT 1 FROM record)") == true
    else { return .writeAheadLog }
    do {
      return try String.fetchOne(self, sql: "PRAGMA journal_mode = DELETE") == "delete"
        ? .rollback : .writeAheadLog
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
      // Another connection (a server, a search) has the catalog open: it keeps the log.
      return .writeAheadLog
    }
  }

  /// Puts the catalog back in WAL mode after a pass with the rollback journal, waiting a while
  /// for readers that opened it meanwhile. Should they hold it longer, the catalog stays in
  /// rollback mode until the next writer opens it (``Catalog`` puts every catalog it opens for
  /// writing in WAL mode); readers read it either way.
  func restoreWriteAheadLog() {
    let busyTimeout = (try? Int.fetchOne(self, sql: "PRAGMA busy_timeout")) ?? 0
    try? execute(sql: "PRAGMA busy_timeout = 10000")
    _ = try? String.fetchOne(self, sql: "PRAGMA journal_mode = WAL")
    try? execute(sql: "PRAGMA busy_timeout = \(busyTimeout)")
  }

  /// The database's journal mode: `wal`, `delete`, or `memory` in memory.
  var journalMode: String {
    get throws { try String.fetchOne(self, sql: "PRAGMA journal_mode") ?? "" }
  }
}

extension Catalog {
  /// The database's journal mode, for checks.
  func journalMode() throws -> String {
    try database.read { try $0.journalMode }
  }
}
