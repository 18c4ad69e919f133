import Foundation

/// Who delivers the bags, for `bag-info.txt`: read from `settings.json` in the catalog folder.
///
/// ```json
/// { "sourceOrganization": "福州市非物质文化遗产保护中心", "contactName": "…", "contactEmail": "…", "contactPhone": "…" }
/// ```
public struct ExportSettings: Codable, Sendable {
  /// `Source-Organization`.
  public var sourceOrganization: String?
  /// `Contact-Name`.
  public var contactName: String?
  /// `Contact-Email`.
  public var contactEmail: String?
  /// `Contact-Phone`.
  public var contactPhone: String?

  /// The catalog's settings, or empty ones when it has no `settings.json`.
  public static func load(for catalog: Catalog) throws -> ExportSettings {
    try SettingsFile.decode(ExportSettings.self, in: catalog.folder) ?? ExportSettings()
  }
}
