import Foundation

/// Toneless pinyin of Han text, one syllable per character, through ICU's Mandarin-Latin
/// transform, with an override table for place names the per-character reading gets wrong
/// (长乐 is Chángle, not Zhǎnglè) and for dialect characters (伬).
final class Pinyin: Sendable {
  /// Phrases whose reading differs from their characters read one by one.
  static let phraseOverrides: [String: [String]] = [
    "长乐": ["chang", "le"],
    "长安": ["chang", "an"],
    "长汀": ["chang", "ting"],
    "长泰": ["chang", "tai"],
    "厦门": ["xia", "men"],
    "蔡襄": ["cai", "xiang"],
  ]
  /// Characters whose reading ICU lacks or gives wrongly for the catalog's names.
  static let characterOverrides: [Character: String] = [
    "伬": "chi",
    "窨": "xun",
  ]

  /// The first characters of the phrases, so that most characters skip the phrase lookup.
  private static let phraseStarts = Set(phraseOverrides.keys.map { $0.unicodeScalars.first!.value })
  private let cache = CharacterCache()

  /// The syllables of a run of Han characters.
  func syllables(_ han: String) -> [String] {
    let characters = Array(han)
    var out: [String] = []
    var index = 0
    while index < characters.count {
      if index + 1 < characters.count,
        let first = characters[index].unicodeScalars.first, Pinyin.phraseStarts.contains(first.value),
        let phrase = Pinyin.phraseOverrides[String(characters[index...index + 1])]
      {
        out += phrase
        index += 2
        continue
      }
      out.append(syllable(characters[index]))
      index += 1
    }
    return out
  }

  /// A folded name as the index spells it in pinyin: its Han runs as toneless syllables run
  /// together, its other runs as they are (`茉莉花茶` → `molihuacha`).
  func spelled(_ name: String) -> String {
    spelling(name).spelled
  }

  /// A folded name's initials: the first letter of each syllable of its Han runs, its other
  /// runs whole (`茉莉花茶` → `mlhc`).
  func initials(_ name: String) -> String {
    spelling(name).initials
  }

  /// A folded name's runs with the syllables of each Han run, read once for all the ways the
  /// index spells the name.
  func spelling(_ name: String) -> SpelledName {
    SpelledName(runs: TextNormalizer.runs(name).map { ($0.text, $0.isHan ? syllables($0.text) : nil) })
  }

  private func syllable(_ character: Character) -> String {
    if let fixed = Pinyin.characterOverrides[character] { return fixed }
    if let known = HanTables.reading(character) { return known }
    return cache.value(for: character) { Pinyin.icuSyllable(character) }
  }

  /// ICU's toneless reading of one character (scripts/HanTables.swift takes the same steps).
  static func icuSyllable(_ character: Character) -> String {
    let latin = String(character).applyingTransform(.mandarinToLatin, reverse: false) ?? ""
    return (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
      .filter { $0.isLetter && $0.isASCII }
  }
}

/// A folded name read in pinyin: its runs, each Han run with its syllables.
struct SpelledName {
  /// The runs in order; `syllables` is `nil` for a run that is not Han.
  var runs: [(text: String, syllables: [String]?)]

  /// The Han runs as syllables run together, the other runs as they are.
  var spelled: String {
    runs.map { $0.syllables?.joined() ?? $0.text }.joined()
  }

  /// The first letter of each syllable of the Han runs, the other runs whole.
  var initials: String {
    runs.map { run in run.syllables.map { String($0.compactMap(\.first)) } ?? run.text }.joined()
  }
}
