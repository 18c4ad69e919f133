extension Catalog {
  /// The page of a query of Han characters alone from the records whose names hold it: the
  /// `name` column of the names' full-text index, when its matches alone fill the page.
  ///
  /// A record matched by its alternative names only classifies as an alias match or lower, and
  /// a name match of a Han query needs the run in the name itself (pinyin serves Latin queries
  /// only), so when name matches fill the page nothing else can rank above them. `茉莉` at
  /// 100,000 generated records: 46 rows read instead of the 104 that names and alternative
  /// names hold.
  ///
  /// `nil` when the query holds Latin words, or the name matches do not fill `limit`: the
  /// names and alternative names then answer as before.
  func nameColumnHits(_ plan: SearchPlan, filters: IndexFilters, limit: Int, pageSize: Int) throws
    -> [SearchHit]?
  {
    guard plan.latinRuns.isEmpty, !plan.hanRuns.isEmpty else { return nil }
    let expression = SearchPlan.expression(plan.hanRuns, [], "", columns: "{name}")
    let named = try classified(
      plan,
      try indexCandidates(
        matching: expression, in: .names, tiers: plan.tiers, filters: filters, limit: pageSize)
    ).filter { $0.match <= .nameContains }
    return named.count >= limit ? named : nil
  }
}
