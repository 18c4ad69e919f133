import Crypto
import Foundation
import GRDB

/// What an upsert did with a record.
enum UpsertOutcome {
  case inserted
  case updated
  case unchanged
}

/// The catalog already holds a record's id as another kind of record.
struct KindConflict: Error {
  var existing: RecordKind
}

/// Writes record revisions inside the caller's transaction: a new record, a new revision of a
/// changed one (the old revision stays), or nothing for an identical one.
struct RecordWriter {
  let db: Database
  let importID: Int64
  let timestamp: String
  /// Keeps the search index in step with each new revision.
  let indexer: SearchIndexer

  /// The canonical JSON of a record: sorted keys, so equal records give equal bytes.
  static func canonicalJSON(_ record: Record) throws -> String {
    try CanonicalJSON.encode(record)
  }

  /// Stores `record` as a new revision unless the current one is identical.
  /// - Throws: ``KindConflict`` when the catalog holds the id as another kind of record.
  func upsert(_ record: Record, file: String, line: Int) throws -> UpsertOutcome {
    try upsert(PreparedRecord(record, indexer: indexer), file: file, line: line)
  }

  /// Stores a prepared record as a new revision unless the current one is identical.
  /// - Throws: ``KindConflict`` when the catalog holds the id as another kind of record.
  func upsert(_ prepared: PreparedRecord, file: String, line: Int) throws -> UpsertOutcome {
    let record = prepared.record
    let current = try Row.fetchOne(
      db.cachedStatement(sql: "SELECT kind, current_revision, body_sha256 FROM record WHERE id = ?"),
      arguments: [record.id])
    if let current, let kind = RecordKind(rawValue: current["kind"]), kind != record.kind {
      throw KindConflict(existing: kind)
    }
    let (body, digest) = (prepared.body, prepared.digest)
    if let current, current["body_sha256"] as String == digest { return .unchanged }
    let number = (current?["current_revision"] as Int? ?? 0) + 1
    try db.run(
      sql: """
        INSERT INTO revision (record_id, number, body, body_sha256, import_id, source_file, source_line, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [record.id, number, body, digest, importID, file, line, timestamp])
    try db.run(
      sql: """
        INSERT INTO record (
          id, kind, status, name, current_revision, body_sha256, created_at, updated_at, district_codes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET
          kind = excluded.kind, status = excluded.status, name = excluded.name,
          current_revision = excluded.current_revision, body_sha256 = excluded.body_sha256,
          updated_at = excluded.updated_at, district_codes = excluded.district_codes
        """,
      arguments: [
        record.id, record.kind.rawValue, record.status.rawValue, record.primaryName, number, digest,
        timestamp, timestamp, RecordWriter.districtCodes(of: record),
      ])
    if current != nil {
      try db.run(sql: "DELETE FROM record_facet WHERE record_id = ?", arguments: [record.id])
      try db.run(sql: "DELETE FROM link WHERE source_id = ?", arguments: [record.id])
    }
    try writeDerived(record)
    try indexer.write(prepared.index, in: db, isNew: current == nil)
    try StoredForms.write(prepared.forms, id: record.id, revision: number, key: formKey, in: db)
    for item in record.media {
      try db.run(
        sql: "INSERT OR IGNORE INTO media_blob (sha256, size, type, first_import_id) VALUES (?, ?, ?, ?)",
        arguments: [item.sha256, item.size, item.type, importID])
    }
    return current == nil ? .inserted : .updated
  }

  /// Removes the facets, links, search entry and stored forms of `id` (before its revision
  /// is taken back).
  func forget(_ id: String) throws {
    try db.execute(sql: "DELETE FROM record_facet WHERE record_id = ?", arguments: [id])
    try db.execute(sql: "DELETE FROM link WHERE source_id = ?", arguments: [id])
    try StoredForms.remove(id, in: db)
    try indexer.remove(id, in: db)
  }

  /// The key the forms written here are stored under.
  private var formKey: String { StoredForms.key(gazetteer: indexer.gazetteer) }

  /// Makes revision `number` of `id` current again, with its facets, links, search entry and
  /// stored forms.
  func restore(_ id: String, revision number: Int) throws {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT body, body_sha256, created_at FROM revision WHERE record_id = ? AND number = ?",
        arguments: [id, number])
    else { return }
    let record = try JSONDecoder().decode(Record.self, from: Data((row["body"] as String).utf8))
    try db.execute(
      sql: """
        UPDATE record SET kind = ?, status = ?, name = ?, current_revision = ?, body_sha256 = ?, updated_at = ?,
          district_codes = ?
        WHERE id = ?
        """,
      arguments: [
        record.kind.rawValue, record.status.rawValue, record.primaryName, number,
        row["body_sha256"] as String,
        row["created_at"] as String, RecordWriter.districtCodes(of: record), id,
      ])
    try writeDerived(record)
    try indexer.write(record, in: db, isNew: true)
    try StoredForms.write(record, revision: number, gazetteer: indexer.gazetteer, in: db)
  }

  /// The facets and links of `record` (whose old ones are gone).
  private func writeDerived(_ record: Record) throws {
    for (facet, value) in RecordWriter.facets(of: record) {
      try db.run(
        sql: "INSERT INTO record_facet (record_id, facet, value) VALUES (?, ?, ?)",
        arguments: [record.id, facet.rawValue, value])
    }
    for (target, relation, role) in RecordWriter.links(of: record) {
      try db.run(
        sql: "INSERT INTO link (source_id, target_id, relation, role) VALUES (?, ?, ?, ?)",
        arguments: [record.id, target, relation.rawValue, role])
    }
  }

  /// The values `heritage stats` counts by: districts, categories, levels, station types.
  static func facets(of record: Record) -> [(Facet, String)] {
    var facets = record.districts.map { (Facet.district, $0) }
    if let gi = record.giProduct {
      let category = gi.category.first(where: \.isChinese) ?? gi.category.first
      if let category { facets.append((.category, category.text)) }
    }
    if let item = record.heritageItem {
      facets.append((.category, item.category.code))
      for level in Set(item.listings.map(\.level)).sorted() {
        facets.append((.level, level.rawValue))
      }
    }
    if let station = record.station {
      facets.append((.stationType, station.type.rawValue))
      if station.featured { facets.append((.featured, "true")) }
    }
    return facets
  }

  /// The record's district codes as its row holds them (`record.district_codes`), for a
  /// harvest's headers: sorted, separated by spaces.
  static func districtCodes(of record: Record) -> String {
    Set(record.districts).sorted().joined(separator: " ")
  }

  static func links(of record: Record) -> [(String, LinkRelation, String?)] {
    record.related.map { ($0.ref, LinkRelation.related, $0.type) }
      + (record.station?.serves ?? []).map { ($0.ref, .serves, $0.role.rawValue) }
  }
}
