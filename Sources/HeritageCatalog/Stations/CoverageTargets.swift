import Foundation

/// The plan's numeric targets for the station network, read from `targets.json`.
///
/// The shipped default holds the Fuzhou plan's figures; a `targets.json` in the catalog folder
/// replaces it. A target's `key` is a station type, or `featured` for featured pilot stations.
public struct CoverageTargets: Codable, Sendable {
  /// One target line.
  public struct Target: Codable, Sendable, Hashable {
    /// A station type such as `pilot-station`, or `featured`.
    public var key: String
    /// What people call it.
    public var label: String
    /// The number the plan asks for.
    public var target: Int
    /// The number the plan gives as its starting point, when it gives one.
    public var baseline: Int?
    /// The year of the baseline.
    public var baselineYear: Int?
    /// `true` when every division must have at least one.
    public var everyDivision: Bool?
  }

  /// The plan the figures come from.
  public var plan: String
  /// The targets, in order.
  public var targets: [Target]

  /// Loads the catalog's own `targets.json`, else the shipped default.
  public static func load(for catalog: Catalog) throws -> CoverageTargets {
    let local = catalog.folder.appendingPathComponent("targets.json")
    let url =
      FileManager.default.fileExists(atPath: local.path) ? local : try Resources.url(for: "targets.json")
    do {
      return try JSONDecoder().decode(CoverageTargets.self, from: Data(contentsOf: url))
    } catch {
      throw CatalogError(
        .invalidConfiguration, "targets \(url.path) cannot be read: \(error)", underlying: error)
    }
  }
}
