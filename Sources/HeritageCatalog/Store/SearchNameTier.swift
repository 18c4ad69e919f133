import GRDB

/// The name tier of the search index: one row per name of a record in each of its spellings
/// (the folded name's runs, its toneless pinyin, its initials), with the record's listing rank
/// and name length beside it, keyed by that text (one B-tree: no index by record to keep up).
/// A query of one word or one run of Han characters finds every name that starts with it by
/// one range of that key, and ranks the names without reading the records or the full-text
/// index: the cost follows the names that start with the query, not every record that
/// mentions it.
enum NameSpelling: Int, Sendable {
  /// The folded name's runs joined by single spaces (`TextNormalizer.compact`).
  case name = 0
  /// Toneless pinyin of the Han runs and the Latin runs as they are, run together.
  case pinyin = 1
  /// The first letter of each syllable, and the Latin runs as they are, run together.
  case initials = 2
}

extension SearchIndexer {
  /// The spellings of each name: `names` are folded names, `namePinyin` their pinyin (as
  /// `search_text.name_pinyin` holds it, names first), `initials` their initials.
  func nameTier(
    names: [String], namePinyin: [String], initials: [String]
  ) -> [(text: String, spelling: NameSpelling)] {
    var rows: [(String, NameSpelling)] = []
    for (index, name) in names.enumerated() {
      rows.append((TextNormalizer.compact(name), .name))
      if index < namePinyin.count { rows.append((namePinyin[index], .pinyin)) }
      rows.append((initials[index], .initials))
    }
    // Initials never make an exact match, so those spelled like a pinyin row (a name without
    // Han characters) add nothing; a name and a pinyin row alike stay both, as each can be exact.
    let pinyinTexts = Set(rows.filter { $0.1 == .pinyin }.map(\.0))
    var seen = Set<String>()
    return rows.filter {
      !$0.0.isEmpty && !($0.1 == .initials && pinyinTexts.contains($0.0))
        && seen.insert("\($0.1.rawValue) \($0.0)").inserted
    }
  }

  /// The tier entry of one record: `names` folded, `namePinyin` their pinyin (names first, as
  /// `search_text.name_pinyin` holds it), `initials` their initials.
  func nameTierEntry(
    recordID: String, kind: RecordKind, status: RecordStatus, levelRank: Int, names: [String],
    namePinyin: [String], initials: [String]
  ) -> NameTierEntry {
    NameTierEntry(
      recordID: recordID, kind: kind, status: status, levelRank: levelRank,
      nameLength: joinedLength(names),
      rows: nameTier(names: names, namePinyin: namePinyin, initials: initials))
  }

  /// The tier entry written for a stored `search_text` row, its initials read from its names
  /// again: what removing the record's rows, or filling the tier, finds them by.
  func nameTierEntry(_ indexed: IndexedRecord) -> NameTierEntry {
    nameTierEntry(
      recordID: indexed.recordID, kind: indexed.kind, status: indexed.status, levelRank: indexed.levelRank,
      names: indexed.names, namePinyin: indexed.namePinyin, initials: indexed.names.map(pinyin.initials))
  }

