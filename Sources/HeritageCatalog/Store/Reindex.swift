import GRDB

extension Catalog {
  /// Rebuilds the search index from every current revision, in one transaction.
  /// - Returns: how many records were indexed.
  @discardableResult
  public func reindex() throws -> Int {
    try requireWritable()
    let records = try RecordKind.allCases.flatMap { try currentRecords(kind: $0) }
    try database.write { db in
      try db.execute(
        sql:
          "DELETE FROM search_fts; DELETE FROM search_name_fts; DELETE FROM search_text; DELETE FROM search_name;"
      )
      for record in records { try indexer.write(record, in: db, isNew: true) }
    }
    return records.count
  }

  /// Builds the index once for a catalog that has records but no index yet (one made before
  /// search existed).
  func indexIfMissing() throws {
    let missing = try withReadTransaction { db in
      try Bool.fetchOne(
        db, sql: "SELECT NOT EXISTS (SELECT 1 FROM search_text) AND EXISTS (SELECT 1 FROM record)") ?? false
    }
    if missing { try reindex() }
  }
}
