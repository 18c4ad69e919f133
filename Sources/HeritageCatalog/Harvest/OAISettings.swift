import Foundation

/// The OAI-PMH repository's settings: the `"oai"` object of the catalog's `settings.json`.
///
/// ```json
/// { "oai": { "repositoryIdentifier": "heritage.fuzhou.example", "repositoryName": "福州非遗与地理标志目录",
///            "adminEmail": "archive@heritage.fuzhou.example", "pageSize": 100 } }
/// ```
///
/// The repository identifier is the middle part of every OAI identifier
/// (`oai:heritage.fuzhou.example:gi:fuzhou-jasmine-tea`); harvesters key their copies on it, so
/// it must never change once published. Without settings it is `heritage-catalog.local`.
public struct OAISettings: Sendable, Hashable {
  /// The repository identifier: a domain name the operator controls (it must contain a dot).
  public var repositoryIdentifier: String
  /// The name shown by `Identify`.
  public var repositoryName: String
  /// The address `Identify` gives for the repository's administrator.
  public var adminEmail: String
  /// How many records or headers a list response holds before its resumption token.
  public var pageSize: Int

  /// The identifier used when the settings name none.
  public static let defaultRepositoryIdentifier = "heritage-catalog.local"

  /// Creates settings; each has a default.
  public init(
    repositoryIdentifier: String = OAISettings.defaultRepositoryIdentifier,
    repositoryName: String = "HeritageCatalog", adminEmail: String? = nil, pageSize: Int = 100
  ) throws {
    guard OAISettings.isRepositoryIdentifier(repositoryIdentifier) else {
      throw CatalogError(
        .invalidConfiguration,
        "the OAI repository identifier \(repositoryIdentifier) is not a domain name (letters, digits and hyphens, with at least one dot)"
      )
    }
    let email = adminEmail ?? "admin@\(repositoryIdentifier)"
    guard email.firstMatch(of: /^\S+@(\S+\.)+\S+$/) != nil else {
      throw CatalogError(.invalidConfiguration, "the OAI admin e-mail \(email) is not an e-mail address")
    }
    guard (1...1000).contains(pageSize) else {
      throw CatalogError(.invalidConfiguration, "the OAI page size must be from 1 to 1000, not \(pageSize)")
    }
    self.repositoryIdentifier = repositoryIdentifier
    self.repositoryName = repositoryName
    self.adminEmail = email
    self.pageSize = pageSize
  }

  /// The catalog's settings; the admin e-mail falls back to the export's contact e-mail.
  /// - Throws: ``CatalogError`` `.invalidConfiguration` for unreadable or invalid settings.
  public static func load(for catalog: Catalog) throws -> OAISettings {
    struct File: Decodable {
      struct OAI: Decodable {
        var repositoryIdentifier: String?
        var repositoryName: String?
        var adminEmail: String?
        var pageSize: Int?
      }
      var oai: OAI?
      var contactEmail: String?
    }
    let file = try SettingsFile.decode(File.self, in: catalog.folder)
    let oai = file?.oai
    return try OAISettings(
      repositoryIdentifier: oai?.repositoryIdentifier ?? defaultRepositoryIdentifier,
      repositoryName: oai?.repositoryName ?? "HeritageCatalog",
      adminEmail: oai?.adminEmail ?? file?.contactEmail, pageSize: oai?.pageSize ?? 100)
  }

  /// The oai-identifier guideline's `repositoryIdentifier`: domain-name labels, at least two.
  static func isRepositoryIdentifier(_ text: String) -> Bool {
    text.wholeMatch(of: /[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+/) != nil
  }
}
