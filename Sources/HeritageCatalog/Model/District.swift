/// A county-level division from the gazetteer, with the point used for distances.
public struct District: Codable, Hashable, Sendable {
  /// The administrative division code (GB/T 2260), such as `350102`.
  public var code: String
  /// The official Chinese name, such as 鼓楼区.
  public var name: String
  /// The English name, such as `Gulou District`.
  public var englishName: String
  /// Other accepted spellings, such as 鼓楼 or `Gulou`.
  public var aliases: [String]
  /// A representative point (the seat of the district government).
  public var point: GeoPoint

  enum CodingKeys: String, CodingKey {
    case code, name, aliases, point
    case englishName = "en"
  }
}
