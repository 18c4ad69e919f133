import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

/// An RFC 9457 problem: the status and, in `detail`, the same words the CLI would print.
struct Problem: Error, Encodable, HTTPResponseError {
  var type = "about:blank"
  var title: String
  var statusCode: Int
  var detail: String
  /// Headers the response carries besides its type (`Allow` on a 405).
  var headers: HTTPFields = [:]

  enum CodingKeys: String, CodingKey {
    case type, title, detail
    case statusCode = "status"
  }

  init(_ status: HTTPResponse.Status, _ detail: String) {
    title = status.reasonPhrase
    statusCode = status.code
    self.detail = detail
  }

  /// The problem a catalog error stands for.
  init(_ error: CatalogError) {
    switch error.code {
    case .invalidArgument: self.init(.badRequest, error.description)
    case .notFound: self.init(.notFound, error.description)
    case .noCatalog, .outdated: self.init(.serviceUnavailable, error.description)
    default: self.init(.internalServerError, "the catalog could not answer: \(error.description)")
    }
  }

  var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    let body = (try? renderJSON(self)) ?? "{}"
    var fields = headers
    fields[.contentType] = "application/problem+json; charset=utf-8"
    return Response(
      status: status, headers: fields,
      body: ResponseBody(byteBuffer: ByteBuffer(string: body + "\n")))
  }
}

/// Turns catalog errors and Hummingbird's own errors (an unknown route, a wrong method) into
/// problems, so every error the API returns is `application/problem+json`.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let problem as Problem {
      throw problem
    } catch let error as CatalogError {
      throw Problem(error)
    } catch let error as HTTPError {
      switch error.status {
      case .notFound
      where request.method != .get && request.method != .head && Routes.isKnown(request.uri.path):
        var problem = Problem(.methodNotAllowed, "\(request.uri.path) answers GET only")
        problem.headers[.allow] = "GET, HEAD"
        throw problem
      case .notFound: throw Problem(.notFound, "nothing at \(request.uri.path)")
      case .methodNotAllowed: throw Problem(.methodNotAllowed, "\(request.uri.path) answers GET only")
      default:
        throw Problem(error.status, error.body.flatMap { $0.isEmpty ? nil : $0 } ?? error.status.reasonPhrase)
      }
    }
  }
}

/// The paths the server answers (by GET), for telling a wrong method (405) from a wrong path.
enum Routes {
  static let templates: [[String]] = [
    ["healthz"], ["api", "v1", "search"], ["api", "v1", "records", "*"],
    ["api", "v1", "records", "*", "history"],
    ["api", "v1", "stations"], ["api", "v1", "stats"], ["api", "v1", "reports", "coverage"],
    ["api", "v1", "reports", "gaps"], ["api", "v1", "media", "*"], ["api", "v1", "openapi.json"],
  ]

  static func isKnown(_ path: String) -> Bool {
    let parts = path.split(separator: "/").map(String.init)
    return templates.contains { template in
      template.count == parts.count && zip(template, parts).allSatisfy { $0 == "*" || $0 == $1 }
    }
  }
}
