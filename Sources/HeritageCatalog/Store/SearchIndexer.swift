import GRDB

/// Keeps the search index of current revisions: a row of folded texts per record
/// (`search_text`) and an FTS5 table of tokens made for Chinese, pinyin and English
/// (`search_fts`, and `search_name_fts` with the name, alias and keyword columns alone),
/// written in the caller's transaction.
///
/// FTS5's own tokenizers serve Chinese badly (unicode61 makes one token of a run of Han
/// characters; trigram finds nothing under three characters), so the indexer writes its own
/// tokens, separated by spaces: every Han character and every pair of neighbours, Latin words,
/// the toneless pinyin of names from each syllable to the end (`molihuacha`, `lihuacha`…) and
/// their initials likewise (`mlhc`). The tables take them as written (FTS5's `ascii`
/// tokenizer, per-column detail). Queries look these up whole or as prefixes. The name tier
/// (`search_name`, see ``NameSpelling``) is written beside them.
struct SearchIndexer: Sendable {
  let gazetteer: Gazetteer
  let pinyin: Pinyin
  /// The place lines each district gives a record (by code): its folded Chinese and English
  /// names. Folded once, for every record indexed and every search that asks which districts
  /// a text names.
  private let placeLines: [String: [String]]

  init(gazetteer: Gazetteer, pinyin: Pinyin) {
    self.gazetteer = gazetteer
    self.pinyin = pinyin
    placeLines = Dictionary(
      gazetteer.districts.map {
        ($0.code, [TextNormalizer.fold($0.name), TextNormalizer.fold($0.englishName)])
      },
      uniquingKeysWith: { first, _ in first })
  }

  /// The codes of the districts whose place lines hold `text`: the districts whose records
  /// are place matches for it.
  func districtCodes(withPlacesHolding text: String) -> [String] {
    gazetteer.districts.map(\.code).filter { code in
      placeLines[code]?.contains { TextNormalizer.bytesOccur(text, in: $0) } ?? false
    }
  }

  /// The rank of a record on ties: UNESCO and national listings first.
  static func levelRank(_ record: Record) -> Int {
    record.heritageItem?.highestLevel?.rank ?? ListingLevel.unlistedRank
  }

  /// Replaces the record's index entry; `isNew` says there is none to remove.
  func write(_ record: Record, in db: Database, isNew: Bool = false) throws {
    try write(entry(for: record), in: db, isNew: isNew)
  }

  /// The index entry of `record`: pure work, which an import does before it takes the
  /// database (see ``PreparedRecord``).
  func entry(for record: Record) -> IndexEntry {
    let names = record.names.map { TextNormalizer.fold($0.text) }
    let aliases = record.altNames.map { TextNormalizer.fold($0.text) }
    let keywords =
      (record.keywords + (record.giProduct?.category ?? [])).map { TextNormalizer.fold($0.text) }
      + [record.heritageItem.map { TextNormalizer.fold($0.category.name) }].compactMap { $0 }
    let places = record.districts.flatMap { placeLines[$0] ?? [] }
    let summaries = record.summaries.map { TextNormalizer.fold($0.text) }
    let spellings = (names + aliases).map(pinyin.spelling)
    let namePinyin = spellings.map(\.spelled)
    let (pinyinTokens, initialTokens) = syllableTokens(spellings)
    return IndexEntry(
      tier: nameTierEntry(
        recordID: record.id, kind: record.kind, status: record.status,
        levelRank: SearchIndexer.levelRank(record),
        names: names, namePinyin: namePinyin, initials: spellings.prefix(names.count).map(\.initials)),
      texts: [names, aliases, keywords, places, summaries, namePinyin].map { $0.joined(separator: "\n") }
        + [record.primaryName, record.districts.joined(separator: "\n")],
      tokens: [
        tokens(names), tokens(aliases), tokens(keywords), tokens(places), tokens(summaries), pinyinTokens,
        initialTokens,
      ])
  }

