import Foundation
import GRDB

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

extension Catalog {
  /// Current records of one kind, decoded from their current revisions.
  func currentRecords(kind: RecordKind, includeWithdrawn: Bool = true) throws -> [Record] {
    try database.read { db in
      let bodies = try String.fetchAll(
        db,
        sql: """
          SELECT v.body FROM record r JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision
          WHERE r.kind = ? \(includeWithdrawn ? "" : "AND r.status = 'active'") ORDER BY r.id
          """, arguments: [kind.rawValue])
      let decoder = JSONDecoder()
      return try bodies.map { try decoder.decode(Record.self, from: Data($0.utf8)) }
    }
  }

  /// Every station, in id order.
  public func stations(includeWithdrawn: Bool = false) throws -> [StationEntry] {
    try currentRecords(kind: .station, includeWithdrawn: includeWithdrawn).compactMap { record in
      guard let details = record.station else { return nil }
      let districtPoint = record.districts.first.flatMap { gazetteer.district(code: $0)?.point }
      return StationEntry(
        id: record.id, name: record.primaryName, type: details.type, featured: details.featured,
        districts: record.districts, point: record.location ?? districtPoint,
        pointIsDistrict: record.location == nil && districtPoint != nil, serves: details.serves,
        status: record.status)
    }
  }

  /// Stations ordered by distance from the nearest of `points`, closest first.
  public func stations(
    near points: [GeoPoint], among stations: [StationEntry], within kilometers: Double? = nil
  ) -> [NearbyStation] {
    guard !points.isEmpty else { return [] }
    return stations.compactMap { station -> NearbyStation? in
      guard let point = station.point else { return nil }
      let distance = points.map { $0.kilometers(to: point) }.min()!
      if let kilometers, distance > kilometers { return nil }
      return NearbyStation(station: station, kilometers: distance)
    }.sorted { ($0.kilometers, $0.station.id) < ($1.kilometers, $1.station.id) }
  }

  /// For a GI product or ICH item, the nearest station of each type, by type order.
  public func nearestStationOfEachType(to record: Record, stations: [StationEntry]) -> [NearbyStation] {
    let nearby = self.stations(near: record.points(in: gazetteer), among: stations)
    return StationType.allCases.compactMap { type in nearby.first { $0.station.type == type } }
  }

  /// Where `text` points: `LAT,LON`, or the location (else district points) of a record id.
  public func points(for text: String) throws -> [GeoPoint] {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) {
      guard (-90...90).contains(lat), (-180...180).contains(lon) else {
        throw CatalogError(.invalidArgument, "\(text) is not a point: latitude -90…90, longitude -180…180")
      }
      return [GeoPoint(lat: lat, lon: lon)]
    }
    let record = try details(id: text).record
    let points = record.points(in: gazetteer)
    if points.isEmpty {
      throw CatalogError(.invalidArgument, "\(text) has no location and no district with a point")
    }
    return points
  }
}
