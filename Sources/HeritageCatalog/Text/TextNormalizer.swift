import Foundation

/// Folding of text for search: full-width forms to ASCII (NFKC), lower case, traditional
/// characters to simplified, and tone marks stripped from Latin letters (`mǐn` → `min`).
enum TextNormalizer {
  /// `text` folded for search.
  static func fold(_ text: String) -> String {
    // NFKC only where it changes something: full-width forms, ideographic space, Roman numerals…
    let needsCompatibility = text.unicodeScalars.contains {
      (0xFF00...0xFFEF).contains($0.value) || (0x2000...0x2BFF).contains($0.value) || $0.value == 0x3000
        || (0x3200...0x33FF).contains($0.value) || (0xFE30...0xFE4F).contains($0.value)
        || $0.properties.generalCategory == .nonspacingMark
    }
    let compatible = (needsCompatibility ? text.precomposedStringWithCompatibilityMapping : text).lowercased()
    let simplified = TextFolding.simplified(compatible)
    guard simplified.unicodeScalars.contains(where: { $0.value >= 0x80 && !isHan($0) }) else {
      return simplified
    }
    var out = ""
    for character in simplified {
      if character.unicodeScalars.contains(where: isHan) {
        out.append(character)
      } else {
        out += String(character).applyingTransform(.stripDiacritics, reverse: false) ?? String(character)
      }
    }
    return out
  }

  /// `true` for a CJK ideograph.
  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
    default: false
    }
  }

  /// The runs of a folded text joined by single spaces: punctuation and spacing do not count
  /// (`《闽剧》` → `闽剧`). What a name must equal for an exact match.
  static func compact(_ folded: String) -> String {
    runs(folded).map(\.text).joined(separator: " ")
  }

  /// The runs of a folded text: each a run of Han characters or a Latin/digit word.
  static func runs(_ folded: String) -> [(text: String, isHan: Bool)] {
    var runs: [(String, Bool)] = []
    var current = ""
    var currentIsHan = false
    func flush() {
      if !current.isEmpty { runs.append((current, currentIsHan)) }
      current = ""
    }
    for character in folded {
      let han = character.unicodeScalars.contains(where: isHan)
      let word = !han && (character.isLetter || character.isNumber)
      if han || word {
        if !current.isEmpty && han != currentIsHan { flush() }
        currentIsHan = han
        current.append(character)
      } else {
        flush()
      }
    }
    flush()
    return runs
  }
}
