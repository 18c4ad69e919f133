import Foundation
import HTTPTypes
import HeritageCatalog
import HeritageServer
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// The JSON API, in process through the router: the CLI's JSON, problems for bad input.
@Suite(.removesTemporaryFolders) struct APITests {
  static let catalog: Catalog = {
    let folder = sharedTemporaryFolder()
    _ = try! importInto(folder, [Fixtures.samples])
    return try! Catalog.open(folder: folder)
  }()

  func app() -> some ApplicationProtocol {
    Application(
      router: buildRouter(
        catalog: Self.catalog, oai: try! OAISettings(), baseURL: "http://localhost:8080",
        logger: Logger(label: "test")))
  }

  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
    try await app().test(.router) { client in
      try await client.execute(uri: uri, method: .get, headers: headers) { response in
        TestResponse(
          status: response.status, headers: response.headers, body: String(buffer: response.body))
      }
    }
  }

  struct TestResponse {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
  }

  @Test func healthz() async throws {
    let response = try await get("/healthz")
    #expect(response.status == .ok && response.body == "{\n  \"status\" : \"ok\"\n}\n")
    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
  }

  @Test func searchIsTheCLIsJSON() async throws {
    let response = try await get("/api/v1/search?q=%E9%97%BD%E5%89%A7")
    #expect(response.status == .ok)
    let expected = try renderJSON(try Self.catalog.search(SearchQuery(text: "闽剧"))) + "\n"
    #expect(response.body == expected)
    #expect(response.body.contains("\"闽剧\""))
  }

  @Test func plusIsASpaceAndFiltersApply() async throws {
    let response = try await get("/api/v1/search?q=jasmine+%E4%BB%93%E5%B1%B1&kind=station")
    let expected =
      try renderJSON(
        try Self.catalog.search(SearchQuery(text: "jasmine 仓山", kind: .station))) + "\n"
    #expect(response.body == expected)
  }

  @Test func nearTakesADistrictAndNamesTheClosestOnesForATypo() async throws {
    let byName = try await get("/api/v1/search?q=%E9%97%BD%E5%89%A7&near=%E9%BC%93%E6%A5%BC%E5%8C%BA")
    #expect(byName.status == .ok)
    #expect(
      byName.body
        == (try renderJSON(try Self.catalog.search(SearchQuery(text: "闽剧", near: Origin("26.0823,119.2980")))))
        + "\n")
    let typo = try await get("/api/v1/stations?near=%E9%BC%93%E6%90%82%E5%8C%BA")
    #expect(typo.status == .badRequest)
    #expect(typo.body.contains("鼓楼区"))
  }

  @Test func searchPagesByCursor() async throws {
    let first = try await get("/api/v1/search?q=%E5%85%88%E8%A1%8C%E6%89%80&limit=5")
    let link = try #require(first.headers[HTTPField.Name("Link")!])
    #expect(link.hasSuffix("; rel=\"next\""))
    let next = String(link.dropFirst(2).prefix { $0 != ">" })
    let second = try await get("/api/v1/search?" + next)
    let all = try Self.catalog.search(SearchQuery(text: "先行所", limit: 10)).hits.map(\.id)
    let decoder = JSONDecoder()
    let page1 = try decoder.decode(SearchResults.self, from: Data(first.body.utf8)).hits.map(\.id)
    let page2 = try decoder.decode(SearchResults.self, from: Data(second.body.utf8)).hits.map(\.id)
    #expect(page1 + page2 == all)
  }

  @Test func recordHasETagAndAnswers304() async throws {
    let response = try await get("/api/v1/records/gi:fuzhou-jasmine-tea")
    #expect(response.status == .ok)
    #expect(
      response.body
        == (try renderJSON(try Self.catalog.detailsWithNearestStations(id: "gi:fuzhou-jasmine-tea"))) + "\n")
    let tag = try #require(response.headers[.eTag])
    #expect(tag == "\"1\"")
    #expect(response.headers[.lastModified]?.hasSuffix(" GMT") == true)
    let again = try await get("/api/v1/records/gi:fuzhou-jasmine-tea", headers: [.ifNoneMatch: tag])
    #expect(again.status == .notModified && again.body.isEmpty)
  }

  @Test func historyStatsStationsReports() async throws {
    #expect(
      try await get("/api/v1/records/gi:shoushan-stone/history").body
        == (try renderJSON(try Self.catalog.history(id: "gi:shoushan-stone"))) + "\n")
    #expect(try await get("/api/v1/stats").body == (try renderJSON(try Self.catalog.stats())) + "\n")
    #expect(
      try await get("/api/v1/stations?district=%E6%99%8B%E5%AE%89%E5%8C%BA").body
        == (try renderJSON(try Self.catalog.stations(StationQuery(district: "晋安区")))) + "\n")
    #expect(
      try await get("/api/v1/reports/gaps?candidates=1").body
        == (try renderJSON(try Self.catalog.gapsReport(candidates: 1))) + "\n")
    #expect(try await get("/api/v1/reports/coverage").status == .ok)
  }

  @Test func mediaIsServedWithItsTypeNeverSniffed() async throws {
    let record = try Self.catalog.details(id: "gi:fuzhou-jasmine-tea").record
    let item = try #require(record.media.first)
    let response = try await get("/api/v1/media/\(item.sha256)")
    #expect(response.status == .ok)
    #expect(response.headers[.contentType] == item.type)
    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
    #expect(response.headers[.cacheControl]?.contains("max-age=31536000") == true)
    #expect(try await get("/api/v1/media/" + String(repeating: "0", count: 64)).status == .notFound)
    #expect(try await get("/api/v1/media/..%2F..%2Fetc%2Fpasswd").status == .notFound)
  }

  /// Bad input gets a problem with the CLI's words, never a 5xx.
  @Test(arguments: [
    ("/api/v1/search", HTTPResponse.Status.badRequest, "q (what to look for) is missing"),
    (
      "/api/v1/search?q=x&district=%E9%BC%93%E6%90%82%E5%8C%BA", .badRequest,
      "unknown district 鼓搂区 (did you mean 鼓楼区?)"
    ),
    ("/api/v1/search?q=x&q=y", .badRequest, "parameter q is given more than once"),
    ("/api/v1/search?q=x&colour=red", .badRequest, "unknown parameter colour"),
    ("/api/v1/search?q=%FF", .badRequest, "the query is not UTF-8 text"),
    ("/api/v1/search?q=a%00b", .badRequest, "the query holds a NUL character"),
    ("/api/v1/search?q=%E", .badRequest, "the query holds a % that is not followed by two hex digits"),
    ("/api/v1/search?q=x&limit=1000", .badRequest, "limit must be a whole number from 1 to 100"),
    ("/api/v1/search?q=x&within=5", .badRequest, "within needs near"),
    ("/api/v1/search?q=x&near=91,0", .badRequest, "near must be LAT,LON"),
    ("/api/v1/search?q=x&cursor=junk", .badRequest, "cursor is not one this server gave"),
    (
      "/api/v1/search?q=" + String(repeating: "%E9%97%BD", count: 300), .badRequest,
      "the query is 300 characters long"
    ),
    ("/api/v1/search?q=" + String(repeating: "a", count: 5000), .uriTooLong, "the query is 5002 bytes long"),
    ("/api/v1/records/gi:nothing", .notFound, "no record gi:nothing in the catalog"),
    ("/api/v1/stations?type=post", .badRequest, "station type must be one of"),
    ("/api/v1/stations?include-withdrawn=", .badRequest, "include-withdrawn must be true or false"),
    ("/api/v1/search?q=x&include-withdrawn=1", .badRequest, "include-withdrawn must be true or false"),
    ("/api/v1/nowhere", .notFound, "nothing at /api/v1/nowhere"),
  ])
  func badInputIsAProblem(uri: String, status: HTTPResponse.Status, detail: String) async throws {
    let response = try await get(uri)
    #expect(response.status == status)
    #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
    let problem = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
    #expect(problem?["status"] as? Int == status.code)
    #expect((problem?["detail"] as? String)?.contains(detail) == true, "\(response.body)")
  }

  @Test func tenThousandRepeatedParametersAreRefusedNotServed() async throws {
    let query = Array(repeating: "q=x", count: 10_000).joined(separator: "&")
    let response = try await get("/api/v1/search?" + query)
    #expect([.badRequest, .uriTooLong].contains(response.status))
  }

  /// The OpenAPI document is served and names every route the router has.
  @Test func openAPIDocumentDescribesTheRoutes() async throws {
    let response = try await get("/api/v1/openapi.json")
    #expect(response.status == .ok)
    let document = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
    #expect(document?["openapi"] as? String == "3.1.0")
    let paths = Set(((document?["paths"] as? [String: Any]) ?? [:]).keys)
    #expect(
      paths == [
        "/healthz", "/api/v1/search", "/api/v1/records/{id}", "/api/v1/records/{id}/history",
        "/api/v1/stations",
        "/api/v1/stats", "/api/v1/reports/coverage", "/api/v1/reports/gaps", "/api/v1/media/{sha256}",
        "/api/v1/openapi.json",
      ])
  }

  @Test func otherMethodsOnAKnownPathAre405() async throws {
    let (status, allow) = try await app().test(.router) { client in
      try await client.execute(uri: "/api/v1/stats", method: .post) { ($0.status, $0.headers[.allow]) }
    }
    #expect(status == .methodNotAllowed && allow == "GET, HEAD")
    let unknown = try await app().test(.router) { client in
      try await client.execute(uri: "/api/v1/nowhere", method: .post) { $0.status }
    }
    #expect(unknown == .notFound)
  }
}
