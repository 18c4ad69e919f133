/// Which records an export takes.
public struct ExportSelection: Sendable, Codable {
  /// Only these kinds; empty for all.
  public var kinds: [RecordKind] = []
  /// Only records in these districts (any name the gazetteer knows); empty for all.
  public var districts: [String] = []
  /// Only records of these categories (GI category text or ICH code); empty for all.
  public var categories: [String] = []
  /// Only ICH items listed at these levels; empty for all.
  public var levels: [ListingLevel] = []
  /// Only these ids; empty for all.
  public var ids: [String] = []
  /// Include withdrawn records.
  public var includeWithdrawn = false
  /// Only records whose current revision was made on or after this date (`YYYY-MM-DD`).
  public var changedSince: String?
  /// Only records a search for this text finds (see ``Catalog/search(_:)``).
  public var query: String?

  /// Creates a selection; the default takes every active record.
  public init() {}

  /// The selection in words, for `External-Description`.
  public var summary: String {
    var parts: [String] = []
    if !kinds.isEmpty { parts.append("kind " + kinds.map(\.shortName).joined(separator: ",")) }
    if !districts.isEmpty { parts.append("district " + districts.joined(separator: ",")) }
    if !categories.isEmpty { parts.append("category " + categories.joined(separator: ",")) }
    if !levels.isEmpty { parts.append("level " + levels.map(\.rawValue).joined(separator: ",")) }
    if !ids.isEmpty { parts.append("ids " + ids.joined(separator: ",")) }
    if let changedSince { parts.append("changed since \(changedSince)") }
    if let query { parts.append("search \(query)") }
    if includeWithdrawn { parts.append("withdrawn included") }
    return parts.isEmpty ? "all active records" : parts.joined(separator: "; ")
  }
}

extension Catalog {
  /// The current revisions the selection takes, in id order, with their revision dates.
  /// - Throws: ``CatalogError`` for an unknown district or id.
  func select(_ selection: ExportSelection) throws -> [Record] {
    let districtCodes = try selection.districts.map { try gazetteer.requireDistrict(named: $0).code }
    for id in selection.ids { _ = try details(id: id) }
    let found = try selection.query.map {
      try recordIDs(matching: $0, includeWithdrawn: selection.includeWithdrawn)
    }
    let kinds = selection.kinds.isEmpty ? RecordKind.allCases : selection.kinds
    let updated = try updateTimes()
    return try kinds.flatMap { try currentRecords(kind: $0, includeWithdrawn: selection.includeWithdrawn) }
      .filter { record in
        (selection.ids.isEmpty || selection.ids.contains(record.id))
          && (districtCodes.isEmpty || !Set(districtCodes).isDisjoint(with: record.districts))
          && (selection.categories.isEmpty
            || !Set(selection.categories).isDisjoint(
              with: RecordWriter.facets(of: record).filter { $0.0 == .category }.map(\.1)))
          && (selection.levels.isEmpty
            || !Set(selection.levels).isDisjoint(with: record.heritageItem?.listings.map(\.level) ?? []))
          && (selection.changedSince.map { (updated[record.id] ?? "") >= $0 } ?? true)
          && (found.map { $0.contains(record.id) } ?? true)
      }
      .sorted { $0.id < $1.id }
  }
}
