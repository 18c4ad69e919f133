/// ICU's pinyin reading and simplified form of the characters of the CJK Unified Ideographs
/// block and its extension A (U+3400–U+9FFF: nearly every character of a name, and the
/// simplified forms ICU gives some of them), read from a table
/// generated from ICU (``HanTableData``) instead of building ICU's transliterators in every
/// process: Han-Latin alone took 150 ms before a search's first pinyin comparison. Characters
/// outside go to ICU itself (``Pinyin`` and ``TextFolding`` do that, lazily).
enum HanTables {
  /// The reading of each code point from `HanTableData.first` on.
  private static let readings: [Substring] = HanTableData.readings.split(
    separator: " ", omittingEmptySubsequences: false)
  /// Traditional characters of the block, by code point, and their simplified forms (keyed by
  /// number: hashing a `Character` costs as much as hashing a string, and this runs for every
  /// character an import folds).
  private static let simplifiedForms = table(HanTableData.simplified) { $0.unicodeScalars.first!.value }
  /// Readings of the simplified forms ICU gives outside the block.
  private static let outsideReadings = table(HanTableData.outsideReadings) { $0 }

  /// A table written as entries separated by spaces, each a character followed by its value.
  private static func table<Key: Hashable>(_ entries: String, key: (Character) -> Key) -> [Key: String] {
    Dictionary(
      uniqueKeysWithValues: entries.split(separator: " ").map { entry in
        (key(entry.first!), String(entry.dropFirst()))
      })
  }

  /// The code points the tables cover.
  static let range: ClosedRange<UInt32> = HanTableData.first...0x9FFF

  /// The index of `character` in the tables, when it is one code point of the block.
  private static func index(_ character: Character) -> Int? {
    let scalars = character.unicodeScalars
    guard scalars.count == 1, let value = scalars.first?.value, range.contains(value) else { return nil }
    return Int(value - range.lowerBound)
  }

  /// ICU's toneless pinyin for `character` (empty where ICU has none), or `nil` outside the
  /// block (except for the simplified forms that lie outside it).
  static func reading(_ character: Character) -> String? {
    index(character).map { String(readings[$0]) } ?? outsideReadings[character]
  }

  /// The characters outside the block whose readings the table holds (simplified forms of
  /// characters of the block).
  static var outsideCharacters: [Character] { Array(outsideReadings.keys) }

  /// ICU's simplified form of `character` (the character itself where it has none), or `nil`
  /// outside the block.
  static func simplified(_ character: Character) -> String? {
    guard index(character) != nil, let scalar = character.unicodeScalars.first else { return nil }
    return simplifiedForm(scalar) ?? String(character)
  }

  /// The simplified form of `scalar`, a code point of ``range``, when it differs from it.
  static func simplifiedForm(_ scalar: Unicode.Scalar) -> String? {
    simplifiedForms[scalar.value]
  }

  /// How many readings the table holds: one per code point of ``range`` when it is whole.
  static var readingCount: Int { readings.count }
}
