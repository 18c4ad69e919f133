import Foundation

/// A query cut into tokens and turned into an FTS5 expression, and the checks that classify a
/// candidate row. Every token is quoted, so no query text is read as FTS5 syntax.
struct SearchPlan {
  let folded: String
  let hanRuns: [String]
  let latinRuns: [String]
  /// Every run of the query, in order (for highlighting).
  let terms: [String]
  /// Each Latin word's light English stem, where an ending comes off (`abalones` → `abalone`).
  let latinStems: [String?]
  /// The Latin words run together as pinyin: tone numbers off, `v` as `u` (`min2 ju4` → `minju`).
  let pinyinKey: String
  /// The query's letters, digits and Han characters, each run once, separated by one space:
  /// what a name must fold to for an exact match (`《闽剧》` → `闽剧`).
  let compact: String
  /// The FTS5 expression over every searched column.
  let match: String
  /// The same over names and alternative names only (with pinyin and initials), for the
  /// names' own full-text index: the first tier, whose matches all rank above keyword,
  /// district and summary matches.
  let nameMatch: String
  /// The text the database ranks candidates by before they are classified exactly: the first
  /// Chinese run, else the pinyin key.
  var probe: String { hanRuns.first ?? pinyinKey }

  init(_ text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw CatalogError(.invalidArgument, "nothing to search for") }
    guard trimmed.count <= SearchQuery.maximumLength else {
      throw CatalogError(
        .invalidArgument,
        "the query is \(trimmed.count) characters long; at most \(SearchQuery.maximumLength) are searched")
    }
    folded = TextNormalizer.fold(trimmed)
    let runs = TextNormalizer.runs(folded)
    hanRuns = runs.filter(\.isHan).map(\.text)
    terms = runs.map(\.text)
    latinRuns = runs.filter { !$0.isHan }.map(\.text)
    guard !runs.isEmpty else {
      throw CatalogError(
        .invalidArgument,
        "the query “\(trimmed)” holds no letters, digits or Chinese characters to search for")
    }
    latinStems = latinRuns.map(EnglishStem.stem)
    pinyinKey = PinyinKey.key(latinRuns)
    compact = TextNormalizer.compact(folded)
    let terms = Array(zip(latinRuns, latinStems))
    match = SearchPlan.expression(hanRuns, terms, pinyinKey, columns: "{name alias keyword place summary}")
    nameMatch = SearchPlan.expression(hanRuns, terms, pinyinKey, columns: "{name alias}")
  }

  /// The database's rough ranking, one tier per match class in the classes' order (summary
  /// matches, which need no probe, come last): the same order ``classify(_:pinyin:)`` and the
  /// final sort use.
  var tiers: [IndexTier] {
    MatchClass.allCases.filter { $0 != .summary }.map { match in
      switch match {
      // An exact pinyin name is found by the prefix tier and classified exactly afterwards.
      case .exactName: IndexTier(probes: [(.names, .wholeLine, compact)])
      case .namePrefix: IndexTier(probes: [(.names, .lineStart, probe), (.namePinyin, .lineStart, probe)])
      case .nameContains: IndexTier(probes: [(.names, .anywhere, probe), (.namePinyin, .anywhere, probe)])
      case .alias: IndexTier(probes: [(.aliases, .anywhere, probe)])
      case .keyword: IndexTier(probes: [(.keywords, .anywhere, probe)])
      case .place: IndexTier(probes: [(.places, .anywhere, probe)])
      case .summary: IndexTier(probes: [])
      }
    }
  }

  /// For a query of one word or one run of Han characters, what the name tier is asked: names
  /// starting with it (or its stem, or its pinyin key), the exact name or pinyin first. `nil`
  /// for longer queries, which the full-text index serves.
  var nameTierProbe: NameTierProbe? {
    guard terms.count == 1 else { return nil }
    if let run = hanRuns.first { return NameTierProbe(prefixes: [run], exactName: compact, exactPinyin: nil) }
    let word = latinRuns[0]
    let prefixes = [word] + (latinStems[0].map { [$0] } ?? []) + (pinyinKey.isEmpty ? [] : [pinyinKey])
    return NameTierProbe(
      prefixes: prefixes, exactName: compact, exactPinyin: pinyinKey.isEmpty ? nil : pinyinKey)
  }

  /// Every Han run (by its characters or neighbour pairs) and the Latin words (as word
  /// prefixes, or by their stems, or run together as a pinyin or initials prefix) must match
  /// within `columns`.
  static func expression(
    _ hanRuns: [String], _ latinTerms: [(word: String, stem: String?)], _ pinyinKey: String, columns: String
  ) -> String {
    var parts: [String] = hanRuns.map { run in
      let characters = Array(run)
      let tokens =
        characters.count == 1
        ? [run] : (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
      return "\(columns) : (" + tokens.map(SearchPlan.quote).joined(separator: " AND ") + ")"
    }
    if !latinTerms.isEmpty {
      let words = latinTerms.map { term in
        let forms = ([term.word] + (term.stem.map { [$0] } ?? [])).map { SearchPlan.quote($0) + "*" }
        return "\(columns) : (" + forms.joined(separator: " OR ") + ")"
      }.joined(separator: " AND ")
      let key = SearchPlan.quote(pinyinKey.isEmpty ? latinTerms.map(\.word).joined() : pinyinKey)
      parts.append("((\(words)) OR {pinyin} : \(key)* OR {initials} : \(key)*)")
    }
    return parts.joined(separator: " AND ")
  }

  static func quote(_ token: String) -> String {
    "\"" + token.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }

  /// How the row matched, or `nil` when the FTS5 candidate does not really hold every term.
  ///
  /// Han terms are found by their bytes, as the full-text index's tokens are. Fields other than
  /// names are searched as stored, their lines joined by newlines: a term holds no newline, and
  /// a newline ends a word, so the joined text holds a term, or a word starting with it,
  /// exactly when one of its lines does.
  func classify(_ row: IndexedRecord, pinyin: Pinyin) -> MatchClass? {
    var asked = false
    return classify(row, pinyin: pinyin, askedForSummary: &asked)
  }

  /// ``classify(_:pinyin:)``, setting `askedForSummary` when the class depended on a summary
  /// the row was read without (`summaryText` `nil`, taken as empty): the row must then be
  /// classified again with it.
  func classify(_ row: IndexedRecord, pinyin: Pinyin, askedForSummary: inout Bool) -> MatchClass? {
    let names = row.names
    let fields: [(MatchClass, String?)] = [
      (.alias, row.aliasText), (.keyword, row.keywordText), (.place, row.placeText),
      (.summary, row.summaryText),
    ]
    // A name whose runs are the query's holds the query's first run: most names are told
    // apart by that byte test, the rest at their first run that differs (`compact` is the
    // query's runs joined by spaces).
    if names.contains(where: {
      $0 == folded || (TextNormalizer.bytesOccur(terms[0], in: $0) && TextNormalizer.hasRuns($0, terms))
    }) {
      return .exactName
    }
    let spelled = row.namePinyin
    if hanRuns.isEmpty && !pinyinKey.isEmpty && spelled.prefix(names.count).contains(pinyinKey) {
      return .exactName
    }

    func best(for term: String, stem: String? = nil, isWord: Bool) -> MatchClass? {
      func wordMatches(_ run: (text: String, isHan: Bool)) -> Bool {
        !run.isHan && (run.text.hasPrefix(term) || stem.map(run.text.hasPrefix) == true)
      }
      let starts = [term] + (stem.map { [$0] } ?? [])
      func mayHold(_ text: String) -> Bool {
        starts.contains { TextNormalizer.bytesOccur($0, in: text) }
      }
      func contains(_ text: String) -> Bool {
        guard mayHold(text) else { return false }
        guard isWord else { return true }
        let decided = starts.map { TextNormalizer.wordStarts(with: $0, in: text) }
        if decided.contains(true) { return true }
        if decided.allSatisfy({ $0 == false }) { return false }
        return TextRuns(text).contains(where: wordMatches)
      }
      func startsWith(_ text: String) -> Bool {
        guard mayHold(text) else { return false }
        guard isWord else { return text.hasPrefix(term) }
        var cut = TextRuns(text)
        return cut.next().map(wordMatches) ?? false
      }
      if names.contains(where: startsWith) { return .namePrefix }
      if names.contains(where: contains) { return .nameContains }
      for (match, text) in fields {
        guard let text else {
          askedForSummary = true
          continue
        }
        if contains(text) { return match }
      }
      return nil
    }

    var worst = MatchClass.exactName
    for run in hanRuns {
      guard let found = best(for: run, isWord: false) else { return nil }
      worst = max(worst, found)
    }
    guard !latinRuns.isEmpty else { return worst }
    let words = zip(latinRuns, latinStems).map { best(for: $0, stem: $1, isWord: true) }
    if words.allSatisfy({ $0 != nil }) {
      return max(worst, words.compactMap { $0 }.max()!)
    }
    // Pinyin or initials of a name (or alias) instead.
    let joined = pinyinKey
    let initials = (names + row.aliases).map(pinyin.initials)
    for (index, forms) in zip(spelled, initials).enumerated() {
      let isName = index < names.count
      if forms.0.hasPrefix(joined) || forms.1.hasPrefix(joined) {
        return max(worst, isName ? .namePrefix : .alias)
      }
      if forms.0.contains(joined) || forms.1.contains(joined) {
        return max(worst, isName ? .nameContains : .alias)
      }
    }
    return nil
  }
}
