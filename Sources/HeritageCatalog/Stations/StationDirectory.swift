import Foundation

extension Catalog {
  /// The record with `id`, its links, and for a GI product or ICH item the nearest station of
  /// each type.
  public func detailsWithNearestStations(id: String) throws -> RecordDetails {
    try withReadTransaction { _ in
      var result = try details(id: id)
      if result.record.kind != .station {
        result.nearestStations = try nearestStations(to: result.record, perType: 1)
      }
      return result
    }
  }

  /// Every station, in id order.
  public func stations(includeWithdrawn: Bool = false) throws -> [StationEntry] {
    try memoized("stations:\(includeWithdrawn)") { try readStations(includeWithdrawn: includeWithdrawn) }
  }

  private func readStations(includeWithdrawn: Bool) throws -> [StationEntry] {
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
  func stations(
    near points: [GeoPoint], among stations: [StationEntry], within kilometers: Double? = nil
  ) -> [NearbyStation] {
    guard !points.isEmpty else { return [] }
    return stations.compactMap { station -> NearbyStation? in
      guard let point = station.point else { return nil }
      let distance = points.kilometers(to: point)
      if let kilometers, distance > kilometers { return nil }
      return NearbyStation(station: station, kilometers: distance)
    }.sorted { ($0.kilometers, $0.station.id) < ($1.kilometers, $1.station.id) }
  }

  /// Builds what a long-lived reader keeps in memory until the catalog changes (the station
  /// directory and its positions), so that the first request after start does not wait for
  /// it. The server calls it before it listens.
  public func preload() throws {
    _ = try stationPositions()
  }

  private func stationPositions() throws -> StationPositions {
    try memoized("station-positions") { StationPositions(try stations()) }
  }

  /// For a GI product or ICH item, the `count` nearest active stations of each type, by type
  /// order, nearest first within a type (ties to the smaller id); empty when the record has no
  /// location and no district with a point. The directory's points are kept as unit vectors
  /// until the catalog changes (``StationPositions``).
  public func nearestStations(to record: Record, perType count: Int) throws -> [NearbyStation] {
    let points = record.points(in: gazetteer)
    guard !points.isEmpty, count > 0 else { return [] }
    return try stationPositions().nearest(to: points, perType: count)
  }
}
