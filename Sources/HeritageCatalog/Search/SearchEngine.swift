import Foundation
import GRDB

extension Catalog {
  /// Searches names, alternative names, keywords, districts and summaries in Chinese (one
  /// character up, simplified or traditional), pinyin (with or without tones and spaces),
  /// name initials and English (prefixes), ranked as a person expects: exact name, name prefix,
  /// name contains, alias, keyword, district, summary; UNESCO and national listings first on ties.
  ///
  /// The query is never handed to SQL or FTS5 as written: it is folded, cut into tokens of
  /// letters, digits and Han characters, and each token is quoted.
  /// - Throws: ``CatalogError`` with code `.invalidArgument` for an empty, too long or
  ///   unsearchable query, or unknown filters.
  public func search(_ query: SearchQuery) throws -> SearchResults {
    try search(query, suggesting: true)
  }

  /// Searches; with `suggesting`, an empty result looks for a spelling that has results (the
  /// check of a suggestion itself suggests nothing, so suggestions never chase each other).
  private func search(_ query: SearchQuery, suggesting: Bool) throws -> SearchResults {
    let plan = try SearchPlan(query.text)
    let filters = try searchFilters(query)
    let pageSize = max(1, query.limit) * 4 + 50
    // Names and aliases first: when they alone fill the page, no keyword, district or summary
    // match can rank above them, and the (often far larger) full match is never ranked.
    var candidates: [SearchHit] = []
    if query.near == nil {
      candidates = try rankedCandidates(plan, expression: plan.nameMatch, filters: filters, limit: pageSize)
    }
    if candidates.count < max(1, query.limit) {
      candidates = try rankedCandidates(
        plan, expression: plan.match, filters: filters, limit: query.near == nil ? pageSize : 5000)
    }
    if let near = query.near {
      let points = try self.points(for: near)
      let located = try database.read { db in try candidates.map { try locate($0, db: db) } }
      candidates = zip(candidates, located).compactMap { hit, recordPoints -> SearchHit? in
        guard
          let distance = recordPoints.map({ point in points.map { $0.kilometers(to: point) }.min()! }).min()
        else { return nil }
        if let within = query.within, distance > within { return nil }
        var withDistance = hit
        withDistance.kilometers = distance
        return withDistance
      }.sorted { ($0.kilometers!, $0.match, $0.id) < ($1.kilometers!, $1.match, $1.id) }
    } else if query.within != nil {
      throw CatalogError(.invalidArgument, "a distance limit needs an origin to measure from")
    }
    var hits = Array(candidates.prefix(max(1, query.limit)))
    try database.read { db in
      for index in hits.indices {
        hits[index].name =
          try String.fetchOne(db, sql: "SELECT name FROM record WHERE id = ?", arguments: [hits[index].id])
          ?? hits[index].id
        hits[index].districts = try String.fetchAll(
          db.cachedStatement(
            sql:
              "SELECT value FROM record_facet INDEXED BY record_facet_by_record_and_facet WHERE record_id = ? AND facet = 'district' ORDER BY value"
          ),
          arguments: [hits[index].id]
        ).compactMap { gazetteer.district(code: $0)?.name }
      }
    }
    return SearchResults(
      hits: hits, suggestion: hits.isEmpty && suggesting ? try suggestion(for: plan, query: query) : nil)
  }

