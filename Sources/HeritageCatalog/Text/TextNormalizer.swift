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
        // Every nonspacing mark lies above U+0300; asking Unicode's tables costs a lookup.
        || ($0.value >= 0x300 && !isHan($0) && $0.properties.generalCategory == .nonspacingMark)
    }
    let compatible = lowercased(needsCompatibility ? text.precomposedStringWithCompatibilityMapping : text)
    let simplified = TextFolding.simplified(compatible)
    guard !simplified.unicodeScalars.allSatisfy(isUnmarked) else { return simplified }
    var out = ""
    for character in simplified {
      if character.unicodeScalars.contains(where: isHan) || character.unicodeScalars.allSatisfy(isUnmarked) {
        out.append(character)
      } else {
        out += String(character).applyingTransform(.stripDiacritics, reverse: false) ?? String(character)
      }
    }
    return out
  }

  /// Whether stripping diacritics leaves `scalar` as it is (it has no canonical decomposition
  /// and is no mark): ASCII, Han ideographs, and the punctuation of
  /// ``StandaloneScalars/isPunctuation(_:)``. Chinese text with its punctuation skips the
  /// transform, which costs thousands of instructions a character.
  static func isUnmarked(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII || StandaloneScalars.isPunctuation(scalar) || isHan(scalar)
  }

  /// `text` in lower case; `text` itself when it holds nothing with a case: no ASCII capital and
  /// nothing beyond ASCII but Han ideographs and the punctuation of
  /// ``StandaloneScalars/isPunctuation(_:)`` (most fields of a record).
  static func lowercased(_ text: String) -> String {
    let caseless = text.unicodeScalars.allSatisfy {
      $0.isASCII ? !(0x41...0x5A).contains($0.value) : isHan($0) || StandaloneScalars.isPunctuation($0)
    }
    return caseless ? text : text.lowercased()
  }

  /// `false` when the UTF-8 bytes of `term` occur nowhere in `text`: a cheap test before a
  /// comparison by characters, which in folded text (composed, marks removed) cannot find
  /// what the bytes do not hold.
  static func bytesOccur(_ term: String, in text: String) -> Bool {
    var text = text
    var term = term
    return text.withUTF8 { haystack in term.withUTF8 { firstOccurrence(of: $0, in: haystack, from: 0) != nil }
    }
  }

  /// Whether a word of `text` (a run of letters and digits, as ``runs(_:)`` cuts it) starts
  /// with `prefix`, decided from the bytes around each place `prefix` occurs; `nil` when
  /// `prefix` is not ASCII letters and digits, or a neighbour that is neither ASCII nor Han
  /// leaves it to the characters.
  static func wordStarts(with prefix: String, in text: String) -> Bool? {
    guard !prefix.isEmpty, prefix.utf8.allSatisfy({ CharacterKind(ascii: $0) == .word }) else { return nil }
    var text = text
    var prefix = prefix
    return text.withUTF8 { bytes -> Bool? in
      prefix.withUTF8 { needle -> Bool? in
        var undecided = false
        var from = 0
        while let start = firstOccurrence(of: needle, in: bytes, from: from) {
          from = start + 1
          let end = start + needle.count
          if end < bytes.count && bytes[end] >= 0x80 && !isHan(scalarStarting: end, in: bytes) {
            undecided = true
            continue
          }
          guard start > 0 else { return true }
          let before = bytes[start - 1]
          if before < 0x80 {
            if CharacterKind(ascii: before) != .word { return true }
          } else if isHan(scalarEndingBefore: start, in: bytes) {
            return true
          } else {
            undecided = true
          }
        }
        return undecided ? nil : false
      }
    }
  }

  /// Where `needle` next occurs in `haystack` at or after `from`; an empty needle at `from`.
  private static func firstOccurrence(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int
  ) -> Int? {
    guard let first = needle.first else { return from }
    var start = from
    while start + needle.count <= haystack.count {
      if haystack[start] == first {
        var matched = 1
        while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return start }
      }
      start += 1
    }
    return nil
  }

  private static func isHan(scalarStarting index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = index + 1
    while end < bytes.count && end < index + 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
    return scalar(bytes[index..<end]).map(isHan) ?? false
  }

  private static func isHan(scalarEndingBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = index - 1
    while start > 0 && start > index - 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(bytes[start..<index]).map(isHan) ?? false
  }

  private static func scalar(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
    return scalar
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
    // One run and nothing to drop (most names are Han characters only): the text itself,
    // without walking its characters.
    if isOneRun(folded) { return folded }
    return runs(folded).map(\.text).joined(separator: " ")
  }

  /// Whether `folded` is all Han characters or all ASCII letters and digits: one run (or none,
  /// when empty) and nothing to drop, decided without walking its characters.
  private static func isOneRun(_ folded: String) -> Bool {
    folded.unicodeScalars.allSatisfy(isHan) || folded.utf8.allSatisfy({ CharacterKind(ascii: $0) == .word })
  }

  /// Whether the runs of `folded` are `runs`: `compact(folded)` equals `runs` joined by
  /// spaces, decided at the first run that differs.
  static func hasRuns(_ folded: String, _ runs: [String]) -> Bool {
    // One run and nothing to drop (most names are Han characters only): the text is its run.
    if !folded.isEmpty, isOneRun(folded) { return runs.count == 1 && runs[0] == folded }
    var cut = TextRuns(folded)
    for run in runs where cut.next()?.text != run { return false }
    return cut.next() == nil
  }

  /// The runs of a folded text: each a run of Han characters or a Latin/digit word.
  static func runs(_ folded: String) -> [(text: String, isHan: Bool)] {
    Array(TextRuns(folded))
  }
}

