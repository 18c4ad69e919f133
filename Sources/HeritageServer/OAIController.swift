import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

/// OAI-PMH 2.0 at `/oai`, by GET (query string) and by POST (a form body), and the native
/// format's schema at `/schemas/records-1.xsd` (with the `xml.xsd` it imports).
struct OAIController: Sendable {
  let provider: OAIProvider

  /// The largest form body read, in bytes.
  static let maximumBody = 16 * 1024

  func addRoutes(to router: Router<BasicRequestContext>) {
    router.getReading("oai") { request, _ in
      let raw = request.uri.query ?? ""
      try QueryParameters.checkLength(raw)
      return try respond(raw)
    }
    router.post("oai") { request, _ in
      let type = request.headers[.contentType]?.split(separator: ";").first.map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }
      guard type == nil || type == "application/x-www-form-urlencoded" else {
        throw Problem(.unsupportedMediaType, "OAI-PMH requests by POST are application/x-www-form-urlencoded")
      }
      let body = try await request.body.collect(upTo: OAIController.maximumBody)
      let form = String(decoding: body.readableBytesView, as: UTF8.self)
      return try await reading { try respond(form) }
    }
    router.getReading("schemas/:name") { request, context in
      _ = try QueryParameters(request.uri.query, allowed: [])
      let name = try context.parameters.require("name")
      guard ["records-1.xsd", "xml.xsd"].contains(name) else {
        throw Problem(.notFound, "no schema \(name); this server serves records-1.xsd")
      }
      return Response(
        status: .ok,
        headers: [.contentType: "application/xml; charset=utf-8", .cacheControl: "public, max-age=86400"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: try Resources.url(for: name)))))
    }
  }

  /// The response to a raw query string or form body. Bytes that cannot be decoded are a
  /// `badArgument`, answered in OAI-PMH like every other protocol error.
  private func respond(_ raw: String) throws -> Response {
    let answer: OAIProvider.Response
    do {
      answer = try provider.respond(to: try QueryParameters.pairs(raw))
    } catch let problem as Problem {
      answer = provider.respond(undecodable: problem.detail)
    }
    return Response(
      status: .ok, headers: [.contentType: "text/xml; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
  }
}
