extension Catalog {
  /// The page of a query of one run of Han characters that is part of a district's name held
  /// by many records (`鼓楼区`, `仓山`): every such record is a place match, and there are too
  /// many to rank. Name, alias and keyword matches (few) come first, ranked as always; then
  /// the records whose places hold the run, read in rank order until the page is full, which
  /// is the order the search gives them: one class, then listing level, name length, id.
  ///
  /// `nil` when the query is not of that kind, the districts hold few records (fewer than
  /// `walkAbove`, by default the name tier's threshold), a filter other than the kind is set,
  /// or the page is not filled by name, alias, keyword and place matches: the full ranking then
  /// answers.
  func placeTierHits(
    _ plan: SearchPlan, filters: IndexFilters, limit: Int, pageSize: Int, walkAbove: Int? = nil
  ) throws -> [SearchHit]? {
    guard filters.facets.isEmpty, !filters.includeWithdrawn, plan.hanRuns.count == 1, plan.latinRuns.isEmpty
    else { return nil }
    let run = plan.hanRuns[0]
    let codes = indexer.districtCodes(withPlacesHolding: run)
    guard try recordsInDistricts(codes, atLeast: walkAbove ?? walkThreshold(limit * 6)) else { return nil }
    // Every name, alias and keyword match, all read (or the full ranking answers).
    let rows = try indexCandidates(
      matching: SearchPlan.expression([run], [], "", columns: "{name alias keyword}"), in: .names,
      tiers: plan.tiers,
      filters: filters, limit: pageSize)
    guard rows.count < pageSize else { return nil }
    let above = try classified(plan, rows).filter { $0.match < .place }
    guard above.count < limit else { return above }
    let ids = try recordsPlaced(
      holding: run, kind: filters.kind, limit: limit - above.count, skipping: Set(above.map(\.id)))
    guard ids.count == limit - above.count else { return nil }
    let found = Dictionary(
      uniqueKeysWithValues: try classified(plan, try indexedRecords(ids)).map { ($0.id, $0) })
    let placed = ids.compactMap { found[$0] }
    // Each one a place match, as the index says: anything else leaves it to the full ranking.
    guard placed.count == ids.count, placed.allSatisfy({ $0.match == .place }) else { return nil }
    return above + placed
  }
}
