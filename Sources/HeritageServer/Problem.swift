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
      where Routes.methods(for: request.uri.path).map({ !$0.contains(request.method) }) ?? false,
        .methodNotAllowed:
        let methods = Routes.methods(for: request.uri.path) ?? [.get]
        let names = methods.map(\.rawValue).joined(separator: ", ")
        var problem = Problem(.methodNotAllowed, "\(request.uri.path) answers \(names) only")
        problem.headers[.allow] = (methods + (methods.contains(.get) ? [.head] : [])).map(\.rawValue).joined(
          separator: ", ")
        throw problem
      case .notFound: throw Problem(.notFound, "nothing at \(request.uri.path)")
      default:
        throw Problem(error.status, error.body.flatMap { $0.isEmpty ? nil : $0 } ?? error.status.reasonPhrase)
      }
    }
  }
}

/// The paths the server answers and their methods, for telling a wrong method (405) from a
/// wrong path (404).
enum Routes {
  static let templates: [(path: [String], methods: [HTTPRequest.Method])] = [
    (["healthz"], [.get]), (["api", "v1", "search"], [.get]), (["api", "v1", "records", "*"], [.get]),
    (["api", "v1", "records", "*", "history"], [.get]),
    (["api", "v1", "stations"], [.get]), (["api", "v1", "stats"], [.get]),
    (["api", "v1", "reports", "coverage"], [.get]),
    (["api", "v1", "reports", "gaps"], [.get]), (["api", "v1", "media", "*"], [.get]),
    (["api", "v1", "openapi.json"], [.get]), (["oai"], [.get, .post]), (["schemas", "*"], [.get]),
    ([], [.get]), (["search"], [.get]), (["records", "*"], [.get]), (["stations"], [.get]),
    (["static", "style.css"], [.get]), (["reports", "coverage"], [.get]), (["reports", "gaps"], [.get]),
  ]

  /// The methods `path` answers, or `nil` when the server has no such path.
  static func methods(for path: String) -> [HTTPRequest.Method]? {
    let parts = path.split(separator: "/").map(String.init)
    return templates.first { template in
      template.path.count == parts.count && zip(template.path, parts).allSatisfy { $0 == "*" || $0 == $1 }
    }?.methods
  }
}