  /// Candidates for `expression`, roughly ranked by the database (exact, prefix and contained
  /// name, alias, keyword, district, summary; then level), then classified exactly and sorted.
  private func rankedCandidates(
    _ plan: SearchPlan, expression: String, filters: (sql: String, arguments: [any DatabaseValueConvertible]),
    limit: Int
  ) throws -> [SearchHit] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT t.record_id, t.kind, t.status, t.level_rank, t.names, t.aliases, t.keywords, t.places,
                 t.summaries, t.name_pinyin,
                 CASE
                   WHEN instr(char(10) || t.names || char(10), char(10) || ? || char(10)) > 0
                     OR instr(char(10) || t.name_pinyin || char(10), char(10) || ? || char(10)) > 0 THEN 0
                   WHEN instr(char(10) || t.names, char(10) || ?) > 0
                     OR instr(char(10) || t.name_pinyin, char(10) || ?) > 0 THEN 1
                   WHEN instr(t.names, ?) > 0 OR instr(t.name_pinyin, ?) > 0 THEN 2
                   WHEN instr(t.aliases, ?) > 0 THEN 3
                   WHEN instr(t.keywords, ?) > 0 THEN 4
                   WHEN instr(t.places, ?) > 0 THEN 5
                   ELSE 6
                 END AS rough
          FROM search_fts JOIN search_text t ON t.id = search_fts.rowid
          WHERE search_fts MATCH ? \(filters.sql)
          ORDER BY rough, t.level_rank, length(t.names), t.record_id
          LIMIT ?
          """,
        arguments: StatementArguments(
          [plan.compact, plan.hanRuns.isEmpty ? plan.pinyinKey : "\n"]
            + Array(repeating: plan.probe, count: 7) + [expression] + filters.arguments + [limit]))
    }.compactMap { row -> (SearchHit, Int)? in
      guard let match = plan.classify(row, pinyin: indexer.pinyin) else { return nil }
      let hit = SearchHit(
        id: row["record_id"], kind: RecordKind(rawValue: row["kind"]) ?? .giProduct, name: "",
        status: RecordStatus(rawValue: row["status"]) ?? .active, match: match,
        level: (row["level_rank"] as Int) < ListingLevel.allCases.count
          ? ListingLevel.allCases[row["level_rank"]] : nil, districts: [], kilometers: nil)
      return (hit, (row["names"] as String).count)
    }
    .sorted { a, b in
      (a.0.match, a.0.level.map { ListingLevel.allCases.firstIndex(of: $0)! } ?? 9, a.1, a.0.id)
        < (b.0.match, b.0.level.map { ListingLevel.allCases.firstIndex(of: $0)! } ?? 9, b.1, b.0.id)
    }
    .map(\.0)
  }

  /// Where a hit is: its own location, else its districts' points.
  private func locate(_ hit: SearchHit, db: Database) throws -> [GeoPoint] {
    try currentRecord(id: hit.id, in: db)?.record.points(in: gazetteer) ?? []
  }

  private func searchFilters(_ query: SearchQuery) throws -> (
    sql: String, arguments: [any DatabaseValueConvertible]
  ) {
    var sql = ""
    var arguments: [any DatabaseValueConvertible] = []
    if !query.includeWithdrawn { sql += " AND t.status = 'active'" }
    if let kind = query.kind {
      sql += " AND t.kind = ?"
      arguments.append(kind.rawValue)
    }
    func facet(_ name: String, _ value: String) {
      sql += " AND t.record_id IN (SELECT record_id FROM record_facet WHERE facet = ? AND value = ?)"
      arguments += [name, value]
    }
    if let category = query.category {
      facet("category", ICHCategory(code: category)?.code ?? category)
    }
    if let level = query.level { facet("level", level.rawValue) }
    if let stationType = query.stationType { facet("station-type", stationType.rawValue) }
    if let name = query.district {
      facet("district", try gazetteer.requireDistrict(named: name).code)
    }
    return (sql, arguments)
  }

  /// The closest spelling that has results: a vocabulary term near a Latin query, or a name
  /// (or part of one) near a Chinese query of three characters or more.
  private func suggestion(for plan: SearchPlan, query: SearchQuery) throws -> String? {
    if plan.latinRuns.isEmpty, plan.hanRuns.count == 1 {
      return try chineseSuggestion(for: plan.hanRuns[0], query: query)
    }
    guard plan.hanRuns.isEmpty, let word = plan.latinRuns.last, word.count >= 3 else { return nil }
    let candidates = try database.read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT term FROM search_vocabulary WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? LIMIT 20000",
        arguments: [
          String(word.prefix(1)), String(word.prefix(1)) + "\u{FFFF}", word.count - 2, word.count + 2,
        ])
    }
    let target = Array(word)
    let allowed = word.count >= 8 ? 2 : 1
    let best = candidates.map { ($0, editDistance(Array($0), target)) }.filter { $0.1 > 0 && $0.1 <= allowed }
      .min { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let best else { return nil }
    var suggested = query
    suggested.text = (plan.latinRuns.dropLast() + [best.0]).joined(separator: " ")
    return try search(suggested, suggesting: false).hits.isEmpty ? nil : suggested.text
  }

  /// For a Chinese query of three characters or more with one character wrong (two from six
  /// up): the closest stretch of an indexed name or alias that shares a neighbour pair with it,
  /// when that stretch has results (`寿山石凋` → `寿山石雕`).
  private func chineseSuggestion(for run: String, query: SearchQuery) throws -> String? {
    let target = Array(run)
    guard target.count >= 3 else { return nil }
    let pairs = (0..<target.count - 1).map { SearchPlan.quote(String(target[$0...$0 + 1])) }
    let lines = try database.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT t.names || char(10) || t.aliases FROM search_fts JOIN search_text t ON t.id = search_fts.rowid
          WHERE search_fts MATCH ? LIMIT 500
          """,
        arguments: ["{name alias} : (" + pairs.joined(separator: " OR ") + ")"])
    }
    let allowed = target.count >= 6 ? 2 : 1
    var best: (distance: Int, lengthGap: Int, text: String)?
    for name in Set(lines.flatMap { $0.split(separator: "\n").map(Array.init) }) {
      for length in max(1, target.count - allowed)...(target.count + allowed) where length <= name.count {
        for start in 0...(name.count - length) {
          let window = Array(name[start..<start + length])
          let distance = editDistance(window, target)
          guard distance > 0, distance <= allowed else { continue }
          let candidate = (distance, abs(length - target.count), String(window))
          if best.map({ candidate < $0 }) ?? true { best = candidate }
        }
      }
    }
    guard let best else { return nil }
    var suggested = query
    suggested.text = best.text
    return try search(suggested, suggesting: false).hits.isEmpty ? nil : best.text
  }
}
