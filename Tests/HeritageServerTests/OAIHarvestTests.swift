import Foundation
import HTTPTypes
import HeritageCatalog
import HummingbirdTesting
import TestSupport
import Testing

/// Harvesting as an aggregator does: every record in pages, incrementally with `from`, by set,
/// withdrawn records as deleted, both formats, by GET and by POST.
@Suite(.removesTemporaryFolders) struct OAIHarvestTests {
  static let catalog: Catalog = {
    let folder = sharedTemporaryFolder()
    _ = try! importInto(folder, [Fixtures.samples])
    return try! Catalog.open(folder: folder)
  }()

  static let secondImport = Fixtures.repository.appendingPathComponent(
    "Tests/HeritageServerTests/Fixtures/second-import.xml"
  ).path

  /// Every page of a list, following resumption tokens.
  func harvest(
    _ query: String, catalog: Catalog = OAIHarvestTests.catalog, pageSize: Int = 5,
    method: HTTPRequest.Method = .get, over setup: TestingSetup = .router
  ) async throws -> [OAIResponse] {
    let settings = try OAISettings(pageSize: pageSize)
    var pages = [try await oai(query, catalog: catalog, settings: settings, method: method, over: setup)]
    while let token = pages.last?.resumptionToken?.token, !token.isEmpty, pages.count < 100 {
      let verb = query.split(separator: "&").first { $0.hasPrefix("verb=") }!
      pages.append(
        try await oai(
          "\(verb)&resumptionToken=\(token)", catalog: catalog, settings: settings, method: method,
          over: setup))
    }
    return pages
  }

