import Foundation
import Testing

@testable import HeritageCatalog

/// The generated Han tables hold exactly what ICU gives, for every character they cover, so
/// reading them instead of building ICU's transliterators changes no search and no index.
struct HanTablesTests {
  @Test func everyCharacterOfTheBlockHasItsICUReadingAndSimplifiedForm() {
    #expect(HanTables.readingCount == Int(HanTables.range.upperBound - HanTables.range.lowerBound + 1))
    var readingMismatches: [String] = []
    var foldingMismatches: [String] = []
    for value in HanTables.range {
      let character = Character(Unicode.Scalar(value)!)
      if HanTables.reading(character) != Pinyin.icuSyllable(character) {
        readingMismatches.append(String(character))
      }
      if HanTables.simplified(character) != TextFolding.icuSimplified(character) {
        foldingMismatches.append(String(character))
      }
    }
    for character in HanTables.outsideCharacters
    where HanTables.reading(character) != Pinyin.icuSyllable(character) {
      readingMismatches.append(String(character))
    }
    // Folding never leads out of the table: every simplified form has its reading.
    for value in HanTables.range {
      for character in HanTables.simplified(Character(Unicode.Scalar(value)!)) ?? ""
      where HanTables.reading(character) == nil {
        readingMismatches.append("no reading for \(character)")
      }
    }
    #expect(readingMismatches.isEmpty, "run scripts/generate-han-tables: \(readingMismatches.prefix(20))")
    #expect(foldingMismatches.isEmpty, "run scripts/generate-han-tables: \(foldingMismatches.prefix(20))")
  }

  @Test func charactersOutsideTheBlockStillGoToICU() {
    // 𠀀 (U+20000, extension B) and 豈 (U+F900, a compatibility ideograph) are not in the table.
    for character: Character in ["𠀀", "\u{F900}", "a"] {
      #expect(HanTables.reading(character) == nil)
      #expect(HanTables.simplified(character) == nil)
    }
    #expect(TextNormalizer.fold("閩劇 壽山石") == "闽剧 寿山石")
    #expect(Pinyin().syllables("闽剧") == ["min", "ju"])
    #expect(HanTables.reading("㐀") == Pinyin.icuSyllable("㐀"))
  }
}
