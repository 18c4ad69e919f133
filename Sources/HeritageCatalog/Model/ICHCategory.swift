import Foundation

/// A national ICH category, I to X, stored with an ASCII Roman numeral.
///
/// The names are those of the State Council's national lists since the second batch (2008);
/// the first batch (2006) named five categories differently (民间音乐, 民间舞蹈, 杂技与竞技,
/// 民间美术, 传统手工技艺), and records written then are still read: ``category(namedBy:)``
/// knows both.
public struct ICHCategory: Hashable, Sendable {
  /// `I` to `X`.
  public var code: String
  /// The category's current official name, such as 传统戏剧.
  public var name: String
  /// The label as the record wrote it, when it differs from ``name`` after folding (an older
  /// name such as 民间美术, or a label naming no category); `nil` otherwise.
  public var label: String?

  /// The ten categories of the national list, in order, with their current names.
  public static let names = [
    "民间文学", "传统音乐", "传统舞蹈", "传统戏剧", "曲艺",
    "传统体育、游艺与杂技", "传统美术", "传统技艺", "传统医药", "民俗",
  ]

  /// The names of the first national list (2006), where they differ from today's.
  public static let firstBatchNames: [String: String] = [
    "II": "民间音乐", "III": "民间舞蹈", "VI": "杂技与竞技", "VII": "民间美术", "VIII": "传统手工技艺",
  ]

  static let asciiNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
  static let unicodeNumerals = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ"]

  /// Reads a code written `IV`, `Ⅳ` or `4`; `nil` for anything else.
  public init?(code raw: String) {
    let trimmed = raw.trimmingWhitespace()
    let index =
      ICHCategory.asciiNumerals.firstIndex(of: trimmed.uppercased())
      ?? ICHCategory.unicodeNumerals.firstIndex(of: trimmed)
      ?? Int(trimmed).flatMap { (1...10).contains($0) ? $0 - 1 : nil }
    guard let index else { return nil }
    code = ICHCategory.asciiNumerals[index]
    name = ICHCategory.names[index]
  }

  /// The category a label names, current or 2006 name, compared after folding traditional
  /// characters, full-width forms, punctuation and white space (传统体育游艺与杂技,
  /// 傳統體育、遊藝與雜技 and 杂技与竞技 all name VI); `nil` when it names none.
  public static func category(namedBy label: String) -> ICHCategory? {
    let key = CategoryLabel.key(label)
    guard let code = labelIndex[key] else { return nil }
    return ICHCategory(code: code)
  }

  /// Folded label → code, for the current and the 2006 names.
  private static let labelIndex: [String: String] = {
    var index: [String: String] = [:]
    for (offset, name) in names.enumerated() { index[CategoryLabel.key(name)] = asciiNumerals[offset] }
    for (code, name) in firstBatchNames { index[CategoryLabel.key(name)] = code }
    return index
  }()

  /// Rewrites a leading Unicode Roman numeral (`Ⅴ-3`) in ASCII (`V-3`).
  public static func normalizedListingNumber(_ number: String) -> String {
    var out = ""
    for character in number {
      if let index = unicodeNumerals.firstIndex(of: String(character)) {
        out += asciiNumerals[index]
      } else if character == "Ⅺ" {
        out += "XI"
      } else if character == "Ⅻ" {
        out += "XII"
      } else {
        out.append(character)
      }
    }
    return out
  }
}

extension ICHCategory: Codable {
  private enum CodingKeys: String, CodingKey {
    case code, name, label
  }

  /// Reads the code and takes the name from the current table, so revisions stored under an
  /// older spelling of a name are shown with today's.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let code = try container.decode(String.self, forKey: .code)
    guard let known = ICHCategory(code: code) else {
      throw DecodingError.dataCorruptedError(
        forKey: .code, in: container, debugDescription: "\(code) is not an ICH category code")
    }
    self = known
    label = try container.decodeIfPresent(String.self, forKey: .label)
  }
}

/// The folding under which two category labels are the same.
enum CategoryLabel {
  /// `label` in simplified characters, compatibility-mapped (full-width forms), without
  /// punctuation, symbols or white space.
  static func key(_ label: String) -> String {
    let simplified = TextFolding.simplified(label.precomposedStringWithCompatibilityMapping)
    return String(
      simplified.unicodeScalars.filter { scalar in
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
          .decimalNumber, .letterNumber, .otherNumber:
          true
        default: false
        }
      }.map(Character.init))
  }
}

extension String {
  /// The string without leading and trailing white space and newlines.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