/// The runs of a folded text, cut as they are read (a caller that needs the first run, or
/// stops at the first difference, reads no further).
struct TextRuns: Sequence, IteratorProtocol {
  private var characters: String.Iterator
  private var pending: (String, Bool)?

  init(_ folded: String) {
    characters = folded.makeIterator()
  }

  mutating func next() -> (text: String, isHan: Bool)? {
    var current = ""
    var currentIsHan = false
    if let started = pending {
      (current, currentIsHan) = started
      pending = nil
    }
    while let character = characters.next() {
      let kind = CharacterKind(character)
      if kind == .other {
        if current.isEmpty { continue }
        return (current, currentIsHan)
      }
      let han = kind == .han
      if current.isEmpty {
        currentIsHan = han
      } else if han != currentIsHan {
        // The character begins the next run, which the next call goes on with.
        pending = (String(character), han)
        return (current, currentIsHan)
      }
      current.append(character)
    }
    return current.isEmpty ? nil : (current, currentIsHan)
  }
}

/// What a character of folded text is to the index: a Han character, part of a word (a
/// letter or a digit), or neither (spacing, punctuation).
enum CharacterKind {
  case han
  case word
  case other

  init(_ character: Character) {
    // ASCII first: most characters that are not Han are, and Unicode's properties cost a
    // table lookup each.
    if let ascii = character.asciiValue {
      self.init(ascii: ascii)
    } else if character.unicodeScalars.contains(where: TextNormalizer.isHan) {
      self = .han
    } else {
      self = character.isLetter || character.isNumber ? .word : .other
    }
  }

  /// The kind of a scalar that is a character of its own (one of ``StandaloneScalars``).
  init(standalone scalar: Unicode.Scalar) {
    if scalar.isASCII {
      self.init(ascii: UInt8(scalar.value))
    } else if TextNormalizer.isHan(scalar) {
      self = .han
    } else {
      self.init(Character(scalar))
    }
  }

  /// The kind of an ASCII character (or byte): letters and digits are words, the rest other.
  init(ascii: UInt8) {
    switch ascii {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      self = .word
    default: self = .other
    }
  }
}