  /// Writes the name tier of one record (after its `search_text` row).
  func writeNameTier(_ entry: NameTierEntry, in db: Database) throws {
    for row in entry.rows {
      try db.run(
        sql: """
          INSERT INTO search_name (text, spelling, level_rank, name_length, record_id, kind, status)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          row.text, row.spelling.rawValue, entry.levelRank, entry.nameLength, entry.recordID,
          entry.kind.rawValue, entry.status.rawValue,
        ])
    }
  }

  /// Removes the name tier of one record (the tier is keyed by text, with no index by record to
  /// keep up at import, so its rows are found by the entry's texts).
  func removeNameTier(_ entry: NameTierEntry, in db: Database) throws {
    for row in entry.rows {
      try db.run(
        sql: "DELETE FROM search_name WHERE text = ? AND spelling = ? AND record_id = ?",
        arguments: [row.text, row.spelling.rawValue, entry.recordID])
    }
  }

  /// Fills the name tier from the `search_text` rows already written (a catalog indexed
  /// before the tier existed: migration v5). It reads the columns `search_text` had then; the
  /// ones added later (the labels of v12) are not there yet, nor needed by the tier.
  func fillNameTier(in db: Database) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT record_id, kind, status, level_rank, names, aliases, keywords, places, summaries, name_pinyin,
               '' AS primary_name, '' AS district_codes
        FROM search_text
        """)
    while let row = try rows.next() {
      try writeNameTier(nameTierEntry(IndexedRecord(row: row)), in: db)
    }
  }
}

/// The name tier rows of one record, with what each row repeats of the record for ranking.
struct NameTierEntry: Sendable {
  var recordID: String
  var kind: RecordKind
  var status: RecordStatus
  var levelRank: Int
  /// The length of the names, one line each, in characters.
  var nameLength: Int
  /// ``SearchIndexer/nameTier(names:namePinyin:initials:)``.
  var rows: [(text: String, spelling: NameSpelling)]
}

/// What a name-tier lookup asks for: names starting with any of `prefixes`, a name spelled
/// exactly `exactName` or a pinyin spelled exactly `exactPinyin` ranking first.
struct NameTierProbe: Sendable {
  var prefixes: [String]
  var exactName: String
  var exactPinyin: String?
}

extension Catalog {
  /// Up to `limit` index rows of records with a name (in any spelling) that starts with one of
  /// the probe's prefixes, exact names first, then listing level, shorter names, ids: the order
  /// in which the search ranks exact and prefix matches. Facet filters are not applied here
  /// (the caller uses the full-text path for them). Nothing when fewer than `minimum` records
  /// have such a name.
  ///
  /// When more names start with the prefixes than sorting them is worth (`walkAbove`, by
  /// default ``walkThreshold(_:)``, or the page's rows for prefixes of two characters), the
  /// names are read in rank order (``NameRankWalk``) until the page is full, so a broad prefix
  /// costs about as much as a narrow one. Prefixes longer than two characters that share their
  /// first two first read no more than `headBudget` names of those two in rank order (by
  /// default twice the page's rows; 0 skips it): when that fills the page, no names are counted.
  func nameTierCandidates(
    _ probe: NameTierProbe, filters: IndexFilters, limit: Int, minimum: Int, walkAbove: Int? = nil,
    headBudget: Int? = nil
  ) throws -> [IndexedRecord] {
    let prefixes = Set(probe.prefixes).sorted().filter { !$0.isEmpty }
    guard !prefixes.isEmpty else { return [] }
    let (rangeSQL, bounds) = NameRankWalk.ranges(of: prefixes)
    var rangeArguments = bounds
    // `+status` keeps the planner on the key's range: without statistics it would rather
    // walk `search_name_by_rank` for the status and sort, which only a broad prefix is worth.
    let kindSQL = filters.kind == nil ? "" : " AND kind = ?"
    let filterSQL = (filters.includeWithdrawn ? "" : " AND +status = 'active'") + kindSQL
    if let kind = filters.kind {
      rangeArguments.append(kind.rawValue)
    }
    // The names in rank order, a record's best first (its names share its level and length):
    // a top-k sort of the rows, cheaper than grouping every match by record. A record has
    // one row per name and spelling, so rows of `perRecord` times the page cover the page
    // unless some record has more names than that; then the rows are grouped after all.
    let perRecord = 6
    func rankedIDs(grouped: Bool) throws -> (ids: [String], rows: Int) {
      let exact = "CASE WHEN (spelling = 0 AND text = ?) OR (spelling = 1 AND text = ?) THEN 0 ELSE 1 END"
      // The text varies only with the number of prefixes and the filters: a few statements,
      // each prepared once per connection (preparing cost more than a narrow probe).
      let rows = try withReadTransaction { db in
        try String.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT record_id FROM search_name
              WHERE (\(rangeSQL))\(filterSQL)
              \(grouped ? "GROUP BY record_id" : "")
              ORDER BY \(grouped ? "MIN(\(exact))" : exact), level_rank, name_length, record_id
              LIMIT ?
              """),
          arguments: StatementArguments(
            rangeArguments + [probe.exactName, probe.exactPinyin, grouped ? limit : limit * perRecord]))
      }
      var seen = Set<String>()
      return (Array(rows.filter { seen.insert($0).inserted }.prefix(limit)), rows.count)
    }
    // The exact names, in rank order: what a walk puts first.
    func exactIDs(_ db: Database) throws -> [String] {
      try String.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT record_id FROM search_name
            WHERE ((spelling = 0 AND text = ?) OR (spelling = 1 AND text = ?))
              AND (\(rangeSQL))\(filterSQL)
            ORDER BY level_rank, name_length, record_id
            """),
        arguments: StatementArguments([probe.exactName, probe.exactPinyin] + rangeArguments))
    }
    // Exact names first, then every name in rank order (up to `bound`, when given) until
    // `limit` records are found.
    func walk(_ db: Database, through bound: NameRankWalk.Rank?) throws -> [String] {
      var ids: [String] = []
      var seen = Set<String>()
      for id in try exactIDs(db) where ids.count < limit && seen.insert(id).inserted { ids.append(id) }
      var walk = try NameRankWalk(prefixes: prefixes, kind: filters.kind, through: bound, in: db)
      while ids.count < limit, let id = try walk.next() {
        if seen.insert(id).inserted { ids.append(id) }
      }
      return ids
    }
    func walkedIDs() throws -> [String] {
      try withReadTransaction { db in try walk(db, through: nil) }
    }
    // The same page from the first `budget` names of the prefixes' one head in rank order
    // (all of them, when it has no more), `nil` when they do not fill it.
    func leadingIDs(head: String, budget: Int) throws -> [String]? {
      try withReadTransaction { db in
        let bound = try NameRankWalk.rank(after: budget - 1, head: head, kind: filters.kind, in: db)
        let ids = try walk(db, through: bound)
        return ids.count >= limit || bound == nil ? ids : nil
      }
    }
    // The index is ordered within one status: the walk serves searches of active records.
    // Prefixes of two characters are whole heads: their walk steps over matching names only,
    // so it costs no more than sorting as soon as the page's rows exist.
    let wholeHeads = prefixes.allSatisfy { NameRankWalk.head($0) == $0 }
    let heads = Set(prefixes.map(NameRankWalk.head))
    let budget = headBudget ?? min(limit, Int.max / (perRecord * 2)) * perRecord * 2
    var found: [String]?
    if !filters.includeWithdrawn {
      // Fewer names than the page's rows are sorted at once (unless the caller chose).
      let broad =
        try walkAbove != nil || wholeHeads || namesStarting((rangeSQL, bounds), atLeast: limit * perRecord)
      // Longer prefixes of one head: when they are broad, the head's first names in rank
      // order fill the page, for less than counting the names that start with them would
      // cost (`jasmine` at 100,000 records: a few hundred entries against thousands). When
      // they do not, the budget is spent and the count decides.
      if broad, !wholeHeads, budget > 0, heads.count == 1, let head = heads.first! {
        found = try leadingIDs(head: head, budget: budget)
      }
      if found == nil, broad,
        try namesStarting(
          (rangeSQL, bounds),
          atLeast: walkAbove ?? (wholeHeads ? limit * perRecord : walkThreshold(limit * perRecord)))
      {
        found = try walkedIDs()
      }
    }
    var ids: [String]
    if let found {
      ids = found
    } else {
      var rows: Int
      (ids, rows) = try rankedIDs(grouped: false)
      if ids.count < limit && rows == limit * perRecord {
        ids = try rankedIDs(grouped: true).ids
      }
    }
    // Fewer records than the caller needs: the full-text path will answer, so the rows are
    // not worth reading.
    guard ids.count >= minimum else { return [] }
    return try indexedRecords(ids)
  }
}

