import Foundation
import GRDB

/// A reference of an imported record that leads to no record, or to a station.
struct DanglingReference: Sendable {
  var sourceID: String
  var targetID: String
  var relation: LinkRelation
  var file: String
  var line: Int
  var column: Int
  /// The kind of the record the reference leads to, `nil` when there is none.
  var targetKind: RecordKind?
}

/// The store's side of one import pass, inside one immediate write transaction: the change run
/// it records, the record revisions it writes, and temporary tables of the ids seen so far and
/// the references to resolve once every file has been read (in SQLite's temporary store, so
/// memory stays flat).
final class ImportTransaction {
  private let db: Database
  private let writer: RecordWriter
  /// The change run this pass records.
  let importID: Int64
  /// How this pass writes its pages.
  let journal: ImportJournal

  fileprivate init(
    db: Database, journal: ImportJournal, by: String?, timestamp: String, indexer: SearchIndexer
  ) throws {
    self.db = db
    self.journal = journal
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS import_seen (id TEXT PRIMARY KEY, place TEXT NOT NULL) WITHOUT ROWID;
        CREATE TEMP TABLE IF NOT EXISTS import_reference (
          source_id TEXT NOT NULL, target_id TEXT NOT NULL, relation TEXT NOT NULL,
          file TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL);
        DELETE FROM temp.import_seen;
        DELETE FROM temp.import_reference;
        """)
    try db.execute(sql: "INSERT INTO import_run (started_at, by) VALUES (?, ?)", arguments: [timestamp, by])
    importID = db.lastInsertedRowID
    writer = RecordWriter(db: db, importID: importID, timestamp: timestamp, indexer: indexer)
  }

  /// Claims `id` for this import; returns where it was first defined when already claimed.
  func claim(_ id: String, file: String, line: Int) throws -> String? {
    try db.run(
      sql: "INSERT OR IGNORE INTO temp.import_seen (id, place) VALUES (?, ?)",
      arguments: [id, "\(file):\(line)"])
    if db.changesCount == 1 { return nil }
    return try String.fetchOne(
      db.cachedStatement(sql: "SELECT place FROM temp.import_seen WHERE id = ?"), arguments: [id])
  }

  /// Notes a `related` or `serves` reference for resolution at the end of the pass.
  func noteReference(
    from source: String, to target: String, relation: LinkRelation, file: String, line: Int, column: Int
  ) throws {
    try db.run(
      sql: "INSERT INTO temp.import_reference VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [source, target, relation.rawValue, file, line, column])
  }

  /// References noted in this pass that lead to no record, or to a station, in file order.
  func danglingReferences() throws -> [DanglingReference] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT p.source_id, p.target_id, p.relation, p.file, p.line, p.col, r.kind
        FROM temp.import_reference p LEFT JOIN record r ON r.id = p.target_id
        WHERE r.id IS NULL OR r.kind = 'station'
        ORDER BY p.file, p.line, p.col
        """
    ).map { row in
      DanglingReference(
        sourceID: row["source_id"], targetID: row["target_id"],
        relation: LinkRelation(rawValue: row["relation"]) ?? .related, file: row["file"],
        line: row["line"], column: row["col"], targetKind: (row["kind"] as String?).flatMap(RecordKind.init))
    }
  }

  /// Stores `record` as a new revision unless the current one is identical.
  /// - Throws: ``KindConflict`` when the catalog holds the id as another kind of record.
  func upsert(_ record: PreparedRecord, file: String, line: Int) throws -> UpsertOutcome {
    try writer.upsert(record, file: file, line: line)
  }

  /// Takes back everything this pass wrote from `file`, for an import that goes on without
  /// it: each record it changed goes back to its previous revision (or away, when the pass
  /// made it), with its facets, links and search entry; the media rows only it brought, its
  /// claimed ids, its noted references and its file row go too.
  func revert(file: String) throws {
    let written = try Row.fetchAll(
      db, sql: "SELECT record_id, number, body FROM revision WHERE import_id = ? AND source_file = ?",
      arguments: [importID, file])
    var media: Set<String> = []
    for row in written {
      let id: String = row["record_id"]
      let number: Int = row["number"]
      if let body = (row["body"] as String).data(using: .utf8),
        let record = try? JSONDecoder().decode(Record.self, from: body)
      {
        media.formUnion(record.media.map(\.sha256))
      }
      try db.execute(sql: "DELETE FROM revision WHERE record_id = ? AND number = ?", arguments: [id, number])
      try writer.forget(id)
      if number == 1 {
        try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [id])
      } else {
        try writer.restore(id, revision: number - 1)
      }
    }
    for sha256 in media.sorted() {
      try db.execute(
        sql: """
          DELETE FROM media_blob WHERE sha256 = ? AND first_import_id = ?
            AND NOT EXISTS (SELECT 1 FROM revision WHERE import_id = ? AND instr(body, ?) > 0)
          """,
        arguments: [sha256, importID, importID, sha256])
    }
    try db.execute(
      sql: "DELETE FROM temp.import_seen WHERE substr(place, 1, ?) = ?",
      arguments: [file.unicodeScalars.count + 1, file + ":"])  // substr counts characters
    try db.execute(sql: "DELETE FROM temp.import_reference WHERE file = ?", arguments: [file])
    try db.execute(
      sql: "DELETE FROM import_file WHERE import_id = ? AND path = ?", arguments: [importID, file])
  }

  /// Records the SHA-512 of a stored media file, hashed as it was staged; a file stored before
  /// the catalog kept SHA-512s gets one when an import meets it again.
  func recordMediaSHA512(_ sha512: String, of sha256: String) throws {
    try db.run(
      sql: "UPDATE media_blob SET sha512 = ? WHERE sha256 = ? AND sha512 IS NULL",
      arguments: [sha512, sha256])
  }

  /// Records a file whose records this pass imported.
  func recordImportedFile(path: String, sha256: String, size: Int64, records: Int) throws {
    try db.run(
      sql:
        "INSERT INTO import_file (import_id, path, sha256, size, records, status) VALUES (?, ?, ?, ?, ?, 'imported')",
      arguments: [importID, path, sha256, size, records])
  }

  /// Records a file this import refused.
  func recordRefusedFile(path: String) throws {
    try db.execute(
      sql:
        "INSERT INTO import_file (import_id, path, sha256, size, records, status) VALUES (?, ?, '', 0, 0, 'refused')",
      arguments: [importID, path])
  }

  /// Closes the change run with its counts.
  func finish(inserted: Int, updated: Int, unchanged: Int, refusedFiles: Int) throws {
    try db.execute(
      sql:
        "UPDATE import_run SET finished_at = ?, inserted = ?, updated = ?, unchanged = ?, refused = ? WHERE id = ?",
      arguments: [Date().ISO8601Format(), inserted, updated, unchanged, refusedFiles, importID])
  }
}

extension Catalog {
  /// Runs `body` in one immediate write transaction as an import by `by`; commits when it
  /// returns `true`, rolls back otherwise (or when it throws). The first import into an empty
  /// catalog that no one else has open writes with the rollback journal (``ImportJournal``).
  func inImportTransaction(
    by: String?, timestamp: String, _ body: (ImportTransaction) throws -> Bool
  ) throws {
    try requireWritable()
    try database.writeWithoutTransaction { db in
      let journal = try db.journalForImport()
      defer { if journal == .rollback { db.restoreWriteAheadLog() } }
      try db.inTransaction(.immediate) {
        let transaction = try ImportTransaction(
          db: db, journal: journal, by: by, timestamp: timestamp, indexer: indexer)
        return try body(transaction) ? .commit : .rollback
      }
    }
  }
}
