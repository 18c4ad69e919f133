/// A record with the work of storing it done beforehand: its canonical JSON and that JSON's
/// digest (which tell an unchanged record from a changed one), its search-index entry and the
/// forms a harvest copies.
///
/// Preparing needs no database, so an import prepares each record on the thread that reads
/// the XML while the writer's thread stores the ones before it.
struct PreparedRecord: Sendable {
  let record: Record
  /// The canonical JSON stored as the revision's body.
  let body: String
  /// SHA-256 of `body`, in hex.
  let digest: String
  let index: IndexEntry
  /// The forms a harvest copies (`nil` for a withdrawn record).
  let forms: StoredForms.Forms?

  init(_ record: Record, indexer: SearchIndexer) throws {
    self.record = record
    body = try RecordWriter.canonicalJSON(record)
    digest = sha256Hex(body)
    index = indexer.entry(for: record)
    forms = StoredForms.forms(of: record, gazetteer: indexer.gazetteer)
  }
}

/// Prepares records for ``ImportTransaction/upsert(_:file:line:)`` on any thread, without
/// holding on to the catalog.
struct RecordPreparer: Sendable {
  fileprivate let indexer: SearchIndexer

  func prepare(_ record: Record) throws -> PreparedRecord {
    try PreparedRecord(record, indexer: indexer)
  }
}

extension Catalog {
  /// What prepares this catalog's records for an import.
  var preparer: RecordPreparer { RecordPreparer(indexer: indexer) }
}