extension Catalog {
  /// Whether at least `count` names lie in `ranges` (``NameRankWalk/ranges(of:)``): whether
  /// the `count`-th of them exists, which steps over no more than `count` entries of the key.
  fileprivate func namesStarting(
    _ ranges: (sql: String, arguments: [any DatabaseValueConvertible]), atLeast count: Int
  ) throws -> Bool {
    try withReadTransaction { db in
      try Int.fetchOne(
        db.cachedStatement(sql: "SELECT 1 FROM search_name WHERE \(ranges.sql) LIMIT 1 OFFSET ?"),
        arguments: StatementArguments(ranges.arguments + [max(0, count - 1)])) != nil
    }
  }

  /// Above how many matching names reading the tier in rank order costs less than sorting
  /// the matches: sorting costs about the matches, the walk about the tier's rows times the
  /// rows needed over the matches; they meet near the square root of their product, scaled by
  /// the square root of what stepping over an entry costs against sorting one. Callgrind put
  /// that near a quarter (about 580 against 2,200 instructions), so √0.25 = 0.5; 0.4 leaves
  /// room for the probe's own steps. The
  /// tier's rows are estimated at five per indexed record (a name in three spellings, an
  /// alias or two), from the highest `search_text` id, which costs one step of its B-tree
  /// where counting the tier would cost a read of all of it in every search process.
  func walkThreshold(_ needed: Int) throws -> Int {
    let records = try withReadTransaction { db in
      try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM search_text")) ?? 0
    }
    return max(500, Int(min(0.4 * (Double(records) * 5 * Double(needed)).squareRoot(), Double(Int.max / 2))))
  }
}
