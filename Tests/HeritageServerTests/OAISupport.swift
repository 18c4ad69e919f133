import Foundation
import HTTPTypes
import HeritageCatalog
import HeritageServer
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// An OAI-PMH response as a harvester reads it.
struct OAIResponse {
  var status: HTTPResponse.Status
  var contentType: String?
  var body: String

  /// The error code, when the response is an error.
  var errorCode: String? { body.firstMatch(of: /<error code="([A-Za-z]+)"/).map { String($0.1) } }

  /// The attributes of `<request>` as written (empty when it has none).
  var requestAttributes: String {
    body.firstMatch(of: /<request([^>]*)>/).map { String($0.1).trimmingCharacters(in: .whitespaces) } ?? "?"
  }

  /// The text of every element named `name`, in order.
  func texts(_ name: String) -> [String] {
    let pattern = try! Regex<(Substring, Substring)>("<\(name)(?: [^>]*)?>([^<]*)</\(name)>")
    return body.matches(of: pattern).map { String($0.1) }
  }

  /// The record identifiers of a list, in order.
  var identifiers: [String] { texts("identifier") }

  /// The `<resumptionToken …>` element: its attributes and its text (`nil` when there is none).
  var resumptionToken: (attributes: String, token: String)? {
    if let empty = body.firstMatch(of: /<resumptionToken([^>]*)\/>/) { return (String(empty.1), "") }
    return body.firstMatch(of: /<resumptionToken([^>]*)>([^<]*)<\/resumptionToken>/).map {
      (String($0.1), String($0.2))
    }
  }
}

/// A server over `catalog` whose OAI settings are `settings`, asked in process (`.router`) or
/// over a loopback socket (`.live`).
func oai(
  _ query: String, catalog: Catalog, settings: OAISettings? = nil, method: HTTPRequest.Method = .get,
  contentType: String = "application/x-www-form-urlencoded", over setup: TestingSetup = .router
) async throws -> OAIResponse {
  let router = buildRouter(
    catalog: catalog, oai: try settings ?? OAISettings(), baseURL: "http://localhost:8080",
    logger: Logger(label: "test"))
  let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
  return try await app.test(setup) { client in
    let uri = method == .get ? "/oai?\(query)" : "/oai"
    let body = method == .post ? ByteBuffer(string: query) : nil
    return try await client.execute(
      uri: uri, method: method, headers: method == .post ? [.contentType: contentType] : [:], body: body
    ) { response in
      OAIResponse(
        status: response.status, contentType: response.headers[.contentType],
        body: String(buffer: response.body))
    }
  }
}

/// What xmllint says of `document` against the OAI-PMH schema with oai_dc, oai-identifier and
/// the native schema loaded beside it (`scripts/schemas/oai-pmh-heritage.xsd`), offline through
/// the test data's XML catalog: `nil` when it is valid.
func xmllintProblems(_ document: String) throws -> String? {
  let file = temporaryFolder().appendingPathComponent("response.xml")
  try FileManager.default.createDirectory(
    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(document.utf8).write(to: file)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [
    "xmllint", "--nonet", "--noout", "--schema",
    TestData.repository.appendingPathComponent("scripts/schemas/oai-pmh-heritage.xsd").path, file.path,
  ]
  var environment = ProcessInfo.processInfo.environment
  environment["XML_CATALOG_FILES"] = TestData.root.appendingPathComponent("schemas/catalog.xml").path
  process.environment = environment
  let output = Pipe()
  process.standardError = output
  process.standardOutput = output
  try process.run()
  let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return process.terminationStatus == 0 ? nil : said
}

/// Expects `response` to be valid OAI-PMH (when the schemas are there; without them the check
/// is skipped, and CI fails in `theSchemasAreThereInCI`).
func expectValid(
  _ response: OAIResponse, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  #expect(response.status == .ok, sourceLocation: sourceLocation)
  #expect(response.contentType == "text/xml; charset=utf-8", sourceLocation: sourceLocation)
  guard TestData.isPresent else { return }
  let problems = try xmllintProblems(response.body)
  #expect(problems == nil, "\(comment?.rawValue ?? "") \(problems ?? "")", sourceLocation: sourceLocation)
}
