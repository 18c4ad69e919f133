import Foundation

extension GeoPoint {
  /// The mean Earth radius of IUGG, in kilometres.
  public static let earthRadiusKilometers = 6371.0088

  /// Great-circle distance to `other` in kilometres (haversine formula on a sphere of
  /// ``earthRadiusKilometers``).
  public func kilometers(to other: GeoPoint) -> Double {
    let radians = Double.pi / 180
    let dLat = (other.lat - lat) * radians
    let dLon = (other.lon - lon) * radians
    let h =
      sin(dLat / 2) * sin(dLat / 2) + cos(lat * radians) * cos(other.lat * radians) * sin(dLon / 2)
      * sin(dLon / 2)
    return 2 * GeoPoint.earthRadiusKilometers * asin(min(1, sqrt(h)))
  }
}

extension [GeoPoint] {
  /// Great-circle distance in kilometres from the nearest of these points to `point`;
  /// infinity when there are none.
  func kilometers(to point: GeoPoint) -> Double {
    var nearest = Double.infinity
    for origin in self { nearest = Swift.min(nearest, origin.kilometers(to: point)) }
    return nearest
  }
}

extension Record {
  /// Where the record is for distances: its own location, else the points of its districts.
  func points(in gazetteer: Gazetteer) -> [GeoPoint] {
    if let location { return [location] }
    return districts.compactMap { gazetteer.district(code: $0)?.point }
  }
}
