import Foundation
import GRDB

/// What `heritage link` or `heritage unlink` did.
public struct LinkChange: Sendable, Codable, Hashable {
  /// The station.
  public var station: String
  /// The GI product or ICH item.
  public var record: String
  /// The role linked or unlinked.
  public var role: ServesRole?
  /// The station's revision after the change.
  public var revision: Int
  /// `false` when the station already was as asked and nothing was written.
  public var changed: Bool
}

extension Catalog {
  /// Makes `station` serve `record` in `role`, as a new revision of the station recorded like an
  /// import (who, when). Linking what is already linked changes nothing.
  /// - Throws: ``CatalogError`` when an id is unknown or of the wrong kind; nothing is written.
  public func link(station: String, record: String, role: ServesRole, by: String?) throws -> LinkChange {
    try changeStation(station, record: record, command: "link", by: by) { serves in
      let link = ServesLink(ref: record, role: role)
      if serves.contains(link) { return false }
      serves.append(link)
      return true
    }.with(role: role)
  }

  /// Removes the link from `station` to `record` (only the one in `role`, when given).
  /// - Throws: ``CatalogError`` when the station does not serve the record; nothing is written.
  public func unlink(station: String, record: String, role: ServesRole?, by: String?) throws -> LinkChange {
    try changeStation(station, record: record, command: "unlink", by: by) { serves in
      let before = serves.count
      serves.removeAll { $0.ref == record && (role == nil || $0.role == role) }
      if serves.count == before {
        let how = role.map { " as \($0.rawValue)" } ?? ""
        throw CatalogError(.invalidArgument, "\(station) does not serve \(record)\(how); nothing was changed")
      }
      return true
    }.with(role: role)
  }

  private func changeStation(
    _ stationID: String, record recordID: String, command: String, by: String?,
    change: (inout [ServesLink]) throws -> Bool
  ) throws -> LinkChange {
    try database.write { db in
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
        return LinkChange(
          station: stationID, record: recordID, revision: revision, changed: false)
      }
      station.station?.serves = serves
      let timestamp = Date().ISO8601Format()
      try db.execute(
        sql: "INSERT INTO import_run (started_at, finished_at, by, updated, command) VALUES (?, ?, ?, 1, ?)",
        arguments: [timestamp, timestamp, by, command])
      let writer = RecordWriter(
        db: db, importID: db.lastInsertedRowID, timestamp: timestamp, indexer: indexer)
      _ = try writer.upsert(station, file: "heritage \(command)", line: 0)
      return LinkChange(
        station: stationID, record: recordID, revision: revision + 1, changed: true)
    }
  }
}

extension LinkChange {
  fileprivate func with(role: ServesRole?) -> LinkChange {
    var copy = self
    copy.role = role
    return copy
  }
}
