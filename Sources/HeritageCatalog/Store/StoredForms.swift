import Foundation
import GRDB

/// The forms of a record's current revision a catalog keeps for OAI-PMH harvests (`dc_form`):
/// its Dublin Core elements and its Heritage Records XML element, so that a harvest copies
/// them instead of decoding and writing every record.
///
/// A row counts only for the revision it was written from and under the current
/// ``key(gazetteer:)`` (the writers' versions and the gazetteer's names); anything else is
/// written afresh by the harvest, so a missing or stale row costs time, never correctness.
/// Imports write the rows of the records they change; ``Catalog/refreshStoredForms()``
/// writes the others.
enum StoredForms {
  /// What a record's stored forms are: `nil` for a withdrawn record (a harvest shows it as
  /// deleted, without metadata). A record with media has no stored XML element: its media
  /// addresses depend on the server that answers.
  struct Forms: Sendable {
    var dublinCore: [UInt8]
    var recordXML: [UInt8]?
  }

  /// The key forms are stored under: the writers' versions and the district names they wrote.
  static func key(gazetteer: Gazetteer) -> String {
    "oai_dc.\(DublinCore.formVersion).heritage.\(RecordXML.formVersion).\(gazetteer.namesDigest)"
  }

  /// The forms to keep for `record`.
  static func forms(of record: Record, gazetteer: Gazetteer) -> Forms? {
    guard record.status != .withdrawn else { return nil }
    return Forms(
      dublinCore: DublinCore.elements(of: record, gazetteer: gazetteer),
      recordXML: record.media.isEmpty
        ? RecordXML.element(of: record, gazetteer: gazetteer, mediaPaths: [:]) : nil)
  }

  /// Keeps `forms` as those of `id`'s revision `revision`, or drops the row of a record that
  /// has none.
  static func write(_ forms: Forms?, id: String, revision: Int, key: String, in db: Database) throws {
    guard let forms else { return try remove(id, in: db) }
    try db.run(
      sql: """
        INSERT OR REPLACE INTO dc_form (record_id, revision, form_key, elements, record_xml)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [id, revision, key, Data(forms.dublinCore), forms.recordXML.map { Data($0) }])
  }

  /// Makes and keeps the forms of `record` as those of its revision `revision`.
  static func write(_ record: Record, revision: Int, gazetteer: Gazetteer, in db: Database) throws {
    try write(
      forms(of: record, gazetteer: gazetteer), id: record.id, revision: revision,
      key: key(gazetteer: gazetteer),
      in: db)
  }

  /// Drops the forms of `id`.
  static func remove(_ id: String, in db: Database) throws {
    try db.run(sql: "DELETE FROM dc_form WHERE record_id = ?", arguments: [id])
  }
}

/// A form a harvest can take from the catalog instead of writing it.
public enum StoredForm: Sendable {
  /// The Dublin Core elements (`oai_dc`).
  case dublinCore
  /// The Heritage Records XML element of a record without media (`heritage`).
  case recordXML
}

extension Catalog {
  /// Writes the stored forms of every active record whose forms are missing or stale (a
  /// catalog from before migration v13, another gazetteer, a newer writer), in one
  /// transaction.
  /// - Returns: how many records' forms were written.
  @discardableResult
  public func refreshStoredForms() throws -> Int {
    try requireWritable()
    let key = StoredForms.key(gazetteer: gazetteer)
    return try database.write { db in
      // In batches by id, written before the next is read: memory stays flat, and no
      // statement reads `dc_form` while it is written.
      let decoder = JSONDecoder()
      var written = 0
      var after = ""
      while true {
        let rows = try Row.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT r.id, r.current_revision, v.body FROM record r
              JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision
              LEFT JOIN dc_form f ON f.record_id = r.id
              WHERE r.id > ? AND r.status != 'withdrawn'
                AND (f.record_id IS NULL OR f.revision != r.current_revision OR f.form_key != ?)
              ORDER BY r.id LIMIT 500
              """),
          arguments: [after, key])
        guard let last = rows.last else { return written }
        for row in rows {
          let record = try decoder.decode(Record.self, from: Data((row["body"] as String).utf8))
          try StoredForms.write(record, revision: row["current_revision"], gazetteer: gazetteer, in: db)
        }
        written += rows.count
        after = last["id"]
      }
    }
  }
}
