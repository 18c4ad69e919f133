import Foundation

/// The catalog folder's optional `settings.json`, which each feature reads its part of
/// (export: who delivers the bags; harvest: the OAI-PMH repository).
enum SettingsFile {
  static let name = "settings.json"

  /// `settings.json` in `folder` decoded as `Value`, or `nil` when the folder has none.
  /// - Throws: ``CatalogError`` `.invalidConfiguration` naming the file when it cannot be read.
  static func decode<Value: Decodable>(_ type: Value.Type, in folder: URL) throws -> Value? {
    let url = folder.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return try JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
    } catch {
      throw CatalogError(
        .invalidConfiguration, "settings \(url.path) cannot be read: \(error)", underlying: error)
    }
  }
}
