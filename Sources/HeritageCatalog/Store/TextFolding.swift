import Foundation

/// Folding of Chinese text between traditional and simplified characters, through ICU.
enum TextFolding {
  private static let traditionalToSimplified = StringTransform(rawValue: "Traditional-Simplified")

  /// `text` with traditional characters replaced by simplified ones.
  static func simplified(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
    return text.applyingTransform(traditionalToSimplified, reverse: false) ?? text
  }
}
