/// Station coverage of one county-level division.
public struct DivisionCoverage: Sendable, Codable, Hashable {
  /// Gazetteer code.
  public var code: String
  /// Chinese name.
  public var name: String
  /// Active stations in the division by type, types without stations left out.
  public var stations: [StationType: Int]
  /// Featured pilot stations in the division.
  public var featured: Int
  /// Active GI products in the division.
  public var giProducts: Int
  /// Active ICH items in the division.
  public var heritageItems: Int
  /// GI products and ICH items of the division that no station serves.
  public var unserved: [String]

  /// All stations in the division.
  public var stationCount: Int { stations.values.reduce(0, +) }
}

/// The network against one target of the plan.
public struct TargetProgress: Sendable, Codable, Hashable {
  /// The target.
  public var target: CoverageTargets.Target
  /// What the catalog holds now.
  public var actual: Int
  /// Divisions with none, for a target that asks for every division.
  public var divisionsWithout: [String]

  /// `true` when the number is reached (and, where asked, every division has one).
  public var met: Bool { actual >= target.target && divisionsWithout.isEmpty }
}

/// `heritage report coverage`: per division and against the plan's targets.
public struct CoverageReport: Sendable, Codable {
  /// The plan the targets come from.
  public var plan: String
  /// One entry per gazetteer division, in gazetteer order.
  public var divisions: [DivisionCoverage]
  /// The totals against each target.
  public var targets: [TargetProgress]
  /// Active stations by type, over all divisions.
  public var stationTotals: [StationType: Int]
  /// Every GI product and ICH item that no station serves.
  public var unservedTotal: Int
}

extension Catalog {
  /// Builds the coverage report from the current, active records.
  public func coverageReport(targets: CoverageTargets) throws -> CoverageReport {
    let stations = try self.stations()
    let served = Set(stations.flatMap { $0.serves.map(\.ref) })
    let records =
      try currentRecords(kind: .giProduct, includeWithdrawn: false)
      + currentRecords(kind: .heritageItem, includeWithdrawn: false)
    let divisions = gazetteer.districts.map { district -> DivisionCoverage in
      let here = stations.filter { $0.districts.contains(district.code) }
      let inDivision = records.filter { $0.districts.contains(district.code) }
      return DivisionCoverage(
        code: district.code, name: district.name,
        stations: Dictionary(grouping: here, by: \.type).mapValues(\.count),
        featured: here.filter { $0.featured && $0.type == .pilotStation }.count,
        giProducts: inDivision.filter { $0.kind == .giProduct }.count,
        heritageItems: inDivision.filter { $0.kind == .heritageItem }.count,
        unserved: inDivision.filter { !served.contains($0.id) }.map(\.id))
    }
    let progress = targets.targets.map { target -> TargetProgress in
      let matching =
        target.key == "featured"
        ? stations.filter { $0.featured && $0.type == .pilotStation }
        : stations.filter { $0.type.rawValue == target.key }
      let without =
        target.everyDivision == true
        ? divisions.filter { division in !matching.contains { $0.districts.contains(division.code) } }.map(
          \.name)
        : []
      return TargetProgress(target: target, actual: matching.count, divisionsWithout: without)
    }
    return CoverageReport(
      plan: targets.plan, divisions: divisions, targets: progress,
      stationTotals: Dictionary(grouping: stations, by: \.type).mapValues(\.count),
      unservedTotal: records.filter { !served.contains($0.id) }.count)
  }
}
