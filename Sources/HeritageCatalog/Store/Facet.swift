/// The facets the store keeps per record (`record_facet`), for filters and counts.
enum Facet: String, Sendable, CaseIterable {
  /// A gazetteer code of a district the record is in.
  case district
  /// A GI product's Chinese category, or an ICH item's category code.
  case category
  /// A listing level of an ICH item.
  case level
  /// A station's type.
  case stationType = "station-type"
  /// `true` for a featured brand station.
  case featured
}
