import Foundation

/// A stateless resumption token: the list's arguments and the key (datestamp and id) of the
/// last record sent, so the next page starts after it whatever imports happened meanwhile.
/// It is base64url of a small JSON object; the server keeps nothing.
struct ResumptionToken: Codable, Hashable {
  var verb: String
  var metadataPrefix: String
  var set: String?
  var from: String?
  var until: String?
  var after: HarvestKey
  /// How many records the pages before the next one held.
  var cursor: Int

  enum CodingKeys: String, CodingKey {
    case verb = "v"
    case metadataPrefix = "m"
    case set = "s"
    case from = "f"
    case until = "u"
    case after = "k"
    case cursor = "c"
  }

  var encoded: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = (try? encoder.encode(self)) ?? Data()
    return Base64URL.encode(data)
  }

  /// The token `text` stands for, when this repository could have given it for `verb`.
  /// - Throws: ``OAIError`` `.badResumptionToken`.
  init(decoding text: String, verb expected: OAIVerb) throws {
    let refused = OAIError(
      .badResumptionToken, "the resumption token is not one this repository gave for \(expected.rawValue)")
    // base64url's alphabet, checked byte by byte: with a Regex, decoding a token took 5–7% of a
    // ListRecords page's samples, 2.9% without.
    guard (1...2048).contains(text.utf8.count),
      text.utf8.allSatisfy({ byte in
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
          true
        default: false
        }
      })
    else { throw refused }
    guard let data = Base64URL.decode(text),
      let token = try? JSONDecoder().decode(ResumptionToken.self, from: data),
      token.verb == expected.rawValue, token.cursor >= 0,
      OAIMetadataFormat(rawValue: token.metadataPrefix) != nil,
      token.from.map({ OAIDatestamp($0) != nil }) ?? true,
      token.until.map({ OAIDatestamp($0) != nil }) ?? true,
      OAIDatestamp(token.after.datestamp)?.granularity == .second
    else { throw refused }
    self = token
  }

  init(
    verb: OAIVerb, metadataPrefix: String, set: String?, from: String?, until: String?, after: HarvestKey,
    cursor: Int
  ) {
    self.verb = verb.rawValue
    self.metadataPrefix = metadataPrefix
    self.set = set
    self.from = from
    self.until = until
    self.after = after
    self.cursor = cursor
  }
}
