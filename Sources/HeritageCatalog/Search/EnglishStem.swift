/// A light English stemmer for query words: plural and common verb endings come off, so that
/// `abalones` finds *abalone*, `umbrellas` *umbrella*, `carvings` *carving* and `scented`
/// *scent*. Query words are matched as prefixes, so the stem also finds every longer form.
/// Words of Han characters, digits, and short words are left as they are.
enum EnglishStem {
  /// The stem of a folded (lower-case) Latin word, or `nil` when no ending comes off.
  static func stem(_ word: String) -> String? {
    guard word.count >= 4, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    func drop(_ suffix: String, keep: Int = 3) -> String? {
      guard word.hasSuffix(suffix), word.count - suffix.count >= keep else { return nil }
      return String(word.dropLast(suffix.count))
    }
    if let base = drop("ies") { return base + "y" }
    if let base = drop("es"), ["s", "x", "z", "ch", "sh"].contains(where: base.hasSuffix) { return base }
    if word.hasSuffix("s") && !["ss", "us", "is"].contains(where: word.hasSuffix) { return drop("s") }
    if let base = drop("ing") ?? drop("ed") { return undoubled(base) }
    return nil
  }

  /// `runn` → `run`, `shipp` → `ship`: a doubled final consonant left by an ending.
  private static func undoubled(_ base: String) -> String {
    let letters = Array(base)
    guard letters.count >= 4, let last = letters.last, last == letters[letters.count - 2],
      !"aeiouls".contains(last)
    else { return base }
    return String(letters.dropLast())
  }
}
