import Testing

@testable import HeritageCatalog

/// The shortcuts a search takes before comparing characters give what the characters give.
struct TextShortcutTests {
  @Test(arguments: [
    ("茉莉", "福州茉莉花茶", true), ("莉花", "福州茉莉花茶", true), ("花茶", "福州茉莉花茶", true),
    ("福州茉莉花茶", "福州茉莉花茶", true), ("福州茉莉花茶茶", "福州茉莉花茶", false), ("茶花", "福州茉莉花茶", false),
    ("jasmine", "fuzhou jasmine tea", true), ("tea", "fuzhou jasmine tea", true),
    ("teas", "fuzhou jasmine tea", false),
    ("", "anything", true), ("a", "", false),
  ])
  func bytesOccurAsContainsSays(term: String, text: String, expected: Bool) {
    #expect(TextNormalizer.bytesOccur(term, in: text) == expected)
    #expect(TextNormalizer.bytesOccur(term, in: text) == (term.isEmpty || text.contains(term)))
  }

  /// The one-run shortcut of `compact` agrees with joining the runs.
  @Test(arguments: [
    "闽剧", "寿山石雕", "moli", "abc123", "", "福州 茉莉", "《闽剧》", "abc茉莉", "茉莉abc", "mo li", "tea-house", "𠀀𠀁",
  ])
  func compactAgreesWithTheRuns(folded: String) {
    #expect(TextNormalizer.compact(folded) == TextNormalizer.runs(folded).map(\.text).joined(separator: " "))
  }

  /// Comparing a text's runs one by one, stopping at the first that differs, gives what
  /// comparing its compact form gives (`SearchPlan.classify`'s test for an exact name).
  @Test(arguments: [
    "闽剧", "寿山石雕", "moli", "abc123", "", "福州 茉莉", "《闽剧》", "abc茉莉", "茉莉abc", "mo li", "tea-house", "𠀀𠀁",
    "闽剧 ", " 闽剧", "mo li ", "moli li",
  ])
  func runsAreComparedAsTheCompactFormIs(folded: String) {
    let candidates: [[String]] = [
      [], ["闽剧"], ["寿山石雕"], ["moli"], ["mo", "li"], ["福州", "茉莉"], ["abc", "茉莉"], ["茉莉", "abc"],
      ["tea", "house"], ["tea"], ["𠀀𠀁"], ["abc123"], ["mo"], ["moli", "li"],
    ]
    for runs in candidates {
      #expect(
        TextNormalizer.hasRuns(folded, runs)
          == (TextNormalizer.compact(folded) == runs.joined(separator: " ")),
        "\(folded) against \(runs)")
    }
  }

  /// Deciding from the bytes gives what cutting the text into runs gives, or leaves it undecided.
  @Test func wordStartsAgreesWithTheRuns() {
    let texts = [
      "fuzhou jasmine tea", "jasminetea", "the tea-house", "茉莉jasmine花茶", "jasmine茶", "xjasmine", "teä",
      "café tea", "a1b2 tea2", "", "tea", "opera, min opera", "閩劇opera", "naïve", "tea\u{301}",
      "𠀀tea", "tea𠀀", "ｔｅａ",
    ]
    let prefixes = ["tea", "jasmine", "jas", "opera", "a1", "b2", "e", "xyz"]
    var decided = 0
    for text in texts {
      for prefix in prefixes {
        let byRuns = TextNormalizer.runs(text).contains { !$0.isHan && $0.text.hasPrefix(prefix) }
        if let answer = TextNormalizer.wordStarts(with: prefix, in: text) {
          decided += 1
          #expect(answer == byRuns, "\(prefix) in \(text)")
        }
      }
    }
    #expect(decided > texts.count * prefixes.count / 2)
    #expect(TextNormalizer.wordStarts(with: "tea", in: "tea\u{301}") == nil)
    #expect(TextNormalizer.wordStarts(with: "чай", in: "чай") == nil)
  }

  /// Fields other than names are classified as stored, their lines joined by newlines: a
  /// term found across two lines is not a match, and a newline starts a word.
  @Test(
    arguments: [
      ("茉莉", ["茉\n莉花", "", "", ""], nil), ("茉莉", ["花\n茉莉", "", "", ""], MatchClass.alias),
      ("jasmine", ["", "jas\nmine", "", ""], nil),
      ("scented", ["", "tea\nscented flowers", "", ""], .keyword),
      ("mine", ["", "", "", "jas\nmine"], .summary), ("仓山", ["", "", "鼓楼区\n仓山区", ""], .place),
      ("tea", ["", "green\ntea", "", "tea"], .keyword), ("闽剧", ["", "", "", "闽\n剧"], nil),
    ] as [(String, [String], MatchClass?)])
  func joinedLinesClassifyAsTheirLines(query: String, fields: [String], expected: MatchClass?) throws {
    let row = IndexedRecord(
      recordID: "gi:row", kind: .giProduct, status: .active, levelRank: 5, names: ["福州"],
      aliasText: fields[0],
      keywordText: fields[1], placeText: fields[2], summaryText: fields[3], namePinyin: ["fuzhou"],
      primaryName: "福州", districtCodes: "")
    #expect(try SearchPlan(query).classify(row, pinyin: Pinyin()) == expected)
  }

  /// The length of names joined by newlines, counted without joining them, is the joined
  /// text's count: ideographs and ASCII by scalars, everything else (combining marks, emoji
  /// sequences, jamo, a carriage return before the newline) as `String.count` has it.
  @Test(arguments: [
    ["福州茉莉花茶"], ["闽剧", "Min opera"], [], [""], ["", ""], ["a\r", "b"], ["a\r"], ["\r", "\r"],
    ["e\u{301}tude", "cafe\u{301}"], ["\u{1F468}\u{200D}\u{1F469}", "\u{1F1E8}\u{1F1F3}"],
    ["\u{1100}\u{1161}\u{11A8}", "한국"], ["闽\u{FE0F}剧"], ["\u{20000}\u{20001}", "㐀"], ["tab\there", "福州 · 茶"],
    ["\u{301}", "x"],
  ])
  func joinedLengthIsTheJoinedCount(lines: [String]) {
    #expect(joinedLength(lines) == lines.joined(separator: "\n").count)
  }

  /// A token reaches FTS5 as one string: quoted, each quote inside doubled.
  @Test(arguments: [
    ("moli", "\"moli\""), ("a\"b", "\"a\"\"b\""), ("\"", "\"\"\"\""), ("\"\"x\"", "\"\"\"\"\"x\"\"\""),
    ("", "\"\""),
    ("茉莉\"*", "\"茉莉\"\"*\""),
  ])
  func ftsTokensAreQuotedWithTheirQuotesDoubled(token: String, quoted: String) {
    #expect(SearchPlan.quote(token) == quoted)
  }

  /// Typed pinyin loses its tone numbers and spells ü as u, as the index does.
  @Test(arguments: [(["min2", "ju4"], "minju"), (["lv3"], "lu"), (["yong3chun1"], "yongchun"), (["V"], "V")])
  func pinyinKeys(words: [String], key: String) {
    #expect(PinyinKey.key(words) == key)
  }
}
