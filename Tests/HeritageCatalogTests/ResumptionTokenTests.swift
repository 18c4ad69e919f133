import Foundation
import Testing

@testable import HeritageCatalog

/// A resumption token is base64url as this repository writes it, and nothing else: the same
/// bytes in standard base64 (`+`, `/`) or with `=` padding are refused, as is anything longer
/// than a token can be.
@Suite struct ResumptionTokenTests {
  /// A token whose text holds `-` or `_` and needs padding, so that both spellings exist.
  static let token: String = {
    for cursor in stride(from: 100, to: 100_000, by: 100) {
      let text = ResumptionToken(
        verb: .listRecords, metadataPrefix: "oai_dc", set: "district:350102", from: nil, until: nil,
        after: HarvestKey(datestamp: "2026-11-25T23:01:44Z", id: "gi:product-\(cursor)~?"), cursor: cursor
      ).encoded
      if text.contains(where: { $0 == "-" || $0 == "_" }), text.count % 4 != 0 { return text }
    }
    return ""
  }()

  @Test func theTokenItGaveIsTakenBack() throws {
    #expect(!Self.token.isEmpty)
    let token = try ResumptionToken(decoding: Self.token, verb: .listRecords)
    #expect(token.after.id.hasPrefix("gi:product-") && token.set == "district:350102")
  }

  @Test func otherSpellingsOfTheSameBytesAreRefused() {
    let standard = Self.token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    let padded = Self.token + String(repeating: "=", count: (4 - Self.token.count % 4) % 4)
    for text in [standard, padded, Self.token + " ", "茉莉" + Self.token, String(repeating: "A", count: 2052)] {
      #expect(throws: OAIError.self, "\(text.prefix(40))") {
        try ResumptionToken(decoding: text, verb: .listRecords)
      }
    }
    #expect(throws: OAIError.self) { try ResumptionToken(decoding: "", verb: .listRecords) }
  }
}
