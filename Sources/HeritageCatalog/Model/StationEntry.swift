/// A station with where it is and what it serves, as the station commands need it.
public struct StationEntry: Sendable, Codable, Hashable {
  /// The station's id.
  public var id: String
  /// Its primary (Chinese) name.
  public var name: String
  /// Its type.
  public var type: StationType
  /// `true` for a featured brand station.
  public var featured: Bool
  /// Gazetteer codes of its districts.
  public var districts: [String]
  /// Its own location, or its district's point when it has none.
  public var point: GeoPoint?
  /// `true` when ``point`` is the district's point rather than the station's own.
  public var pointIsDistrict: Bool
  /// The records it serves.
  public var serves: [ServesLink]
  /// `active` or `withdrawn`.
  public var status: RecordStatus
}

/// A station at a distance from somewhere.
public struct NearbyStation: Sendable, Codable, Hashable {
  /// The station.
  public var station: StationEntry
  /// Great-circle distance in kilometres.
  public var kilometers: Double
}