  @Test func identifyDescribesTheRepository() async throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    try Data(
      #"{"oai": {"repositoryIdentifier": "heritage.fuzhou.example", "repositoryName": "福州非遗与地理标志目录", "adminEmail": "archive@heritage.fuzhou.example"}}"#
        .utf8
    ).write(to: folder.appendingPathComponent("settings.json"))
    let catalog = try Catalog.open(folder: folder)
    let response = try await oai(
      "verb=Identify", catalog: catalog, settings: try OAISettings.load(for: catalog))
    #expect(response.texts("repositoryName") == ["福州非遗与地理标志目录"])
    #expect(response.texts("baseURL") == ["http://localhost:8080/oai"])
    #expect(response.texts("protocolVersion") == ["2.0"])
    #expect(response.texts("adminEmail") == ["archive@heritage.fuzhou.example"])
    #expect(response.texts("deletedRecord") == ["persistent"])
    #expect(response.texts("granularity") == ["YYYY-MM-DDThh:mm:ssZ"])
    #expect(response.texts("repositoryIdentifier") == ["heritage.fuzhou.example"])
    let datestamps = try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc", catalog: catalog)
      .flatMap { $0.texts("datestamp") }
    #expect(response.texts("earliestDatestamp") == [datestamps.min()!])
    try expectValid(response)
  }

  @Test func aRepositoryIdentifierWithoutADotIsRefused() throws {
    #expect(throws: CatalogError.self) { try OAISettings(repositoryIdentifier: "localhost") }
    #expect(throws: CatalogError.self) { try OAISettings(pageSize: 0) }
  }

  @Test(arguments: [HTTPRequest.Method.get, .post]) func harvestsEveryRecordInPagesOfFive(
    method: HTTPRequest.Method
  ) async throws {
    let total = try Self.catalog.stats().total
    for verb in ["ListIdentifiers", "ListRecords"] {
      let pages = try await harvest("verb=\(verb)&metadataPrefix=oai_dc", method: method)
      let identifiers = pages.flatMap(\.identifiers)
      #expect(identifiers.count == total && Set(identifiers).count == total)
      #expect(pages.count == (total + 4) / 5)
      for (number, page) in pages.enumerated() {
        let token = try #require(page.resumptionToken)
        #expect(token.attributes.contains("completeListSize=\"\(total)\""))
        #expect(token.attributes.contains("cursor=\"\(number * 5)\""))
        #expect(token.token.isEmpty == (number == pages.count - 1))
        try expectValid(page, "\(verb) page \(number)")
      }
    }
  }

  /// The same harvest through a real server on a loopback socket, by GET and by POST.
  @Test func harvestsOverASocket() async throws {
    let total = try Self.catalog.stats().total
    for method in [HTTPRequest.Method.get, .post] {
      let pages = try await harvest("verb=ListRecords&metadataPrefix=heritage", method: method, over: .live)
      #expect(Set(pages.flatMap(\.identifiers)).count == total && pages.flatMap(\.identifiers).count == total)
      #expect(pages.allSatisfy { $0.status == .ok && $0.contentType == "text/xml; charset=utf-8" })
    }
  }

  @Test func aListThatFitsInOnePageHasNoToken() async throws {
    let pages = try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&set=gi", pageSize: 100)
    #expect(pages.count == 1 && pages[0].resumptionToken == nil)
    #expect(pages[0].identifiers.allSatisfy { $0.hasPrefix("oai:heritage-catalog.local:gi:") })
    #expect(pages[0].identifiers.count == 4)
  }

  @Test func setsByKindAndByDistrict() async throws {
    let sets = try await oai("verb=ListSets", catalog: Self.catalog)
    let specs = sets.texts("setSpec")
    let names = sets.texts("setName")
    #expect(Array(specs.prefix(3)) == ["gi", "ich", "station"])
    #expect(Array(names.prefix(3)) == ["地理标志产品", "非遗项目", "服务站点"])
    #expect(zip(specs, names).contains { $0 == "district:350102" && $1 == "鼓楼区" })
    try expectValid(sets)
    let ich = try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&set=ich")
    #expect(ich.flatMap(\.identifiers).count == 8)
    #expect(ich.flatMap(\.identifiers).allSatisfy { $0.hasPrefix("oai:heritage-catalog.local:ich:") })
    let gulou = try await harvest("verb=ListRecords&metadataPrefix=heritage&set=district:350102")
    #expect(gulou.flatMap(\.identifiers).contains("oai:heritage-catalog.local:station:gulou-pilot"))
    #expect(
      gulou.allSatisfy { page in
        page.body.components(separatedBy: "<header>").count - 1 == page.texts("identifier").count
      })
    for page in gulou {
      for header in page.body.split(separator: "<header>").dropFirst() {
        #expect(header.contains("<setSpec>district:350102</setSpec>"))
      }
    }
  }

  @Test func bothFormatsCarryTheRecord() async throws {
    let identifier = "oai:heritage-catalog.local:ich:min-opera"
    let native = try await oai(
      "verb=GetRecord&identifier=\(identifier)&metadataPrefix=heritage", catalog: Self.catalog)
    #expect(native.body.contains("<heritage-item id=\"ich:min-opera\">"))
    #expect(native.body.contains("http://localhost:8080/schemas/records-1.xsd"))
    #expect(native.body.contains("<name xml:lang=\"zh\">闽剧</name>"))
    try expectValid(native)
    let dc = try await oai(
      "verb=GetRecord&identifier=\(identifier)&metadataPrefix=oai_dc", catalog: Self.catalog)
    #expect(dc.body.contains("<dc:title xml:lang=\"zh\">闽剧</dc:title>"))
    #expect(dc.body.contains("<dc:title xml:lang=\"en\">Min Opera</dc:title>"))
    try expectValid(dc)
    let formats = try await oai("verb=ListMetadataFormats&identifier=\(identifier)", catalog: Self.catalog)
    #expect(formats.texts("metadataPrefix") == ["oai_dc", "heritage"])
    #expect(formats.texts("metadataNamespace").last == "urn:heritage-catalog:records:1")
    try expectValid(formats)
  }

  /// A second import, made while the server runs, is seen by the next request: `from` the
  /// second after the first import returns exactly the two changed records, the withdrawn one
  /// as deleted (in lists and in GetRecord), and the earliest datestamp does not move.
  @Test func incrementalHarvestAfterASecondImport() async throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let catalog = try Catalog.open(folder: folder)
    let before = try await oai("verb=Identify", catalog: catalog)
    let first = try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc", catalog: catalog)
    let firstStamp = try #require(first.flatMap { $0.texts("datestamp") }.max())
    while Date().ISO8601Format() <= firstStamp { try await Task.sleep(for: .milliseconds(50)) }
    let from = Date().ISO8601Format()
    _ = try importInto(folder, [Self.secondImport])

    let changed = try await harvest("verb=ListRecords&metadataPrefix=oai_dc&from=\(from)", catalog: catalog)
    #expect(
      Set(changed.flatMap(\.identifiers)) == [
        "oai:heritage-catalog.local:ich:cork-painting",
        "oai:heritage-catalog.local:ich:fuzhou-oil-paper-umbrella",
      ])
    let body = changed.map(\.body).joined()
    #expect(body.contains("栓皮栎软木"))
    #expect(body.components(separatedBy: "<header status=\"deleted\">").count == 2)
    #expect(body.components(separatedBy: "<metadata>").count == 2)
    for page in changed { try expectValid(page) }

    let deleted = try await oai(
      "verb=GetRecord&identifier=oai:heritage-catalog.local:ich:fuzhou-oil-paper-umbrella&metadataPrefix=heritage",
      catalog: catalog)
    #expect(deleted.body.contains("<header status=\"deleted\">") && !deleted.body.contains("<metadata>"))
    try expectValid(deleted)
    let after = try await oai("verb=Identify", catalog: catalog)
    #expect(after.texts("earliestDatestamp") == before.texts("earliestDatestamp"))
    let all = try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc", catalog: catalog)
    #expect(all.flatMap(\.identifiers).count == first.flatMap(\.identifiers).count)
  }

  /// Resumption tokens are keyed on datestamp and id: an import between two pages skips no
  /// record; an unchanged record arrives exactly once, a changed one at the end again.
  @Test func anImportBetweenPagesSkipsNothing() async throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let catalog = try Catalog.open(folder: folder)
    let settings = try OAISettings(pageSize: 5)
    let everything = Set(
      try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc", catalog: catalog).flatMap(\.identifiers)
    )
    var pages = [
      try await oai("verb=ListIdentifiers&metadataPrefix=oai_dc", catalog: catalog, settings: settings)
    ]
    let stamp = try #require(pages[0].texts("datestamp").max())
    while Date().ISO8601Format() <= stamp { try await Task.sleep(for: .milliseconds(50)) }
    _ = try importInto(folder, [Self.secondImport])
    while let token = pages.last?.resumptionToken?.token, !token.isEmpty {
      pages.append(
        try await oai("verb=ListIdentifiers&resumptionToken=\(token)", catalog: catalog, settings: settings))
    }
    let seen = pages.flatMap(\.identifiers)
    #expect(Set(seen) == everything)
    let changed: Set = [
      "oai:heritage-catalog.local:ich:cork-painting",
      "oai:heritage-catalog.local:ich:fuzhou-oil-paper-umbrella",
    ]
    for identifier in everything.subtracting(changed) {
      #expect(seen.filter { $0 == identifier }.count == 1, "\(identifier)")
    }
  }

  @Test func aDayUntilCoversTheWholeDay() async throws {
    let today = String(Date().ISO8601Format().prefix(10))
    let total = try Self.catalog.stats().total
    let until = try await harvest("verb=ListIdentifiers&metadataPrefix=oai_dc&until=\(today)", pageSize: 100)
    #expect(until.flatMap(\.identifiers).count == total)
    let from = try await harvest(
      "verb=ListIdentifiers&metadataPrefix=oai_dc&from=\(today)&until=\(today)", pageSize: 100)
    #expect(from.flatMap(\.identifiers).count == total)
    let stamps = until.flatMap { $0.texts("datestamp") }
    let exact = try await harvest(
      "verb=ListIdentifiers&metadataPrefix=oai_dc&from=\(stamps.min()!)&until=\(stamps.max()!)", pageSize: 100
    )
    #expect(exact.flatMap(\.identifiers).count == total)
    let tomorrow = try await oai(
      "verb=ListIdentifiers&metadataPrefix=oai_dc&from=\(String(Date().addingTimeInterval(86_400).ISO8601Format().prefix(10)))",
      catalog: Self.catalog)
    #expect(tomorrow.errorCode == "noRecordsMatch")
  }

  @Test func postNeedsAFormBody() async throws {
    let response = try await oai(
      "verb=Identify", catalog: Self.catalog, method: .post, contentType: "application/json")
    #expect(response.status == .unsupportedMediaType)
  }
}
