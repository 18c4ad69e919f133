import Foundation

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
    // Its several queries read one state of the catalog, in one transaction.
    try withReadTransaction { _ in try search(query, suggesting: true) }
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
    if query.near == nil, let probe = plan.nameTierProbe, filters.facets.isEmpty {
      // One word or one Han run: names that start with it, ranked by the name tier alone.
      // Only when exact and prefix matches fill the page is nothing below them needed; the
      // tier ranks as the final sort does, so the page and a margin for rows that classify
      // lower are all it reads.
      let rows = try nameTierCandidates(
        probe, filters: filters, limit: max(1, query.limit) + 10, minimum: max(1, query.limit))
      let ranked = try classified(plan, rows).filter { $0.match <= .namePrefix }
      if ranked.count >= max(1, query.limit) { candidates = ranked }
    }
    if query.near == nil && candidates.isEmpty {
      candidates =
        try placeTierHits(plan, filters: filters, limit: max(1, query.limit), pageSize: pageSize)
        ?? nameColumnHits(plan, filters: filters, limit: max(1, query.limit), pageSize: pageSize)
        ?? rankedCandidates(plan, expression: plan.nameMatch, in: .names, filters: filters, limit: pageSize)
    }
    if candidates.count < max(1, query.limit) {
      candidates = try rankedCandidates(
        plan, expression: plan.match, filters: filters, limit: query.near == nil ? pageSize : 5000)
    }
    if let near = query.near {
      let points = try self.points(for: near)
      let located = try self.points(ofRecords: candidates.map(\.id))
      candidates = zip(candidates, located).compactMap { hit, recordPoints -> SearchHit? in
        guard
          let distance = recordPoints.map({ points.kilometers(to: $0) }).min()
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
    // Candidates carry their districts' codes (see `classified`): the page's hits get names.
    for index in hits.indices {
      hits[index].districts = hits[index].districts.sorted().compactMap { gazetteer.district(code: $0)?.name }
    }
    return SearchResults(
      hits: hits, suggestion: hits.isEmpty && suggesting ? try suggestion(for: plan, query: query) : nil,
      terms: plan.terms)
  }

  /// Candidates for `expression`, roughly ranked by the database, then classified exactly and
  /// sorted: match class, listing level, shorter names, ids.
  private func rankedCandidates(
    _ plan: SearchPlan, expression: String, in index: FullTextIndex = .everything, filters: IndexFilters,
    limit: Int
  ) throws -> [SearchHit] {
    try classified(
      plan,
      try indexCandidates(matching: expression, in: index, tiers: plan.tiers, filters: filters, limit: limit))
  }

  /// Index rows classified exactly (rows that do not really match dropped) and sorted: match
  /// class, listing level, shorter names, ids. Rows read without their summaries whose class
  /// depends on them are classified again with them.
  func classified(_ plan: SearchPlan, _ rows: [IndexedRecord]) throws -> [SearchHit] {
    var rows = rows
    var undecided: [Int] = []
    var matches: [MatchClass?] = rows.indices.map { index in
      var asked = false
      let match = plan.classify(rows[index], pinyin: indexer.pinyin, askedForSummary: &asked)
      if asked { undecided.append(index) }
      return match
    }
    if !undecided.isEmpty {
      let summaries = try indexedSummaries(undecided.map { rows[$0].recordID })
      for index in undecided {
        rows[index].summaryText = summaries[rows[index].recordID] ?? ""
        matches[index] = plan.classify(rows[index], pinyin: indexer.pinyin)
      }
    }
    // Each hit's sort key is made once: match class, level, length of its names, id.
    return zip(rows, matches)
      .compactMap { row, match -> (key: (Int, Int, Int, String), hit: SearchHit)? in
        guard let match else { return nil }
        // `districts` holds the codes until the page is cut; only its hits are given names.
        let hit = SearchHit(
          id: row.recordID, kind: row.kind, name: row.primaryName, status: row.status, match: match,
          level: row.level, districts: storedLines(row.districtCodes), kilometers: nil)
        let key = (match.rawValue, row.levelRank, joinedLength(row.names), row.recordID)
        return (key, hit)
      }
      .sorted { $0.key < $1.key }
      .map(\.hit)
  }

  private func searchFilters(_ query: SearchQuery) throws -> IndexFilters {
    var filters = IndexFilters(includeWithdrawn: query.includeWithdrawn, kind: query.kind)
    if let category = query.category {
      filters.facets.append((.category, ICHCategory(code: category)?.code ?? category))
    }
    if let level = query.level { filters.facets.append((.level, level.rawValue)) }
    if let stationType = query.stationType { filters.facets.append((.stationType, stationType.rawValue)) }
    if let name = query.district {
      filters.facets.append((.district, try gazetteer.requireDistrict(named: name).code))
    }
    return filters
  }

  /// The closest spelling that has results: a vocabulary term near a Latin query, or a name
  /// (or part of one) near a Chinese query of three characters or more.
  private func suggestion(for plan: SearchPlan, query: SearchQuery) throws -> String? {
    if plan.latinRuns.isEmpty, plan.hanRuns.count == 1 {
      return try chineseSuggestion(for: plan.hanRuns[0], query: query)
    }
    guard plan.hanRuns.isEmpty, let word = plan.latinRuns.last, word.count >= 3 else { return nil }
    let candidates = try indexedWords(
      startingWith: String(word.prefix(1)), lengths: (word.count - 2)...(word.count + 2))
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
    let names = try indexedNames(matching: "{name alias} : (" + pairs.joined(separator: " OR ") + ")")
    let allowed = target.count >= 6 ? 2 : 1
    // Each distinct character gets a number once: the windows are compared by their numbers
    // (comparing `Character`s normalises them, which was nearly all of an empty search).
    var codes: [Character: Int] = [:]
    func coded(_ characters: [Character]) -> [Int] {
      characters.map { character in
        if let code = codes[character] { return code }
        codes[character] = codes.count
        return codes.count - 1
      }
    }
    let targetCodes = coded(target)
    var best: (distance: Int, lengthGap: Int, text: String)?
    for name in Set(names.map(Array.init)) {
      let nameCodes = coded(name)
      for length in max(1, target.count - allowed)...(target.count + allowed) where length <= name.count {
        for start in 0...(name.count - length) {
          let distance = editDistance(Array(nameCodes[start..<start + length]), targetCodes)
          guard distance > 0, distance <= allowed else { continue }
          let candidate = (distance, abs(length - target.count), String(name[start..<start + length]))
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

extension Catalog: TextMatching {
  func recordIDs(matching text: String, includeWithdrawn: Bool) throws -> Set<String> {
    Set(
      try search(SearchQuery(text: text, limit: Int.max / 8, includeWithdrawn: includeWithdrawn)).hits.map(
        \.id))
  }
}
