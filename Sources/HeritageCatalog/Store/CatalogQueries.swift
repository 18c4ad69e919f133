import Foundation
import GRDB

/// A record with what the catalog knows around it: its revision, its links both ways.
public struct RecordDetails: Sendable, Codable {
  /// The current revision of the record.
  public var record: Record
  /// The current revision's number, from 1.
  public var revision: Int
  /// When the record first entered the catalog.
  public var createdAt: String
  /// When the current revision was made.
  public var updatedAt: String
  /// Links from this record to others.
  public var links: [LinkedRecord]
  /// Links from other records to this one (for a GI product or ICH item, the stations serving it).
  public var backlinks: [LinkedRecord]
  /// For a GI product or ICH item with a location or districts, the nearest station of each
  /// type; filled by ``Catalog/detailsWithNearestStations(id:)``.
  public var nearestStations: [NearbyStation]?
}

/// One end of a link, with the linked record's name and kind.
public struct LinkedRecord: Sendable, Codable, Hashable {
  /// The other record's id.
  public var id: String
  /// Its kind, `nil` when the record does not exist.
  public var kind: RecordKind?
  /// Its primary name.
  public var name: String?
  /// How the two records are linked.
  public var relation: LinkRelation
  /// The link's type or role.
  public var role: String?
  /// For a station, its type.
  public var stationType: StationType?
}

/// One revision in a record's history.
public struct RevisionSummary: Sendable, Codable, Hashable {
  /// The revision number, from 1.
  public var number: Int
  /// When it was made.
  public var createdAt: String
  /// The file it came from.
  public var sourceFile: String
  /// The line of the record in that file.
  public var sourceLine: Int
  /// The import that made it.
  public var importID: Int64
  /// The status it gave the record.
  public var status: RecordStatus
  /// SHA-256 of the revision's canonical JSON.
  public var sha256: String
  /// Who ran that import, when recorded.
  public var by: String?
}

/// Counts of the catalog's current records.
public struct CatalogStats: Sendable, Codable {
  /// A labelled count.
  public struct Count: Sendable, Codable, Hashable {
    /// The value counted, such as a district code or a category.
    public var key: String
    /// A readable label, such as the district's name.
    public var label: String
    /// How many records.
    public var count: Int
  }

  /// All records, withdrawn included.
  public var total: Int
  /// Withdrawn records.
  public var withdrawn: Int
  /// By kind.
  public var byKind: [Count]
  /// By district.
  public var byDistrict: [Count]
  /// By category (GI categories and ICH category codes).
  public var byCategory: [Count]
  /// ICH items by listing level.
  public var byLevel: [Count]
  /// Stations by type.
  public var byStationType: [Count]
  /// Imports recorded.
  public var imports: Int
  /// Revisions kept.
  public var revisions: Int
}

