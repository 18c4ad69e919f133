/// Finding records by free text. The search layer implements it (``Catalog/search(_:)``);
/// it is declared here, below the features, so that another feature (an export selection) can
/// ask for it without depending on search.
protocol TextMatching {
  /// The ids of every record a search for `text` finds.
  func recordIDs(matching text: String, includeWithdrawn: Bool) throws -> Set<String>
}
