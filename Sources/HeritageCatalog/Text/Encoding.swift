public import Foundation

/// Text made safe to put in HTML content or a quoted attribute: `&`, `<`, `>`, `"` and `'`
/// written as character references (the five that Mustache's HTML escaping replaces).
///
/// ```swift
/// escapeHTML("<b>茶 & \"花\"</b>")  // "&lt;b&gt;茶 &amp; &quot;花&quot;&lt;/b&gt;"
/// ```
public func escapeHTML(_ text: String) -> String {
  // The five characters are ASCII, and no other character's UTF-8 holds their bytes: the
  // text is escaped byte by byte, and returned as it is when it holds none of them (most
  // names and labels), without walking it by grapheme clusters.
  let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
  guard text.utf8.contains(where: special) else { return text }
  var out: [UInt8] = []
  out.reserveCapacity(text.utf8.count + 16)
  for byte in text.utf8 {
    switch byte {
    case 0x26: out += "&amp;".utf8
    case 0x3C: out += "&lt;".utf8
    case 0x3E: out += "&gt;".utf8
    case 0x22: out += "&quot;".utf8
    case 0x27: out += "&#39;".utf8
    default: out.append(byte)
    }
  }
  return String(decoding: out, as: UTF8.self)
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
  ///
  /// Standard base64 with its two letters swapped byte by byte: Foundation's
  /// `replacingOccurrences`, three times over, cost more than the encoding.
  public static func encode(_ data: Data) -> String {
    var bytes = [UInt8](data.base64EncodedData())
    bytes.removeAll { $0 == UInt8(ascii: "=") }
    for index in bytes.indices {
      switch bytes[index] {
      case UInt8(ascii: "+"): bytes[index] = UInt8(ascii: "-")
      case UInt8(ascii: "/"): bytes[index] = UInt8(ascii: "_")
      default: break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The bytes `text` encodes, or `nil` when it is not base64url (padding may be left out).
  public static func decode(_ text: String) -> Data? {
    var bytes = [UInt8](text.utf8)
    for index in bytes.indices {
      switch bytes[index] {
      case UInt8(ascii: "-"): bytes[index] = UInt8(ascii: "+")
      case UInt8(ascii: "_"): bytes[index] = UInt8(ascii: "/")
      // Standard base64's own letters are not base64url.
      case UInt8(ascii: "+"), UInt8(ascii: "/"): return nil
      default: break
      }
    }
    bytes += repeatElement(UInt8(ascii: "="), count: (4 - bytes.count % 4) % 4)
    return Data(base64Encoded: Data(bytes))
  }
}