extension Catalog {
  /// The record with `id` and its links.
  /// - Throws: ``CatalogError`` with code `.notFound` when there is none.
  public func details(id: String) throws -> RecordDetails {
    try withReadTransaction { db in
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT r.created_at, r.updated_at, r.current_revision, v.body FROM record r
              JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision WHERE r.id = ?
              """), arguments: [id])
      else { throw notFoundError(id, db: db) }
      let record = try JSONDecoder().decode(Record.self, from: Data((row["body"] as String).utf8))
      let linkSQL = """
        SELECT l.%@ AS other, l.relation, l.role, r.kind, r.name, f.value AS station_type FROM link l
        LEFT JOIN record r ON r.id = l.%@
        LEFT JOIN record_facet f ON f.record_id = r.id AND f.facet = 'station-type'
        WHERE l.%@ = ? ORDER BY l.relation, r.kind, l.%@
        """
      func linked(_ sql: String) throws -> [LinkedRecord] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [id]).map { link in
          LinkedRecord(
            id: link["other"], kind: (link["kind"] as String?).flatMap(RecordKind.init(rawValue:)),
            name: link["name"], relation: LinkRelation(rawValue: link["relation"]) ?? .related,
            role: link["role"],
            stationType: (link["station_type"] as String?).flatMap(StationType.init(rawValue:)))
        }
      }
      let outgoing = String(format: linkSQL, "target_id", "target_id", "source_id", "target_id")
      let incoming = String(format: linkSQL, "source_id", "source_id", "target_id", "source_id")
      return RecordDetails(
        record: record, revision: row["current_revision"], createdAt: row["created_at"],
        updatedAt: row["updated_at"], links: try linked(outgoing), backlinks: try linked(incoming))
    }
  }

  /// The current revision of `id` and its number, or `nil` when the catalog has no such record.
  func currentRecord(id: String, in db: Database) throws -> (record: Record, revision: Int)? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT r.current_revision, v.body FROM record r
            JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision WHERE r.id = ?
            """), arguments: [id])
    else { return nil }
    return (
      try JSONDecoder().decode(Record.self, from: Data((row["body"] as String).utf8)), row["current_revision"]
    )
  }

  /// Current records of one kind, decoded from their current revisions.
  func currentRecords(kind: RecordKind, includeWithdrawn: Bool = true) throws -> [Record] {
    try withReadTransaction { db in
      let bodies = try String.fetchAll(
        db,
        sql: """
          SELECT v.body FROM record r JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision
          WHERE r.kind = ? \(includeWithdrawn ? "" : "AND r.status = 'active'") ORDER BY r.id
          """, arguments: [kind.rawValue])
      let decoder = JSONDecoder()
      return try bodies.map { try decoder.decode(Record.self, from: Data($0.utf8)) }
    }
  }

  /// Where `origin` is: the point itself; a district's point, for a district's code or name;
  /// or a record's own location, else its districts' points.
  /// - Throws: ``CatalogError`` for an unknown record, a record with no location and no
  ///   district, or a name that is neither a record id (`kind:name`) nor a known district (the
  ///   message names the closest districts).
  public func points(for origin: Origin) throws -> [GeoPoint] {
    switch origin {
    case .point(let point):
      return [point]
    case .record(let id):
      if let district = gazetteer.district(named: id) {  // by code, name, English name or alias
        return [district.point]
      }
      if !id.contains(":") {
        throw CatalogError(.invalidArgument, gazetteer.unknownDistrictMessage(id))
      }
      let points = try details(id: id).record.points(in: gazetteer)
      if points.isEmpty {
        throw CatalogError(.invalidArgument, "\(id) has no location and no district with a point")
      }
      return points
    }
  }

  /// The revisions of `id`, oldest first.
  public func history(id: String) throws -> [RevisionSummary] {
    try withReadTransaction { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT v.number, v.created_at, v.source_file, v.source_line, v.import_id, v.body_sha256,
                 json_extract(v.body, '$.status') AS status, i.by
          FROM revision v LEFT JOIN import_run i ON i.id = v.import_id
          WHERE v.record_id = ? ORDER BY v.number
          """, arguments: [id])
      if rows.isEmpty { throw notFoundError(id, db: db) }
      return rows.map { row in
        RevisionSummary(
          number: row["number"], createdAt: row["created_at"], sourceFile: row["source_file"],
          sourceLine: row["source_line"], importID: row["import_id"],
          status: RecordStatus(rawValue: row["status"] ?? "active") ?? .active, sha256: row["body_sha256"],
          by: row["by"])
      }
    }
  }

  /// Counts by kind, district, category, level and station type.
  public func stats() throws -> CatalogStats {
    try withReadTransaction { db in
      func counts(_ sql: String, label: (String) -> String = { $0 }) throws -> [CatalogStats.Count] {
        try Row.fetchAll(db, sql: sql).map { row in
          let key: String = row[0]
          return CatalogStats.Count(key: key, label: label(key), count: row[1])
        }
      }
      func facet(_ facet: Facet) -> String {
        """
        SELECT f.value, count(DISTINCT f.record_id) FROM record_facet f JOIN record r ON r.id = f.record_id
        WHERE f.facet = '\(facet.rawValue)' GROUP BY f.value ORDER BY 2 DESC, 1
        """
      }
      let levels = ListingLevel.allCases.map(\.rawValue)
      return CatalogStats(
        total: try Int.fetchOne(db, sql: "SELECT count(*) FROM record") ?? 0,
        withdrawn: try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE status = 'withdrawn'") ?? 0,
        byKind: try counts("SELECT kind, count(*) FROM record GROUP BY kind").sorted {
          RecordKind(rawValue: $0.key)! < RecordKind(rawValue: $1.key)!
        },
        byDistrict: try counts(facet(.district)) { self.gazetteer.district(code: $0)?.name ?? $0 },
        byCategory: try counts(facet(.category)) { code in
          ICHCategory(code: code).map { "\(code) \($0.name)" } ?? code
        },
        byLevel: try counts(facet(.level)).sorted {
          (levels.firstIndex(of: $0.key) ?? 99) < (levels.firstIndex(of: $1.key) ?? 99)
        },
        byStationType: try counts(facet(.stationType)) { StationType(rawValue: $0)?.chineseName ?? $0 },
        imports: try Int.fetchOne(db, sql: "SELECT count(*) FROM import_run") ?? 0,
        revisions: try Int.fetchOne(db, sql: "SELECT count(*) FROM revision") ?? 0)
    }
  }

  func notFoundError(_ id: String, db: Database) -> CatalogError {
    let near =
      (try? String.fetchAll(
        db, sql: "SELECT id FROM record WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 3",
        arguments: ["%" + (id.split(separator: ":").last.map(String.init) ?? id).likeEscaped + "%"])) ?? []
    let hint = near.isEmpty ? "" : " (did you mean \(near.joined(separator: ", "))?)"
    return CatalogError(.notFound, "no record \(id) in the catalog\(hint)")
  }
}

extension String {
  /// The string with `%`, `_` and `\` escaped for a LIKE pattern with `ESCAPE '\'`.
  var likeEscaped: String {
    var out = ""
    for character in self {
      if character == "%" || character == "_" || character == "\\" { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