  /// Writes `entry`; `isNew` says the record has none to remove.
  func write(_ entry: IndexEntry, in db: Database, isNew: Bool = false) throws {
    let tier = entry.tier
    if !isNew { try remove(tier.recordID, in: db) }
    try db.run(
      sql: """
        INSERT INTO search_text (
          record_id, kind, status, level_rank, names, aliases, keywords, places, summaries, name_pinyin,
          primary_name, district_codes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: StatementArguments(
        [tier.recordID, tier.kind.rawValue, tier.status.rawValue, tier.levelRank]
          as [any DatabaseValueConvertible]
          + entry.texts))
    let textRow = db.lastInsertedRowID
    try writeNameTier(tier, in: db)
    try db.run(
      sql: """
        INSERT INTO search_fts (rowid, name, alias, keyword, place, summary, pinyin, initials)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: StatementArguments([textRow] as [any DatabaseValueConvertible] + entry.tokens))
    try db.run(
      sql:
        "INSERT INTO search_name_fts (rowid, name, alias, keyword, pinyin, initials) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: StatementArguments(
        [textRow] as [any DatabaseValueConvertible] + [0, 1, 2, 5, 6].map { entry.tokens[$0] }))
  }

  /// Removes the record's index entry, if any.
  func remove(_ id: String, in db: Database) throws {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT \(IndexedRecord.columns), id FROM search_text WHERE record_id = ?"),
        arguments: [id])
    else { return }
    let rowid: Int64 = row["id"]
    try removeNameTier(nameTierEntry(IndexedRecord(row: row)), in: db)
    try db.run(sql: "DELETE FROM search_fts WHERE rowid = ?", arguments: [rowid])
    try db.run(sql: "DELETE FROM search_name_fts WHERE rowid = ?", arguments: [rowid])
    try db.run(sql: "DELETE FROM search_text WHERE id = ?", arguments: [rowid])
  }

  /// Han characters and their neighbouring pairs, and Latin words, of folded texts, separated
  /// by spaces; written as UTF-8 straight into one buffer, as this runs for every field of
  /// every revision. A text of ``StandaloneScalars`` alone is read by scalars, which are its
  /// characters (`byScalars: false` reads every text by characters, for tests to compare).
  func tokens(_ texts: [String], byScalars: Bool = true) -> String {
    var writer = TokenWriter(capacity: texts.reduce(0) { $0 + $1.utf8.count } * 3)
    for text in texts {
      if byScalars && StandaloneScalars.hold(text) {
        for scalar in text.unicodeScalars {
          writer.add(CharacterKind(standalone: scalar), UTF8.encode(scalar)!)
        }
      } else {
        for character in text { writer.add(CharacterKind(character), character.utf8) }
      }
      writer.endText()
    }
    return writer.result
  }

  /// Pinyin and initials of every syllable-suffix of the Han runs of names (`茉莉花茶`:
  /// `molihuacha lihuacha huacha cha` and `mlhc lhc hc c`), written as UTF-8 into two buffers.
  func syllableTokens(_ names: [SpelledName]) -> (String, String) {
    let space = UInt8(ascii: " ")
    var full: [UInt8] = []
    var initials: [UInt8] = []
    for name in names {
      for run in name.runs {
        guard let syllables = run.syllables?.filter({ !$0.isEmpty }) else { continue }
        let heads = syllables.map { $0.first!.utf8 }
        for start in syllables.indices {
          if !full.isEmpty {
            full.append(space)
            initials.append(space)
          }
          for syllable in syllables[start...] { full.append(contentsOf: syllable.utf8) }
          for head in heads[start...] { initials.append(contentsOf: head) }
        }
      }
    }
    return (String(decoding: full, as: UTF8.self), String(decoding: initials, as: UTF8.self))
  }

}

/// What the search index holds of one record, worked out from the record alone.
struct IndexEntry: Sendable {
  /// The record's id, kind, status and rank, and its name tier rows.
  var tier: NameTierEntry
  /// The `search_text` columns in order: names, aliases, keywords, places, summaries and the
  /// names' pinyin, each a line per value; then the name the record is shown by and its
  /// districts' codes (a line each).
  var texts: [String]
  /// The `search_fts` columns in order: name, alias, keyword, place, summary, pinyin, initials.
  var tokens: [String]
}

/// The token buffer of ``SearchIndexer/tokens(_:byScalars:)``: each Han character alone and
/// paired with the one before it, and words, separated by spaces.
private struct TokenWriter {
  private static let space = UInt8(ascii: " ")
  private var out: [UInt8] = []
  private var inWord = false
  /// Where the bytes of the Han character just before are in `out`.
  private var previousHan: Range<Int>?

  init(capacity: Int) {
    out.reserveCapacity(capacity)
  }

  mutating func add(_ kind: CharacterKind, _ bytes: some Collection<UInt8>) {
    switch kind {
    case .han:
      endWord()
      let start = out.count
      out.append(contentsOf: bytes)
      let here = start..<out.count
      out.append(Self.space)
      if let previous = previousHan {
        for index in previous { out.append(out[index]) }
        for index in here { out.append(out[index]) }
        out.append(Self.space)
      }
      previousHan = here
    case .word:
      previousHan = nil
      out.append(contentsOf: bytes)
      inWord = true
    case .other:
      previousHan = nil
      endWord()
    }
  }

  /// Ends a text: no pair spans two.
  mutating func endText() {
    endWord()
    previousHan = nil
  }

  private mutating func endWord() {
    if inWord { out.append(Self.space) }
    inWord = false
  }

  var result: String {
    String(decoding: out.last == Self.space ? out.dropLast() : out[...], as: UTF8.self)
  }
}
