import GRDB

extension Catalog {
  /// Whether at least `count` records are in one of the districts `codes`: whether the
  /// `count`-th facet row exists, which steps over no more than `count` entries of the facet's
  /// index. Withdrawn records and every kind count: an estimate of how broad a place is.
  func recordsInDistricts(_ codes: [String], atLeast count: Int) throws -> Bool {
    guard !codes.isEmpty else { return false }
    return try withReadTransaction { db in
      try Int.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT 1 FROM record_facet
            WHERE facet = 'district' AND value IN (\(databaseQuestionMarks(count: codes.count)))
            LIMIT 1 OFFSET ?
            """),
        arguments: StatementArguments(codes as [any DatabaseValueConvertible] + [max(0, count - 1)])) != nil
    }
  }

  /// The ids of up to `limit` active records whose places (their districts' folded names, one
  /// per line) hold `text`, in rank order (listing level, name length, id), `skipping` those
  /// given; of one kind when `kind` is set. The index `search_text_by_rank` holds the places
  /// with each entry, so the walk reads no row, and stops when the page is full.
  func recordsPlaced(holding text: String, kind: RecordKind?, limit: Int, skipping: Set<String>) throws
    -> [String]
  {
    guard limit > 0 else { return [] }
    return try withReadTransaction { db in
      let walk = try String.fetchCursor(
        db.cachedStatement(
          sql: """
            SELECT record_id FROM search_text INDEXED BY search_text_by_rank
            WHERE status = 'active' AND instr(places, ?) > 0\(kind == nil ? "" : " AND kind = ?")
            ORDER BY level_rank, length(names), record_id
            """),
        arguments: StatementArguments([text] + (kind.map { [$0.rawValue] } ?? [])))
      var ids: [String] = []
      while ids.count < limit, let id = try walk.next() {
        if !skipping.contains(id) { ids.append(id) }
      }
      return ids
    }
  }
}
