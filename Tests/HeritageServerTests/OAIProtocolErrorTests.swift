import Foundation
import HTTPTypes
import HeritageCatalog
import TestSupport
import Testing

/// The requests a protocol validator sends to provoke each error: the code, the `<request>`
/// echo by the protocol's rules, and a response that is valid OAI-PMH.
@Suite(.removesTemporaryFolders) struct OAIProtocolErrorTests {
  static let catalog: Catalog = {
    let folder = sharedTemporaryFolder()
    _ = try! importInto(folder, [Fixtures.samples])
    return try! Catalog.open(folder: folder)
  }()

  static let opera = "oai:heritage-catalog.local:ich:min-opera"

  /// (query, expected code, whether `<request>` echoes the arguments)
  static let cases: [(String, String, Bool)] = [
    ("", "badVerb", false),
    ("verb=Junk", "badVerb", false),
    ("verb=Identify&verb=Identify", "badVerb", false),
    ("verb=Identify&extra=1", "badArgument", false),
    ("verb=GetRecord&metadataPrefix=oai_dc", "badArgument", false),
    ("verb=GetRecord&identifier=\(opera)", "badArgument", false),
    (
      "verb=GetRecord&identifier=oai:heritage-catalog.local:ich:%22min-opera%22&metadataPrefix=oai_dc",
      "idDoesNotExist", true
    ),
    ("verb=GetRecord&identifier=%3Cscript%3E&metadataPrefix=oai_dc", "badArgument", false),
    ("verb=GetRecord&identifier=\(opera)&metadataPrefix=marc21", "cannotDisseminateFormat", true),
    ("verb=GetRecord&identifier=\(opera)&metadataPrefix=oai%20dc", "badArgument", false),
    ("verb=ListRecords", "badArgument", false),
    ("verb=ListIdentifiers", "badArgument", false),
    ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument", false),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=junk", "badArgument", false),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=2026-13-01", "badArgument", false),
    ("verb=ListRecords&metadataPrefix=oai_dc&until=2026-02-29", "badArgument", false),
    (
      "verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-12-31T00:00:00Z", "badArgument",
      false
    ),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01", "badArgument", false),
    ("verb=ListRecords&resumptionToken=junk", "badResumptionToken", true),
    ("verb=ListRecords&resumptionToken=junk&until=2026-01-01", "badArgument", false),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2000-01-01", "noRecordsMatch", true),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=district:999999", "noRecordsMatch", true),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=bad%20set", "badArgument", false),
    ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat", true),
    ("verb=ListSets&resumptionToken=abc", "badResumptionToken", true),
    ("verb=ListMetadataFormats&identifier=oai:heritage-catalog.local:gi:nothing", "idDoesNotExist", true),
    ("verb=ListMetadataFormats&identifier=oai:elsewhere.example:ich:min-opera", "idDoesNotExist", true),
    ("verb=Identify&x=%FF", "badArgument", false),
    ("verb=Identify&x=%zz", "badArgument", false),
  ]

  @Test(arguments: cases) func provokedError(query: String, code: String, echoes: Bool) async throws {
    let response = try await oai(query, catalog: Self.catalog)
    #expect(response.errorCode == code, "\(query)")
    if echoes {
      #expect(response.requestAttributes.hasPrefix("verb="), "\(query)")
    } else {
      #expect(response.requestAttributes.isEmpty, "\(query): \(response.requestAttributes)")
    }
    try expectValid(response, "\(query)")
  }

  @Test func echoedValuesAreEscaped() async throws {
    let response = try await oai(
      "verb=GetRecord&identifier=oai:heritage-catalog.local:ich:%22a%22%26%3Cb%3E&metadataPrefix=oai_dc",
      catalog: Self.catalog)
    #expect(response.errorCode == "idDoesNotExist")
    #expect(
      response.requestAttributes.contains(
        "identifier=\"oai:heritage-catalog.local:ich:&quot;a&quot;&amp;&lt;b&gt;\""))
  }

  @Test func aResumptionTokenOfTheOtherListIsRefused() async throws {
    let first = try await oai(
      "verb=ListIdentifiers&metadataPrefix=oai_dc", catalog: Self.catalog,
      settings: try OAISettings(pageSize: 5))
    let token = try #require(first.resumptionToken?.token)
    let other = try await oai("verb=ListRecords&resumptionToken=\(token)", catalog: Self.catalog)
    #expect(other.errorCode == "badResumptionToken")
    var tampered = Array(token)
    tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
    let broken = try await oai(
      "verb=ListIdentifiers&resumptionToken=\(String(tampered))", catalog: Self.catalog)
    #expect(broken.errorCode == "badResumptionToken" || broken.errorCode == nil)
    try expectValid(broken)
  }

  @Test func errorsComeByPostToo() async throws {
    let response = try await oai("verb=GetRecord&metadataPrefix=oai_dc", catalog: Self.catalog, method: .post)
    #expect(response.errorCode == "badArgument")
    try expectValid(response)
  }

  /// In CI the schemas must be there: their absence fails here instead of skipping validation.
  @Test func theSchemasAreThereInCI() {
    #expect(TestData.isPresent || TestData.environment["CI"] != "true", TestData.absence)
  }
}
