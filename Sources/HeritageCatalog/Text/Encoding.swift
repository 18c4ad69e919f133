public import Foundation

/// Text made safe to put in HTML content or a quoted attribute: `&`, `<`, `>`, `"` and `'`
/// written as character references (the five that Mustache's HTML escaping replaces).
///
/// ```swift
/// escapeHTML("<b>茶 & \"花\"</b>")  // "&lt;b&gt;茶 &amp; &quot;花&quot;&lt;/b&gt;"
/// ```
public func escapeHTML(_ text: String) -> String {
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
  try CanonicalJSON.encodePretty(value)
}

/// Base64url without padding (RFC 4648 §5): the alphabet of the opaque tokens the catalog
/// hands out in URLs (OAI-PMH resumption tokens, the API's search cursors).
public enum Base64URL {
  /// `data` in base64url, without `=` padding.
  public static func encode(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// The bytes `text` encodes, or `nil` when it is not base64url (padding may be left out).
  public static func decode(_ text: String) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64)
  }
}
