import Foundation
import GRDB

/// The Dublin Core elements a catalog keeps for each record's current revision (`dc_form`),
/// so that an OAI-PMH harvest copies them instead of decoding and writing every record.
///
/// A row counts only for the revision it was written from and under the current
/// ``DublinCore/formKey(gazetteer:)``; anything else is written afresh by the harvest, so a
/// missing or stale row costs time, never correctness. Imports write the rows of the records
/// they change; ``Catalog/refreshStoredForms()`` writes the others.
enum StoredDublinCore {
  /// The elements to keep for `record`, or `nil` for a withdrawn record (a harvest shows it
  /// as deleted, without metadata).
  static func elements(of record: Record, gazetteer: Gazetteer) -> [UInt8]? {
    record.status == .withdrawn ? nil : DublinCore.elements(of: record, gazetteer: gazetteer)
  }

  /// Keeps `elements` as the form of `id`'s revision `revision`, or drops the row of a
  /// record that has none.
  static func write(_ elements: [UInt8]?, id: String, revision: Int, key: String, in db: Database) throws {
    guard let elements else {
      try db.run(sql: "DELETE FROM dc_form WHERE record_id = ?", arguments: [id])
      return
    }
    try db.run(
      sql: "INSERT OR REPLACE INTO dc_form (record_id, revision, form_key, elements) VALUES (?, ?, ?, ?)",
      arguments: [id, revision, key, Data(elements)])
  }
}

extension Catalog {
  /// Writes the Dublin Core form of every active record whose form is missing or stale (a
  /// catalog from before migration v13, another gazetteer, a newer writer), in one
  /// transaction.
  /// - Returns: how many forms were written.
  @discardableResult
  public func refreshStoredForms() throws -> Int {
    try requireWritable()
    let key = DublinCore.formKey(gazetteer: gazetteer)
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
          try StoredDublinCore.write(
            StoredDublinCore.elements(of: record, gazetteer: gazetteer), id: row["id"],
            revision: row["current_revision"], key: key, in: db)
        }
        written += rows.count
        after = last["id"]
      }
    }
  }
}
