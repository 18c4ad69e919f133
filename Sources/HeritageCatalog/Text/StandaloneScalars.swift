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
    switch scalar.value {
    case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F: true
    default: TextNormalizer.isHan(scalar)
    }
  }

  /// Whether every scalar of `text` is one of them.
  static func hold(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(contains)
  }
}
