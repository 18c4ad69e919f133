import Foundation
import GRDB

/// One record as the search index holds it: its folded texts, one line per name, alias,
/// keyword, district or summary. Names and their pinyin are split into lines; the other
/// fields stay as stored (lines joined by newlines), since a term a field holds is found in
/// the joined text as in its lines, and most rows are classified by their names alone.
struct IndexedRecord: Sendable {
  var recordID: String
  var kind: RecordKind
  var status: RecordStatus
  /// Position of the highest listing level (`ListingLevel.allCases`), or that count for none.
  var levelRank: Int
  var names: [String]
  /// Alternative names, one line each.
  var aliasText: String
  /// Keywords (and GI categories), one line each.
  var keywordText: String
  /// District and place names, one line each.
  var placeText: String
  /// Summaries, one line each; `nil` when the row was read without them (``searchColumns``):
  /// most rows are classified before their summaries would be looked at, and summaries are
  /// most of a row's bytes. ``Catalog/classified(_:_:)`` reads them for the rows that need them.
  var summaryText: String?
  /// Toneless pinyin of each name and alias, in the same order.
  var namePinyin: [String]
  /// The name the record is shown by (its first Chinese name), as written.
  var primaryName: String
  /// The codes of its districts, one line each.
  var districtCodes: String

  /// The highest listing level, if any.
  var level: ListingLevel? {
    levelRank < ListingLevel.allCases.count ? ListingLevel.allCases[levelRank] : nil
  }

  /// The alternative names, one per line of ``aliasText``.
  var aliases: [String] { storedLines(aliasText) }
}

extension IndexedRecord {
  /// The columns of `search_text` a row is read with, in this order.
  private static let columnNames = [
    "record_id", "kind", "status", "level_rank", "names", "aliases", "keywords", "places", "summaries",
    "name_pinyin", "primary_name", "district_codes",
  ]

  /// ``columnNames`` for a select list.
  static let columns = columnNames.joined(separator: ", ")

  /// ``columnNames`` for a select list, each qualified by the table's alias `table`.
  static func columns(of table: String) -> String {
    columnNames.map { "\(table).\($0)" }.joined(separator: ", ")
  }

  /// ``columns(of:)`` without the summaries (read as `NULL`): what a search reads its
  /// candidates with.
  static func searchColumns(of table: String) -> String {
    columnNames.map { $0 == "summaries" ? "NULL AS summaries" : "\(table).\($0)" }.joined(separator: ", ")
  }

  /// The rows of `statement` (which selects ``columns`` first), read from its cursor in
  /// place: copying each row first cost a third of the reading.
  static func fetchAll(_ statement: Statement, arguments: StatementArguments) throws -> [IndexedRecord] {
    let rows = try Row.fetchCursor(statement, arguments: arguments)
    var records: [IndexedRecord] = []
    while let row = try rows.next() { records.append(IndexedRecord(row: row)) }
    return records
  }

  /// A row selected with ``columns`` first, read by position (a lookup by name per column
  /// cost more than the values).
  init(row: Row) {
    self.init(
      recordID: row[0], kind: RecordKind(rawValue: row[1]) ?? .giProduct,
      status: RecordStatus(rawValue: row[2]) ?? .active, levelRank: row[3],
      names: storedLines(row[4]), aliasText: row[5], keywordText: row[6], placeText: row[7],
      summaryText: row[8], namePinyin: storedLines(row[9]), primaryName: row[10], districtCodes: row[11])
  }
}

/// The lines of a stored list (a `search_text` column, a `group_concat`), split on the newline
/// byte (or on `separator`: a record's district codes are separated by spaces), empty lines
/// left out: splitting on a `Character` walks grapheme clusters, which cost a quarter of a
/// search over HTTP.
func storedLines(_ column: String, separator: UInt8 = UInt8(ascii: "\n")) -> [String] {
  var text = column
  return text.withUTF8 { bytes in
    var lines: [String] = []
    // One allocation for the list (growing it line by line cost a tenth of a search).
    lines.reserveCapacity(bytes.reduce(1) { $1 == separator ? $0 + 1 : $0 })
    var start = 0
    for index in bytes.indices where bytes[index] == separator {
      if index > start {
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
      }
      start = index + 1
    }
    if bytes.count > start {
      lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
    }
    return lines
  }
}

/// Which records a search may return, besides the text.
struct IndexFilters: Sendable {
  var includeWithdrawn = false
  var kind: RecordKind?
  /// Facets and values that must all hold (category, level, station type, district).
  var facets: [(facet: Facet, value: String)] = []
}

