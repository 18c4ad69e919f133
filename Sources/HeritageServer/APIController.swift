import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

/// The JSON API under `/api/v1`: the same questions as the CLI, the same JSON as its
/// `--format json`. Read-only; every error is `application/problem+json`.
struct APIController: Sendable {
  let catalog: Catalog

  func addRoutes(to group: RouterGroup<BasicRequestContext>) {
    group.getReading("search") { request, _ in try search(request) }
    group.getReading("records/:id") { request, context in
      try record(request, id: try context.parameters.require("id"))
    }
    group.getReading("records/:id/history") { request, context in
      _ = try QueryParameters(request.uri.query, allowed: [])
      return try JSONResponse.make(try catalog.history(id: try context.parameters.require("id")))
    }
    group.getReading("stations") { request, _ in try stations(request) }
    group.getReading("stats") { request, _ in
      _ = try QueryParameters(request.uri.query, allowed: [])
      return try JSONResponse.make(try catalog.stats())
    }
    group.getReading("reports/coverage") { request, _ in
      _ = try QueryParameters(request.uri.query, allowed: [])
      return try JSONResponse.make(
        try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog)))
    }
    group.getReading("reports/gaps") { request, _ in
      let parameters = try QueryParameters(request.uri.query, allowed: ["candidates"])
      let candidates = try parameters.integer("candidates", in: 0...20, default: 3)
      return try JSONResponse.make(try catalog.gapsReport(candidates: candidates))
    }
    group.getReading("media/:sha256") { request, context in
      try media(request, sha256: try context.parameters.require("sha256"))
    }
    group.get("openapi.json") { request, _ in
      _ = try QueryParameters(request.uri.query, allowed: [])
      return Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.bytes())))
    }
  }

  static let searchParameters: Set<String> = [
    "q", "kind", "category", "level", "district", "station-type", "near", "within", "limit",
    "include-withdrawn",
    "cursor",
  ]

  /// `GET /api/v1/search`: ranked hits; the next page's cursor in a `Link: <…>; rel="next"`
  /// header, so the body is exactly the CLI's JSON.
  func search(_ request: Request) throws -> Response {
    let parameters = try QueryParameters(request.uri.query, allowed: Self.searchParameters)
    guard let text = parameters["q"], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw Problem(.badRequest, "q (what to look for) is missing")
    }
    let limit = try parameters.integer("limit", in: 1...100, default: 20)
    let offset = try parameters["cursor"].map(Cursor.offset(from:)) ?? 0
    var query = SearchQuery(
      text: text, kind: try kind(parameters["kind"]), category: parameters["category"],
      level: try level(parameters["level"]), district: parameters["district"],
      stationType: try stationType(parameters["station-type"]), near: try origin(parameters["near"]),
      within: try parameters.kilometres("within"), limit: offset + limit + 1,
      includeWithdrawn: try parameters.flag("include-withdrawn"))
    if query.within != nil && query.near == nil { throw Problem(.badRequest, "within needs near") }
    var results = try catalog.search(query)
    let more = results.hits.count > offset + limit
    results.hits = Array(results.hits.dropFirst(offset).prefix(limit))
    var headers: HTTPFields = [:]
    if more {
      query.limit = limit
      headers[HTTPField.Name("Link")!] =
        "<?\(Cursor.nextQuery(request.uri.query, offset: offset + limit))>; rel=\"next\""
    }
    return try JSONResponse.make(results, headers: headers)
  }

  /// `GET /api/v1/records/{id}`: the record with its links, served-by and nearest stations;
  /// `ETag` is its revision, `If-None-Match` with it gives 304.
  func record(_ request: Request, id: String) throws -> Response {
    _ = try QueryParameters(request.uri.query, allowed: [])
    let details = try catalog.detailsWithNearestStations(id: id)
    let tag = "\"\(details.revision)\""
    var headers: HTTPFields = [.eTag: tag]
    if let date = HTTPDate.format(iso8601: details.updatedAt) { headers[.lastModified] = date }
    if let wanted = request.headers[.ifNoneMatch],
      wanted.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(where: {
        $0 == tag || $0 == "W/\(tag)" || $0 == "*"
      })
    {
      return Response(status: .notModified, headers: headers)
    }
    return try JSONResponse.make(details, headers: headers)
  }

  /// `GET /api/v1/stations`: the CLI's station filters.
  func stations(_ request: Request) throws -> Response {
    let parameters = try QueryParameters(
      request.uri.query, allowed: ["type", "district", "serves", "near", "within", "include-withdrawn"])
    let query = StationQuery(
      type: try stationType(parameters["type"]), district: parameters["district"],
      serves: parameters["serves"],
      near: try origin(parameters["near"]), within: try parameters.kilometres("within"),
      includeWithdrawn: try parameters.flag("include-withdrawn"))
    if query.within != nil && query.near == nil { throw Problem(.badRequest, "within needs near") }
    return try JSONResponse.make(try catalog.stations(query))
  }

  /// `GET /api/v1/media/{sha256}`: a media file from the content-addressed store, with its
  /// recorded type, never sniffed, cached for a year (its name is its content).
  func media(_ request: Request, sha256: String) throws -> Response {
    _ = try QueryParameters(request.uri.query, allowed: [])
    guard let stored = try catalog.storedMedia(sha256: sha256) else {
      throw Problem(.notFound, "no media file \(sha256) in the catalog")
    }
    let data = try Data(contentsOf: stored.url)
    var headers: HTTPFields = [
      .contentType: stored.type.hasPrefix("text/") && !stored.type.contains("charset")
        ? stored.type + "; charset=utf-8" : stored.type,
      .cacheControl: "public, max-age=31536000, immutable",
      .eTag: "\"\(sha256)\"",
    ]
    headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    if stored.type == "image/svg+xml" {
      headers[HTTPField.Name("Content-Security-Policy")!] = "sandbox"
    }
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  private func kind(_ text: String?) throws -> RecordKind? {
    guard let text else { return nil }
    switch text {
    case "gi": return .giProduct
    case "ich": return .heritageItem
    default:
      guard let kind = RecordKind(rawValue: text) else {
        throw Problem(.badRequest, "kind must be gi, ich or station, not \(text)")
      }
      return kind
    }
  }

  private func level(_ text: String?) throws -> ListingLevel? { try closed(text, "level") }

  private func stationType(_ text: String?) throws -> StationType? { try closed(text, "station type") }

  /// A value of a closed set named by its raw value, or a problem that lists the set.
  private func closed<Value: RawRepresentable & CaseIterable>(_ text: String?, _ name: String) throws
    -> Value?
  where Value.RawValue == String {
    guard let text else { return nil }
    guard let value = Value(rawValue: text) else {
      let all = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw Problem(.badRequest, "\(name) must be one of \(all), not \(text)")
    }
    return value
  }

  private func origin(_ text: String?) throws -> Origin? {
    guard let text else { return nil }
    guard let origin = Origin(text) else {
      throw Problem(
        .badRequest, "near must be LAT,LON (latitude -90…90, longitude -180…180), a district or a record id")
    }
    return origin
  }
}

