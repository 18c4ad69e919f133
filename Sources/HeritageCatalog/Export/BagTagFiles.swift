import Foundation

/// Reading the tag files of a bag: `bagit.txt`, `bag-info.txt`, manifests and `fetch.txt`.
enum BagTagFiles {
  /// The lines of a tag file decoded with the bag's declared encoding; any line ending.
  static func lines(of url: URL, encoding: String.Encoding) -> [String]? {
    guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: encoding) else {
      return nil
    }
    var body = text
    if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
    return body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .reversed().drop { $0.isEmpty }.reversed()
  }

  /// The `String.Encoding` for a `Tag-File-Character-Encoding` value.
  static func encoding(named name: String) -> String.Encoding? {
    switch name.uppercased().replacingOccurrences(of: "_", with: "-") {
    case "UTF-8", "UTF8": .utf8
    case "UTF-16", "UTF16": .utf16
    case "UTF-16BE": .utf16BigEndian
    case "UTF-16LE": .utf16LittleEndian
    case "ISO-8859-1", "LATIN1", "LATIN-1", "ISO8859-1": .isoLatin1
    case "US-ASCII", "ASCII": .ascii
    case "WINDOWS-1252", "CP1252": .windowsCP1252
    default: nil
    }
  }

  /// `Label: value` pairs, with continuation lines (starting with white space) folded in.
  /// The separator may carry white space on either side, as bagit-python accepts.
  static func labels(_ lines: [String]) -> [(label: String, value: String)]? {
    var pairs: [(String, String)] = []
    for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      if let first = line.first, first == " " || first == "\t" {
        guard !pairs.isEmpty else { return nil }
        pairs[pairs.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { return nil }
      pairs.append(
        (
          line[..<colon].trimmingCharacters(in: .whitespaces),
          line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        ))
    }
    return pairs
  }

  /// A manifest line: checksum, white space, path. A `*` before the path is md5sum's binary flag.
  static func manifestEntry(_ line: String) -> (checksum: String, path: String, binaryFlag: Bool)? {
    let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
    let checksum = String(trimmed[..<space])
    var path = trimmed[space...].drop { $0 == " " || $0 == "\t" }
    let binary = path.first == "*"
    if binary { path = path.dropFirst() }
    guard !checksum.isEmpty, !path.isEmpty else { return nil }
    return (checksum.lowercased(), String(path), binary)
  }

  /// Percent-decoding of `%0A`, `%0D` and `%25` in manifest and fetch paths (BagIt 1.0).
  static func decodePath(_ path: String) -> String {
    guard path.contains("%") else { return path }
    var out = ""
    var index = path.startIndex
    while index < path.endIndex {
      if path[index] == "%", let end = path.index(index, offsetBy: 3, limitedBy: path.endIndex) {
        switch path[path.index(after: index)..<end].uppercased() {
        case "0A":
          out.append("\n")
          index = end
          continue
        case "0D":
          out.append("\r")
          index = end
          continue
        case "25":
          out.append("%")
          index = end
          continue
        default: break
        }
      }
      out.append(path[index])
      index = path.index(after: index)
    }
    return out
  }

  /// Why a path from a manifest or fetch.txt may not be used, or `nil` when it stays in the bag.
  static func escapeProblem(_ path: String) -> Message? {
    if path.hasPrefix("/") { return "the path \(path) is absolute; bag paths must stay inside the bag" }
    if path.hasPrefix("~") { return "the path \(path) starts with ~; bag paths must stay inside the bag" }
    if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
      return "the path \(path) uses .. to leave its folder; bag paths must stay inside the bag"
    }
    if path.contains("\\") { return "the path \(path) uses backslashes" }
    return nil
  }
}
