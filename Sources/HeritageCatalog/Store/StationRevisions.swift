import Foundation
import GRDB

extension Catalog {
  /// Changes what a station serves as a new revision of the station, recorded as a change run
  /// of `command` (who, when), in one write transaction: both ids are checked to exist and be
  /// of the right kinds first. `change` returns `false` when there is nothing to change.
  func changeStation(
    _ stationID: String, record recordID: String, command: ChangeCommand, by: String?,
    change: (inout [ServesLink]) throws -> Bool
  ) throws -> (revision: Int, changed: Bool) {
    try requireWritable()
    return try database.write { db in
      let kinds = try Dictionary(
        Row.fetchAll(
          db, sql: "SELECT id, kind FROM record WHERE id IN (?, ?)", arguments: [stationID, recordID]
        )
        .map { ($0["id"] as String, $0["kind"] as String) }, uniquingKeysWith: { first, _ in first })
      guard let stationKind = kinds[stationID] else { throw notFoundError(stationID, db: db) }
      guard stationKind == RecordKind.station.rawValue else {
        throw CatalogError(.invalidArgument, "\(stationID) is a \(stationKind), not a station")
      }
      guard let recordKind = kinds[recordID] else { throw notFoundError(recordID, db: db) }
      guard recordKind != RecordKind.station.rawValue else {
        throw CatalogError(
          .invalidArgument, "\(recordID) is a station; stations serve GI products and ICH items")
      }
      guard let (current, revision) = try currentRecord(id: stationID, in: db) else {
        throw notFoundError(stationID, db: db)
      }
      var station = current
      var serves = station.station?.serves ?? []
      guard try change(&serves) else {
        return (revision, false)
      }
      station.station?.serves = serves
      let timestamp = Date().ISO8601Format()
      try db.execute(
        sql: "INSERT INTO import_run (started_at, finished_at, by, updated, command) VALUES (?, ?, ?, 1, ?)",
        arguments: [timestamp, timestamp, by, command.rawValue])
      let writer = RecordWriter(
        db: db, importID: db.lastInsertedRowID, timestamp: timestamp, indexer: indexer)
      _ = try writer.upsert(station, file: "heritage \(command.rawValue)", line: 0)
      return (revision + 1, true)
    }
  }
}
