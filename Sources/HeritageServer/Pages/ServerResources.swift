import Foundation
import HTTPTypes

/// Files shipped in the server's resource bundle: templates, the stylesheet, the OpenAPI
/// document.
enum ServerResources {
  static func data(_ path: String) throws -> Data {
    guard let base = Bundle.module.resourceURL else {
      throw Problem(.internalServerError, "the server's resources are missing")
    }
    for folder in [base.appendingPathComponent("Resources"), base] {
      let url = folder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path) { return try Data(contentsOf: url) }
    }
    throw Problem(.internalServerError, "the server resource \(path) is missing")
  }

  static func text(_ path: String) throws -> String { String(decoding: try data(path), as: UTF8.self) }
}
