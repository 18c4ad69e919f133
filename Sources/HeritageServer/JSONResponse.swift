import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

/// JSON responses, encoded exactly as the CLI's `--format json` (one encoder serves both):
/// UTF-8, Chinese unescaped, sorted keys.
enum JSONResponse {
  static func make(
    _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) throws -> Response {
    var fields = headers
    fields[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: status, headers: fields,
      body: ResponseBody(byteBuffer: ByteBuffer(string: try renderJSON(value) + "\n")))
  }
}
