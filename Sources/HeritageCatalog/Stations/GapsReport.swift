/// A GI product or ICH item that no station serves, with the stations closest to it.
public struct CoverageGap: Sendable, Codable, Hashable {
  /// The record's id.
  public var id: String
  /// Its primary name.
  public var name: String
  /// Its kind.
  public var kind: RecordKind
  /// Why it ranks where it does, such as `national listing` or `registered GI`.
  public var importance: GapImportance
  /// Its districts' names.
  public var districts: [String]
  /// The nearest candidate stations, closest first.
  public var candidates: [NearbyStation]
}

extension Catalog {
  /// The records without a serving station, most important first: UNESCO and national
  /// listings and registered GI products, then provincial, municipal and county listings, then
  /// the rest; each with up to `candidates` nearest stations.
  public func gapsReport(candidates: Int = 3) throws -> [CoverageGap] {
    let stations = try self.stations()
    let served = Set(stations.flatMap { $0.serves.map(\.ref) })
    let records =
      try currentRecords(kind: .giProduct, includeWithdrawn: false)
      + currentRecords(kind: .heritageItem, includeWithdrawn: false)
    let gaps = records.filter { !served.contains($0.id) }.map { record -> (Int, CoverageGap) in
      let importance = Catalog.importance(of: record)
      let gap = CoverageGap(
        id: record.id, name: record.primaryName, kind: record.kind, importance: importance,
        districts: record.districts.compactMap { gazetteer.district(code: $0)?.name },
        candidates: Array(
          self.stations(near: record.points(in: gazetteer), among: stations).prefix(candidates)))
      return (importance.rank, gap)
    }
    return gaps.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
  }

  static func importance(of record: Record) -> GapImportance {
    if let level = record.heritageItem?.highestLevel {
      switch level {
      case .unesco: return .unesco
      case .national: return .national
      case .provincial: return .provincial
      case .municipal: return .municipal
      case .county: return .county
      }
    }
    let registered: Set<ProtectionKind> = [
      .protectedProduct, .agriculturalGI, .certificationMark, .collectiveMark,
    ]
    if let gi = record.giProduct, gi.protections.contains(where: { registered.contains($0.kind) }) {
      return .registeredGI
    }
    return record.kind == .giProduct ? .unregisteredGI : .notListed
  }
}

/// How much a record without a serving station matters, for ordering the gaps report.
public enum GapImportance: String, Sendable, Codable, CaseIterable {
  case unesco = "UNESCO listing"
  case national = "national listing"
  case registeredGI = "registered GI"
  case provincial = "provincial listing"
  case municipal = "municipal listing"
  case county = "county listing"
  case unregisteredGI = "GI, not registered"
  case notListed = "not listed"

  /// Lower first: a registered GI product ranks with a national listing.
  public var rank: Int {
    switch self {
    case .unesco: 0
    case .national, .registeredGI: 1
    case .provincial: 2
    case .municipal: 3
    case .county: 4
    case .unregisteredGI, .notListed: 5
    }
  }

  /// The words the report prints.
  public var label: String { rawValue }
}
