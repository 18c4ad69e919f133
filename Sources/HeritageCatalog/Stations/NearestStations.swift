import Foundation

/// The active stations with a point, kept with each point as a unit vector on the sphere and
/// the slot of its type in `StationType.allCases`. The straight-line (chord) distance between
/// two unit vectors grows with the great-circle distance, so the nearest stations of each type
/// are found with multiplications, and the haversine formula runs only for the few kept.
struct StationPositions: Sendable {
  let stations: [StationEntry]
  private let vectors: [SIMD3<Double>]
  private let slots: [Int]
  private let indices: [Int]

  init(_ stations: [StationEntry]) {
    self.stations = stations
    var vectors: [SIMD3<Double>] = []
    var slots: [Int] = []
    var indices: [Int] = []
    for (index, station) in stations.enumerated() {
      guard let point = station.point, let slot = StationType.allCases.firstIndex(of: station.type) else {
        continue
      }
      vectors.append(point.unitVector)
      slots.append(slot)
      indices.append(index)
    }
    self.vectors = vectors
    self.slots = slots
    self.indices = indices
  }

  /// The `count` nearest stations of each type to the nearest of `points`, by type order,
  /// nearest first within a type (ties to the smaller id), distances by the haversine formula.
  ///
  /// The first pass finds, per type, the `count`-th smallest squared chord. The second keeps
  /// every station within a small margin of it (the chord of nearby points loses precision to
  /// cancellation), and those few are ordered by their haversine distance and id, so the
  /// answer is the one a haversine over every station would give.
  func nearest(to points: [GeoPoint], perType count: Int) -> [NearbyStation] {
    guard !points.isEmpty, count > 0 else { return [] }
    let origins = points.map(\.unitVector)
    let typeCount = StationType.allCases.count
    var smallest = [[Double]](repeating: [], count: typeCount)
    func chord(_ position: Int) -> Double {
      var chord = Double.infinity
      for origin in origins { chord = min(chord, squaredDistance(origin, vectors[position])) }
      return chord
    }
    for position in vectors.indices {
      let chord = chord(position)
      let slot = slots[position]
      if smallest[slot].count == count, chord >= smallest[slot][count - 1] { continue }
      let at = smallest[slot].firstIndex { $0 > chord } ?? smallest[slot].count
      smallest[slot].insert(chord, at: at)
      if smallest[slot].count > count { smallest[slot].removeLast() }
    }
    let limits = smallest.map { kept in
      kept.count < count ? Double.infinity : kept[count - 1] * (1 + 1e-6) + 1e-18
    }
    var kept = [[NearbyStation]](repeating: [], count: typeCount)
    // The chords again rather than kept: an array of them cost more to allocate than to recompute.
    for position in vectors.indices where chord(position) <= limits[slots[position]] {
      let station = stations[indices[position]]
      let kilometers = points.kilometers(to: station.point!)
      kept[slots[position]].append(NearbyStation(station: station, kilometers: kilometers))
    }
    return kept.flatMap { candidates in
      candidates.sorted { ($0.kilometers, $0.station.id) < ($1.kilometers, $1.station.id) }.prefix(count)
    }
  }

  private func squaredDistance(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
    let difference = a - b
    return (difference * difference).sum()
  }
}

extension GeoPoint {
  /// The point on the unit sphere.
  var unitVector: SIMD3<Double> {
    let radians = Double.pi / 180
    let latitude = lat * radians
    let longitude = lon * radians
    return SIMD3(cos(latitude) * cos(longitude), cos(latitude) * sin(longitude), sin(latitude))
  }
}