/// The opaque paging cursor of search: base64url of the offset of the next page.
enum Cursor {
  static func offset(from cursor: String) throws -> Int {
    guard let data = Base64URL.decode(cursor), let text = String(data: data, encoding: .utf8),
      text.hasPrefix("o:"), let offset = Int(text.dropFirst(2)), (0...10_000).contains(offset)
    else { throw Problem(.badRequest, "cursor is not one this server gave") }
    return offset
  }

  static func make(offset: Int) -> String {
    Base64URL.encode(Data("o:\(offset)".utf8))
  }

  /// The query string of the next page: the same parameters with the new cursor.
  static func nextQuery(_ raw: String?, offset: Int) -> String {
    let kept = (raw ?? "").split(separator: "&").filter { !$0.hasPrefix("cursor=") && $0 != "cursor" }
    return (kept.map(String.init) + ["cursor=\(make(offset: offset))"]).joined(separator: "&")
  }
}

/// The hand-kept OpenAPI 3.1 document of this API, shipped in the server's resource bundle.
enum OpenAPIDocument {
  static func bytes() throws -> Data {
    guard
      let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        ?? Bundle.module.url(forResource: "openapi", withExtension: "json")
    else {
      throw Problem(.internalServerError, "the OpenAPI document is missing from the server's resources")
    }
    return try Data(contentsOf: url)
  }
}
