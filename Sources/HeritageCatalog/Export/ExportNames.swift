import Foundation

/// Safe, portable names for the files of a bag: NFC, and nothing that breaks Windows or zip
/// tools (no `: * ? " < > | \ /`, no control characters, no leading dot, no trailing dot or
/// space, not too long).
enum ExportNames {
  /// The folder of a record: its id with `:` as `_` (ids allow nothing else unsafe).
  static func folder(for id: String) -> String {
    safe(id.replacingOccurrences(of: ":", with: "_"))
  }

  /// A media file's name: the first 12 digits of its SHA-256, then its original name made safe.
  static func mediaFile(sha256: String, href: String) -> String {
    let original = (href as NSString).lastPathComponent
    return "\(sha256.prefix(12))-\(safe(original))"
  }

  static func safe(_ name: String) -> String {
    var out = ""
    for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars {
      let character = Character(scalar)
      let allowed =
        (character.isLetter || character.isNumber || character == "." || character == "-" || character == "_")
        && scalar.value >= 0x20 && !"%".contains(character)
      out.append(allowed ? character : "_")
    }
    while out.hasPrefix(".") { out.removeFirst() }
    while out.hasSuffix(".") || out.hasSuffix(" ") { out.removeLast() }
    if out.utf8.count > 120 { out = String(out.prefix(60)) }
    return out.isEmpty ? "file" : out
  }
}