/// One tier of the database's rough ranking, which picks the candidates of a page before
/// they are classified exactly: a row is in the tier when any of its probes holds. The search
/// layer makes the tiers from its match classes, in their order, so the order is defined once.
struct IndexTier: Sendable {
  /// A column of `search_text`: lines of folded text.
  enum Column: String, Sendable {
    case names
    case namePinyin = "name_pinyin"
    case aliases
    case keywords
    case places
  }

  /// Where the probe must stand in one of the column's lines.
  enum Position: Sendable {
    case wholeLine
    case lineStart
    case anywhere
  }

  var probes: [(column: Column, position: Position, text: String)]
}

/// Which full-text index a match expression reads.
enum FullTextIndex: String, Sendable {
  /// `search_fts`: every field (name, alias, keyword, place, summary, pinyin, initials).
  case everything = "search_fts"
  /// `search_name_fts`: names, aliases and keywords with their pinyin and initials, whose
  /// token lists are not lengthened by summaries and places.
  case names = "search_name_fts"
}

extension Catalog {
  /// Up to `limit` index rows matching the FTS5 `expression` (made of quoted tokens only) in
  /// `index`, ranked by the first of `tiers` each row is in (rows in none last), then listing
  /// level, shorter names, ids. When no more than `limit` rows match, all of them, in no
  /// particular order: the caller ranks them exactly, and ranking them here would only cost.
  func indexCandidates(
    matching expression: String, in index: FullTextIndex = .everything, tiers: [IndexTier],
    filters: IndexFilters, limit: Int
  ) throws -> [IndexedRecord] {
    let fts = index.rawValue
    // `+` keeps the planner off `search_text_by_rank` (status first): without statistics it
    // would walk every active row and look each up in the full-text index.
    var filterSQL = filters.includeWithdrawn ? "" : " AND +t.status = 'active'"
    var filterArguments: [any DatabaseValueConvertible] = []
    if let kind = filters.kind {
      filterSQL += " AND +t.kind = ?"
      filterArguments.append(kind.rawValue)
    }
    for facet in filters.facets {
      filterSQL += " AND t.record_id IN (SELECT record_id FROM record_facet WHERE facet = ? AND value = ?)"
      filterArguments += [facet.facet.rawValue, facet.value]
    }
    return try withReadTransaction { db in
      let matches = try Int64.fetchAll(
        db.cachedStatement(sql: "SELECT rowid FROM \(fts) WHERE \(fts) MATCH ? LIMIT ?"),
        arguments: [expression, limit + 1])
      if matches.count <= limit {
        return try IndexedRecord.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT \(IndexedRecord.searchColumns(of: "t")) FROM search_text t
              WHERE t.id IN (SELECT value FROM json_each(?)) \(filterSQL)
              """),
          arguments: StatementArguments(
            ["[" + matches.map(String.init).joined(separator: ",") + "]"] + filterArguments))
      }
      let (rankSQL, rankArguments) = Catalog.roughRank(tiers)
      return try IndexedRecord.fetchAll(
        db.cachedStatement(
          // The matches are ranked by their keys alone, and only the page's rows are read whole:
          // sorting whole rows copied every match's summaries into the sorter.
          sql: """
            SELECT \(IndexedRecord.searchColumns(of: "t"))
            FROM (
              SELECT t.id, \(rankSQL) AS rough, t.level_rank, length(t.names) AS name_length, t.record_id
              FROM \(fts) JOIN search_text t ON t.id = \(fts).rowid
              WHERE \(fts) MATCH ? \(filterSQL)
              ORDER BY rough, t.level_rank, name_length, t.record_id
              LIMIT ?
            ) AS top JOIN search_text t ON t.id = top.id
            ORDER BY top.rough, top.level_rank, top.name_length, top.record_id
            """),
        arguments: StatementArguments(rankArguments + [expression] + filterArguments + [limit]))
    }
  }

  /// The SQL expression (and its arguments) of the rough rank: the index of the first of
  /// `tiers` a row of `search_text t` is in, or the number of tiers.
  private static func roughRank(_ tiers: [IndexTier]) -> (
    sql: String, arguments: [any DatabaseValueConvertible]
  ) {
    var rankSQL = "CASE"
    var rankArguments: [any DatabaseValueConvertible] = []
    for (index, tier) in tiers.enumerated() where !tier.probes.isEmpty {
      let conditions = tier.probes.map { probe -> String in
        rankArguments.append(probe.text)
        let column = "t.\(probe.column.rawValue)"
        switch probe.position {
        case .wholeLine:
          // The first, a middle or the last line, without concatenating the column per row.
          rankArguments += Array(repeating: probe.text, count: 5)
          return """
            (\(column) = ? OR instr(\(column), char(10) || ? || char(10)) > 0
              OR substr(\(column), 1, length(?) + 1) = ? || char(10)
              OR substr(\(column), -length(?) - 1) = char(10) || ?)
            """
        case .lineStart: return "instr(char(10) || \(column), char(10) || ?) > 0"
        case .anywhere: return "instr(\(column), ?) > 0"
        }
      }
      rankSQL += " WHEN " + conditions.joined(separator: " OR ") + " THEN \(index)"
    }
    rankSQL += " ELSE \(tiers.count) END"
    return (rankSQL, rankArguments)
  }

  /// The index rows of `ids`, in no particular order, without their summaries.
  func indexedRecords(_ ids: [String]) throws -> [IndexedRecord] {
    guard !ids.isEmpty else { return [] }
    let (list, arguments) = Catalog.idList(ids)
    return try withReadTransaction { db in
      try IndexedRecord.fetchAll(
        db.cachedStatement(
          sql:
            "SELECT \(IndexedRecord.searchColumns(of: "t")) FROM search_text t WHERE t.record_id IN (\(list))"
        ),
        arguments: arguments)
    }
  }

  /// The summaries of the index rows of `ids`, by record id.
  func indexedSummaries(_ ids: [String]) throws -> [String: String] {
    guard !ids.isEmpty else { return [:] }
    let (list, arguments) = Catalog.idList(ids)
    return try withReadTransaction { db in
      let rows = try Row.fetchCursor(
        db.cachedStatement(sql: "SELECT record_id, summaries FROM search_text WHERE record_id IN (\(list))"),
        arguments: arguments)
      var summaries: [String: String] = [:]
      while let row = try rows.next() { summaries[row[0]] = row[1] }
      return summaries
    }
  }

  /// Placeholders for `ids` in an `IN` list, and their arguments. The list is filled up to a
  /// power of two with its last id, so a few statements, each prepared once per connection,
  /// serve every length (preparing cost more than the read).
  private static func idList(_ ids: [String]) -> (sql: String, arguments: StatementArguments) {
    var width = 8
    while width < ids.count { width *= 2 }
    return (
      databaseQuestionMarks(count: width),
      StatementArguments(ids + Array(repeating: ids[ids.count - 1], count: width - ids.count))
    )
  }

  /// Where each record of `ids` is: its own location, else its districts' points. Read from
  /// the stored revision's location and the district facets, without decoding whole records.
  func points(ofRecords ids: [String]) throws -> [[GeoPoint]] {
    try withReadTransaction { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT json_extract(v.body, '$.location.lat') AS lat, json_extract(v.body, '$.location.lon') AS lon,
                 (SELECT group_concat(value, char(10)) FROM record_facet
                  WHERE record_id = r.id AND facet = 'district') AS districts
          FROM record r JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision
          WHERE r.id = ?
          """)
      return try ids.map { id -> [GeoPoint] in
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return [] }
        if let lat = row["lat"] as Double?, let lon = row["lon"] as Double? {
          return [GeoPoint(lat: lat, lon: lon)]
        }
        let codes = storedLines((row["districts"] as String?) ?? "")
        return codes.compactMap { gazetteer.district(code: $0)?.point }
      }
    }
  }

  /// Indexed words (of the FTS5 vocabulary) that start with `initial` and whose length is in
  /// `lengths`.
  func indexedWords(startingWith initial: String, lengths: ClosedRange<Int>) throws -> [String] {
    try withReadTransaction { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT term FROM search_vocabulary WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? LIMIT 20000",
        arguments: [initial, initial + "\u{FFFF}", lengths.lowerBound, lengths.upperBound])
    }
  }

  /// The folded names and aliases of up to 500 records whose names or aliases match the FTS5
  /// `expression` (over the columns of ``FullTextIndex/names``).
  func indexedNames(matching expression: String) throws -> [String] {
    let lines = try withReadTransaction { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT t.names || char(10) || t.aliases
          FROM search_name_fts JOIN search_text t ON t.id = search_name_fts.rowid
          WHERE search_name_fts MATCH ? LIMIT 500
          """,
        arguments: [expression])
    }
    return lines.flatMap { storedLines($0) }
  }

  /// How many rows `search_text` and each full-text index hold: one each per current record
  /// when the index is whole (a check for tests and audits).
  func searchIndexRowCounts() throws -> (texts: Int, everything: Int, names: Int) {
    try withReadTransaction { db in
      let counts = try [
        "search_text", FullTextIndex.everything.rawValue, FullTextIndex.names.rawValue,
      ].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
      return (counts[0], counts[1], counts[2])
    }
  }
}
