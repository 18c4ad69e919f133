import Foundation
import Testing

@testable import HeritageCatalog

/// Texts made of ``StandaloneScalars`` alone are folded and tokenized scalar by scalar; what
/// that gives is what reading them by characters gives.
struct ScalarShortcutTests {
  static let texts = [
    "福州茉莉花茶", "闽剧（福州戏）是福建省的主要地方戏曲之一。", "Fuzhou Jasmine Tea", "fuzhou jasmine tea, 2024",
    "寿山石雕·田黄", "「脱胎漆器」、软木画", "line one\r\nline two", "閩劇與壽山石", "\u{20000}\u{20001} ext b",
    "\u{F900} compat", "café naïve", "Ÿ Ä ß ǅ", "e\u{301}", "茶\u{301}", "茶\u{FE00}", "茶\u{200D}茶",
    "\u{302A}茶", "茶\u{302A}", "한국어", "ภาษาไทย", "हिन्दी", "👩‍👩‍👧", "🇨🇳", "—“quoted”…",
    "\u{2028}", "ａｂｃ", "", "〇一二", "ʰʲ modifier", "ǈ title", "茉莉\r\n花茶", "茉莉abc花茶123",
  ]

  static var scalarsOutsideHan: [Unicode.Scalar] {
    (0..<0x3100).compactMap(Unicode.Scalar.init).filter(StandaloneScalars.contains)
  }

  /// No two of the set (Han taken by a few samples) make one character, except CR LF.
  @Test func standaloneScalarsAreCharactersOfTheirOwn() {
    let scalars =
      Self.scalarsOutsideHan + ["\u{3400}", "\u{4E00}", "\u{9FFF}", "\u{F900}", "\u{20000}", "\u{3134F}"]
    var joined: [String] = []
    for first in scalars {
      for second in scalars {
        var text = String(first)
        text.unicodeScalars.append(second)
        if text.count != 2 {
          joined.append("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))")
        }
      }
    }
    #expect(joined == ["U+d U+a"])
  }

  @Test func tokensByScalarsAreTokensByCharacters() {
    let indexer = SearchIndexer(gazetteer: Gazetteer(districts: []), pinyin: Pinyin())
    var shortcuts = 0
    for text in Self.texts {
      for texts in [[text], [TextNormalizer.fold(text)], [text, "茉莉"], ["茉莉", text, "tea"]] {
        if texts.allSatisfy(StandaloneScalars.hold) { shortcuts += 1 }
        #expect(indexer.tokens(texts) == indexer.tokens(texts, byScalars: false), "\(texts)")
      }
    }
    #expect(shortcuts > 40)
  }

  /// Each Han character alone and with the one before it, words whole; no pair spans two
  /// texts, nor a word between.
  @Test func tokensPairNeighboursWithinATextOnly() {
    let indexer = SearchIndexer(gazetteer: Gazetteer(districts: []), pinyin: Pinyin())
    for byScalars in [true, false] {
      #expect(indexer.tokens(["茉莉", "花茶"], byScalars: byScalars) == "茉 莉 茉莉 花 茶 花茶")
      #expect(indexer.tokens(["茉莉tea花", "x"], byScalars: byScalars) == "茉 莉 茉莉 tea 花 x")
    }
  }

  /// Every syllable-suffix of each Han run of the names, in pinyin and in initials.
  @Test func syllableTokensAreEverySuffixOfEachRun() {
    let pinyin = Pinyin()
    let indexer = SearchIndexer(gazetteer: Gazetteer(districts: []), pinyin: pinyin)
    let (full, initials) = indexer.syllableTokens(["茉莉花茶", "福州 jasmine 长乐", "tea"].map(pinyin.spelling))
    #expect(full == "molihuacha lihuacha huacha cha fuzhou zhou changle le")
    #expect(initials == "mlhc lhc hc c fz z cl l")
    #expect(indexer.syllableTokens([pinyin.spelling("tea")]) == ("", ""))
  }

  @Test func simplifiedByScalarsIsSimplifiedByCharacters() {
    var shortcuts = 0
    for text in Self.texts + Self.texts.map(TextNormalizer.fold) {
      if StandaloneScalars.hold(text) && text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {
        shortcuts += 1
      }
      #expect(TextFolding.simplified(text) == TextFolding.simplified(text, byScalars: false), "\(text)")
    }
    #expect(shortcuts > 15)
  }

  /// Folding takes characters of these scalars as they are, without ICU's transform.
  @Test func strippingDiacriticsLeavesUnmarkedScalarsAsTheyAre() {
    let unmarked = (0..<0x3100).compactMap(Unicode.Scalar.init).filter(TextNormalizer.isUnmarked)
    #expect(unmarked.count > 250)
    for text in unmarked.map({ String($0) }) + ["\r\n", "茶", "\u{20000}", "\u{F900}"] {
      #expect(
        text.applyingTransform(.stripDiacritics, reverse: false) == text,
        "\(text.unicodeScalars.map(\.value))")
    }
    for text in Self.texts {
      #expect(TextNormalizer.fold(text) == TextNormalizer.fold(text + "é").dropLast())
    }
  }

  @Test func lowercasedSkipsOnlyCaselessTexts() {
    for text in Self.texts + Self.scalarsOutsideHan.map({ String($0) }) {
      #expect(TextNormalizer.lowercased(text) == text.lowercased(), "\(text)")
    }
  }
}
