/// A national ICH category, I to X, stored with an ASCII Roman numeral.
public struct ICHCategory: Codable, Hashable, Sendable {
  /// `I` to `X`.
  public var code: String
  /// The category's Chinese name, such as 传统戏剧.
  public var name: String

  /// The ten categories of the national list, in order.
  public static let names = [
    "民间文学", "传统音乐", "传统舞蹈", "传统戏剧", "曲艺",
    "传统体育游艺与杂技", "传统美术", "传统技艺", "传统医药", "民俗",
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

extension String {
  /// The string without leading and trailing white space and newlines.
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
