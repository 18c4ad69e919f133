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

  private let cache = CharacterCache()

  /// The syllables of a run of Han characters.
  func syllables(_ han: String) -> [String] {
    let characters = Array(han)
    var out: [String] = []
    var index = 0
    while index < characters.count {
      if index + 1 < characters.count,
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
    TextNormalizer.runs(name).map { $0.isHan ? syllables($0.text).joined() : $0.text }.joined()
  }

  /// A folded name's initials: the first letter of each syllable of its Han runs, its other
  /// runs whole (`茉莉花茶` → `mlhc`).
  func initials(_ name: String) -> String {
    TextNormalizer.runs(name).map { $0.isHan ? String(syllables($0.text).compactMap(\.first)) : $0.text }
      .joined()
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
