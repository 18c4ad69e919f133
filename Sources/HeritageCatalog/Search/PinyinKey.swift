import Foundation

/// Pinyin as staff type it, made comparable with the index's toneless syllables: tone numbers
/// come off (`min2ju4` → `minju`, `yong3chun1` → `yongchun`) and `v` stands for `ü`, which the
/// index keeps as `u` (`lv3`, `lü3` → `lu`). Tone marks were already stripped by folding.
enum PinyinKey {
  /// The key of folded Latin words run together.
  static func key(_ words: [String]) -> String {
    String(words.map(untoned).joined().map { $0 == "v" ? "u" : $0 })
  }

  /// `min2` → `min`: digits 0 to 5 that each follow a letter come off a word made of letters
  /// and such digits only; any other word is kept as it is.
  static func untoned(_ word: String) -> String {
    var out = ""
    var previousWasLetter = false
    for character in word {
      if character.isASCII && character.isLetter {
        out.append(character)
        previousWasLetter = true
      } else if previousWasLetter, let digit = character.wholeNumberValue, (0...5).contains(digit),
        character.isASCII
      {
        previousWasLetter = false
      } else {
        return word
      }
    }
    return out
  }
}
