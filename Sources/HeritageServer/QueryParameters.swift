import Foundation
import HTTPTypes

/// The parameters of a query string (or an `application/x-www-form-urlencoded` body), decoded
/// as forms are: `+` is a space, `%XX` a byte, and the bytes must be UTF-8. Each name may come
/// once; names the endpoint does not take are refused.
struct QueryParameters {
  private(set) var values: [String: String] = [:]
  /// The parameters in the order they came, for links that keep them.
  private(set) var pairs: [(String, String)] = []

  /// The longest query accepted, in bytes.
  static let maximumLength = 4096

  /// - Throws: ``Problem`` (400) for a repeated or unknown name, bad escapes or bytes that are
  ///   not UTF-8; (414) for an overlong query.
  init(_ raw: String?, allowed: Set<String>) throws {
    guard let raw, !raw.isEmpty else { return }
    try QueryParameters.checkLength(raw)
    for (name, value) in try QueryParameters.pairs(raw) {
      guard allowed.contains(name) else {
        throw Problem(
          .badRequest,
          "unknown parameter \(name); this endpoint takes \(allowed.sorted().joined(separator: ", "))")
      }
      guard values[name] == nil else {
        throw Problem(.badRequest, "parameter \(name) is given more than once")
      }
      values[name] = value
      pairs.append((name, value))
    }
  }

  subscript(name: String) -> String? { values[name] }

  /// - Throws: ``Problem`` (414) when `raw` is longer than ``maximumLength`` bytes.
  static func checkLength(_ raw: String) throws {
    guard raw.utf8.count <= maximumLength else {
      throw Problem(
        .uriTooLong, "the query is \(raw.utf8.count) bytes long; at most \(maximumLength) are read")
    }
  }

  /// The decoded name–value pairs of a query string or form body, in order, repeats kept.
  /// - Throws: ``Problem`` (400) for bad escapes, bytes that are not UTF-8, or a NUL.
  static func pairs(_ raw: String) throws -> [(name: String, value: String)] {
    try raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (try decode(parts[0]), try parts.count > 1 ? decode(parts[1]) : "")
    }
  }

  /// A whole number parameter within `range`, or `fallback` when absent.
  func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
    guard let text = values[name] else { return fallback }
    guard let number = Int(text), range.contains(number) else {
      throw Problem(
        .badRequest, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  /// A positive number of kilometres, when given.
  func kilometres(_ name: String) throws -> Double? {
    guard let text = values[name] else { return nil }
    guard let number = Double(text), number.isFinite, number >= 0 else {
      throw Problem(.badRequest, "\(name) must be a distance in kilometres, such as 5 or 12.5")
    }
    return number
  }

  /// `true` or `false` (as OpenAPI writes a boolean in a query), `false` when absent.
  func flag(_ name: String) throws -> Bool {
    switch values[name] {
    case nil, "false": return false
    case "true": return true
    case let other?: throw Problem(.badRequest, "\(name) must be true or false, not “\(other)”")
    }
  }

  /// `name=value&…`, form-encoded.
  static func encode(_ pairs: [(String, String)]) -> String {
    func escape(_ text: String) -> String {
      text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
    return pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
  }

  /// What a query's names and values keep as they are. Made once: a copy of
  /// `CharacterSet.alphanumerics` changed on each call cost 2% of a results page.
  private static let unreserved: CharacterSet = {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return allowed
  }()

  private static func decode(_ text: Substring) throws -> String {
    var bytes: [UInt8] = []
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%") {
        let high = utf8.index(after: index)
        guard high < utf8.endIndex, utf8.index(after: high) < utf8.endIndex,
          let value = UInt8(
            String(decoding: [utf8[high], utf8[utf8.index(after: high)]], as: UTF8.self), radix: 16)
        else { throw Problem(.badRequest, "the query holds a % that is not followed by two hex digits") }
        bytes.append(value)
        index = utf8.index(after: high)
      } else {
        bytes.append(byte)
      }
      index = utf8.index(after: index)
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else {
      throw Problem(.badRequest, "the query is not UTF-8 text")
    }
    guard !decoded.unicodeScalars.contains(where: { $0.value == 0 }) else {
      throw Problem(.badRequest, "the query holds a NUL character")
    }
    return decoded
  }
}
