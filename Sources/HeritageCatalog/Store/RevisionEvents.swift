import GRDB

/// One revision of a record, as the export's PREMIS events tell it.
struct RevisionEvent: Sendable {
  var recordID: String
  var number: Int
  var createdAt: String
  var sourceFile: String
  var sourceLine: Int
  var importID: Int64
  var command: ChangeCommand
  var by: String?
}

extension Catalog {
  /// Every revision of the records in `ids` with the change run that made it, by record id,
  /// oldest first.
  func revisionEvents(of ids: Set<String>) throws -> [String: [RevisionEvent]] {
    let rows = try withReadTransaction { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT v.record_id, v.number, v.created_at, v.source_file, v.source_line, v.import_id, i.command, i.by
          FROM revision v JOIN import_run i ON i.id = v.import_id ORDER BY v.record_id, v.number
          """)
    }
    var events: [String: [RevisionEvent]] = [:]
    for row in rows where ids.contains(row["record_id"]) {
      let event = RevisionEvent(
        recordID: row["record_id"], number: row["number"], createdAt: row["created_at"],
        sourceFile: row["source_file"], sourceLine: row["source_line"], importID: row["import_id"],
        command: ChangeCommand(rawValue: row["command"]) ?? .import, by: row["by"])
      events[event.recordID, default: []].append(event)
    }
    return events
  }

  /// When each record's current revision was made, by id.
  func updateTimes() throws -> [String: String] {
    try withReadTransaction { db in
      try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, updated_at FROM record").map {
          ($0["id"] as String, $0["updated_at"] as String)
        })
    }
  }
}
