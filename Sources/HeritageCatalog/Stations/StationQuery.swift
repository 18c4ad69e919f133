/// What `heritage stations` asks for.
public struct StationQuery: Sendable {
  /// Only this type.
  public var type: StationType?
  /// Only this district, by any name the gazetteer knows.
  public var district: String?
  /// Only stations serving this record id.
  public var serves: String?
  /// `LAT,LON` or a record id: order by distance from there.
  public var near: Origin?
  /// With `near`: the largest distance in kilometres.
  public var within: Double?
  /// Include withdrawn stations.
  public var includeWithdrawn: Bool

  /// Creates a query.
  public init(
    type: StationType? = nil, district: String? = nil, serves: String? = nil, near: Origin? = nil,
    within: Double? = nil, includeWithdrawn: Bool = false
  ) {
    self.type = type
    self.district = district
    self.serves = serves
    self.near = near
    self.within = within
    self.includeWithdrawn = includeWithdrawn
  }
}

/// A station found by a query, with its distance when the query had a point.
public struct StationMatch: Sendable, Codable, Hashable {
  /// The station.
  public var station: StationEntry
  /// Kilometres from the query's point.
  public var kilometers: Double?
}

extension Catalog {
  /// The stations that match `query`, by distance when it names a point, else by id.
  /// - Throws: ``CatalogError`` for an unknown district or record.
  public func stations(_ query: StationQuery) throws -> [StationMatch] {
    var stations = try self.stations(includeWithdrawn: query.includeWithdrawn)
    if let type = query.type { stations = stations.filter { $0.type == type } }
    if let name = query.district {
      let district = try gazetteer.requireDistrict(named: name)
      stations = stations.filter { $0.districts.contains(district.code) }
    }
    if let id = query.serves {
      _ = try details(id: id)
      stations = stations.filter { $0.serves.contains { $0.ref == id } }
    }
    if let near = query.near {
      let points = try self.points(for: near)
      return self.stations(near: points, among: stations, within: query.within).map {
        StationMatch(station: $0.station, kilometers: $0.kilometers)
      }
    }
    if query.within != nil {
      throw CatalogError(.invalidArgument, "a distance limit needs an origin to measure from")
    }
    return stations.map { StationMatch(station: $0, kilometers: nil) }
  }
}
