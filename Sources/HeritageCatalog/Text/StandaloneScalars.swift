/// Scalars that are a whole character beside one another: ASCII, the rest of Latin-1 and the
/// letters and modifiers below U+0300 (where combining marks begin), general punctuation and
/// CJK punctuation without their combining marks and format controls, and Han ideographs. No
/// grapheme rule joins two of them, except CR LF.
///
/// A text made of them alone can be read scalar by scalar as its characters, without finding
/// grapheme boundaries: an import folds and tokenizes every field of every record, and most
/// of it is Chinese, English and their punctuation.
enum StandaloneScalars {
  static func contains(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x300 || isPunctuation(scalar) || TextNormalizer.isHan(scalar)
  }

  /// Whether `scalar` is general or CJK punctuation that stands alone: U+2010–U+205E without
  /// the separators and format controls U+2028–U+202F, and U+3000–U+303F without the tone
  /// marks U+302A–U+302F, which combine. None has a case, a decomposition or a mark, so
  /// lower-casing and stripping diacritics leave each as it is.
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F: true
    default: false
    }
  }

  /// Whether every scalar of `text` is one of them.
  static func hold(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(contains)
  }
}
