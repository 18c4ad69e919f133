import GRDB

/// Temporary tables of one import pass: the ids seen so far and the references to resolve
/// once every file has been read. They live in SQLite's temporary store, so memory stays flat.
enum ImportScratch {
  static func create(in db: Database) throws {
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS import_seen (id TEXT PRIMARY KEY, place TEXT NOT NULL) WITHOUT ROWID;
        CREATE TEMP TABLE IF NOT EXISTS import_reference (
          source_id TEXT NOT NULL, target_id TEXT NOT NULL, relation TEXT NOT NULL,
          file TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL);
        DELETE FROM temp.import_seen;
        DELETE FROM temp.import_reference;
        """)
  }

  /// Claims `id` for this import; returns where it was first defined when already claimed.
  static func claim(_ id: String, file: String, line: Int, in db: Database) throws -> String? {
    try db.run(
      sql: "INSERT OR IGNORE INTO temp.import_seen (id, place) VALUES (?, ?)",
      arguments: [id, "\(file):\(line)"])
    if db.changesCount == 1 { return nil }
    return try String.fetchOne(
      db.cachedStatement(sql: "SELECT place FROM temp.import_seen WHERE id = ?"), arguments: [id])
  }

  /// Notes the `related` and `serves` references of a record for resolution at the end.
  static func noteReferences(of draft: RecordDraft, file: String, in db: Database) throws {
    let references =
      draft.related.map { ($0.value.ref, "related", $0.position) }
      + draft.serves.map { ($0.value.ref, "serves", $0.position) }
    for (target, relation, position) in references {
      try db.run(
        sql: "INSERT INTO temp.import_reference VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [draft.id, target, relation, file, position.line, position.column])
    }
  }

  /// References that lead to no record, or to a station, as errors.
  static func unresolvedReferences(in db: Database) throws -> [ImportError] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT p.source_id, p.target_id, p.relation, p.file, p.line, p.col, r.kind
        FROM temp.import_reference p LEFT JOIN record r ON r.id = p.target_id
        WHERE r.id IS NULL OR r.kind = 'station'
        ORDER BY p.file, p.line, p.col
        """)
    return rows.map { row in
      let target: String = row["target_id"]
      let relation: String = row["relation"]
      let message =
        row["kind"] as String? == nil
        ? "\(relation) \(target): no such record in the catalog or in this import"
        : "\(relation) \(target): that is a station; \(relation) links go to GI products and ICH items"
      return ImportError(
        file: row["file"], line: row["line"], column: row["col"], recordID: row["source_id"], message: message
      )
    }
  }
}
