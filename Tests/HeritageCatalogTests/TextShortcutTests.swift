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
}
