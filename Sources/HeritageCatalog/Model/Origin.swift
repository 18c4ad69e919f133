/// Where distances are measured from: a point, or a record (its own location, else the points
/// of its districts).
public enum Origin: Sendable, Hashable, CustomStringConvertible {
  /// A point given by latitude and longitude.
  case point(GeoPoint)
  /// The record with this id, or the district with this code or name (a record id always
  /// holds a colon, a district never does).
  case record(String)

  /// Reads `LAT,LON` (latitude −90…90, longitude −180…180) as a point and anything else as a
  /// record id; `nil` for two numbers out of range or an empty text.
  public init?(_ text: String) {
    let trimmed = text.trimmingWhitespace()
    let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
      String($0).trimmingWhitespace()
    }
    if parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) {
      guard (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
      self = .point(GeoPoint(lat: lat, lon: lon))
    } else if trimmed.isEmpty {
      return nil
    } else {
      self = .record(trimmed)
    }
  }

  public var description: String {
    switch self {
    case .point(let point): "\(point.lat),\(point.lon)"
    case .record(let id): id
    }
  }
}
