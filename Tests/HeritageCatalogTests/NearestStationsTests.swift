import Foundation
import Testing

@testable import HeritageCatalog

/// The nearest-station finder over unit vectors gives exactly what ordering every station by
/// its haversine distance (ties to the smaller id) gives.
struct NearestStationsTests {
  /// Stations of every type on a jittered grid around Fuzhou, with some at one point (ties),
  /// some a metre apart, and a few without a point; and pairs placed east and west of
  /// ``mirror`` at the same haversine distance, whose chords differ in the last digits, so the
  /// smaller id must win although its chord may be the longer.
  static let stations: [StationEntry] = {
    var generator = SplitMix(seed: 11)
    var stations: [StationEntry] = []
    for number in 0..<2_000 {
      let type = StationType.allCases[Int(generator.next() % UInt64(StationType.allCases.count))]
      var point: GeoPoint? = GeoPoint(
        lat: 25.9 + Double(generator.next() % 40_000) / 100_000,
        lon: 119.1 + Double(generator.next() % 40_000) / 100_000)
      switch number % 50 {
      case 0: point = GeoPoint(lat: 26.08, lon: 119.29)  // many at one point
      case 1: point = GeoPoint(lat: 26.08, lon: 119.29001)  // about a metre from it
      case 2: point = nil
      default: break
      }
      stations.append(
        StationEntry(
          id: "station:\(String(format: "%05d", (number * 7_919) % 2_000))", name: "站点", type: type,
          featured: false, districts: [], point: point, pointIsDistrict: false, serves: [],
          status: .active))
    }
    for pair in 0..<28 {
      let type = StationType.allCases[pair % StationType.allCases.count]
      let lat = mirror.lat + Double(pair) * 0.0003
      let offset = 0.0005 + Double(pair) * 0.0001
      for (side, lon) in [(0, mirror.lon + offset), (1, mirror.lon - offset)] {
        stations.append(
          StationEntry(
            id: "station:mirror-\(pair)-\(side == pair % 2 ? "a" : "b")", name: "镜像", type: type,
            featured: false, districts: [], point: GeoPoint(lat: lat, lon: lon), pointIsDistrict: false,
            serves: [], status: .active))
      }
    }
    return stations
  }()

  /// The point the mirrored pairs are placed around, outside the grid.
  static let mirror = GeoPoint(lat: 26.35, lon: 119.55)

  /// What a haversine over every station gives.
  static func everyStationByHaversine(to points: [GeoPoint], perType count: Int) -> [NearbyStation] {
    StationType.allCases.flatMap { type in
      stations.compactMap { station -> NearbyStation? in
        guard station.type == type, let point = station.point else { return nil }
        return NearbyStation(station: station, kilometers: points.map { $0.kilometers(to: point) }.min()!)
      }
      .sorted { ($0.kilometers, $0.station.id) < ($1.kilometers, $1.station.id) }
      .prefix(count)
    }
  }

  @Test(arguments: [1, 3, 1_000])
  func nearestMatchesAHaversineOverEveryStation(count: Int) {
    let positions = StationPositions(Self.stations)
    var generator = SplitMix(seed: 5)
    var origins: [[GeoPoint]] = [
      [GeoPoint(lat: 26.08, lon: 119.29)], [GeoPoint(lat: 26.080001, lon: 119.290005)],
      [GeoPoint(lat: 24.48, lon: 118.09)], [Self.mirror],
      [GeoPoint(lat: 26.0, lon: 119.2), GeoPoint(lat: 26.2, lon: 119.4)],
    ]
    for _ in 0..<40 {
      origins.append([
        GeoPoint(
          lat: 25.8 + Double(generator.next() % 60_000) / 100_000,
          lon: 119.0 + Double(generator.next() % 60_000) / 100_000)
      ])
    }
    for points in origins {
      let found = positions.nearest(to: points, perType: count)
      #expect(found == Self.everyStationByHaversine(to: points, perType: count), "from \(points)")
    }
  }

  @Test func noPointsOrNoCountFindNothing() {
    let positions = StationPositions(Self.stations)
    #expect(positions.nearest(to: [], perType: 3).isEmpty)
    #expect(positions.nearest(to: [GeoPoint(lat: 26, lon: 119)], perType: 0).isEmpty)
  }
}

/// A small deterministic generator, so the stations are the same on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
