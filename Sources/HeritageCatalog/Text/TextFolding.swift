import Foundation

/// Folding of Chinese text between traditional and simplified characters, through ICU.
///
/// ICU's Traditional-Simplified transform maps character by character, and a transform call
/// costs far more than a lookup: characters of the CJK Unified Ideographs block are read from
/// ``HanTables`` (generated from ICU), any other is transformed once and remembered.
enum TextFolding {
  private static let traditionalToSimplified = StringTransform(rawValue: "Traditional-Simplified")
  private static let cache = CharacterCache()

  /// `text` with traditional characters replaced by simplified ones. A text of
  /// ``StandaloneScalars`` alone is read by scalars, which are its characters (`byScalars:
  /// false` reads it by characters, for tests to compare).
  static func simplified(_ text: String, byScalars: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    if byScalars && StandaloneScalars.hold(text) {
      for scalar in text.unicodeScalars {
        if let form = simplifiedForm(scalar) {
          out.append(contentsOf: form.utf8)
        } else {
          out.append(contentsOf: UTF8.encode(scalar)!)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    for character in text {
      guard character.unicodeScalars.first.map({ $0.value >= 0x2E80 }) == true else {
        out.append(contentsOf: character.utf8)
        continue
      }
      out.append(contentsOf: simplified(character, known: HanTables.simplified(character)).utf8)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The simplified form of `scalar`, a character of ``StandaloneScalars``; `nil` where the
  /// scalar's own bytes are its form.
  private static func simplifiedForm(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case ..<0x2E80: nil  // no Han below the radicals
    case HanTables.range: HanTables.simplifiedForm(scalar)
    default: simplified(Character(scalar), known: nil)  // outside the tables: ICU's, remembered
    }
  }

  /// The simplified form of `character`: `known` from the tables, or else ICU's (remembered).
  private static func simplified(_ character: Character, known: String?) -> String {
    known ?? cache.value(for: character) { icuSimplified(character) }
  }

  /// ICU's simplified form of one character (scripts/HanTables.swift takes the same step).
  static func icuSimplified(_ character: Character) -> String {
    String(character).applyingTransform(traditionalToSimplified, reverse: false) ?? String(character)
  }
}

/// A thread-safe memo of one string per character.
final class CharacterCache: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Character: String] = [:]

  func value(for character: Character, make: () -> String) -> String {
    lock.lock()
    defer { lock.unlock() }
    if let known = values[character] { return known }
    let made = make()
    values[character] = made
    return made
  }
}
