import Foundation

/// Text made safe to put in HTML content or a quoted attribute.
func escapeHTML(_ text: String) -> String {
  var out = ""
  for character in text {
    switch character {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.append(character)
    }
  }
  return out
}

/// Rows as CSV (RFC 4180): fields with commas, quotes or line breaks are quoted, lines end
/// with CRLF.
func renderCSV(_ header: [String], _ rows: [[String]]) -> String {
  func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
  return ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
}

/// Encodes a value as the JSON that `--format json` prints.
public func renderJSON(_ value: some Encodable) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}
