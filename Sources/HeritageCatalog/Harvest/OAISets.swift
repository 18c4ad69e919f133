/// The repository's sets, flat and stable: one per record kind (`gi`, `ich`, `station`) and
/// one per district of the gazetteer, by its administrative code (`district:350102`), which
/// does not change with a district's spelling. Set names are Chinese.
enum OAISets {
  static let districtPrefix = "district:"

  /// Every set, kinds first, then districts in gazetteer order.
  static func all(gazetteer: Gazetteer) -> [(spec: String, name: String)] {
    RecordKind.allCases.map { ($0.shortName, $0.chineseName) }
      + gazetteer.districts.map { (districtPrefix + $0.code, $0.name) }
  }

  /// What a set spec selects, or `nil` when the repository has no such set.
  static func selection(for spec: String, gazetteer: Gazetteer) -> HarvestSelection? {
    if let kind = RecordKind.allCases.first(where: { $0.shortName == spec }) {
      return HarvestSelection(kind: kind)
    }
    if spec.hasPrefix(districtPrefix),
      let district = gazetteer.district(code: String(spec.dropFirst(districtPrefix.count)))
    {
      return HarvestSelection(district: district.code)
    }
    return nil
  }

  /// The sets a record belongs to: its kind's and its districts'.
  static func specs(of entry: HarvestEntry) -> [String] {
    [entry.kind.shortName] + entry.districts.map { districtPrefix + $0 }
  }
}
