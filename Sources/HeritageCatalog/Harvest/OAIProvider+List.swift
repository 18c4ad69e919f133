extension OAIProvider {
  /// `ListIdentifiers` and `ListRecords`: a page of the list from its first record or from a
  /// resumption token, with the token of the next page.
  func list(_ request: OAIRequest) throws -> (OAIResponseWriter) -> Void {
    let state: ResumptionToken
    if let text = request.resumptionToken {
      state = try ResumptionToken(decoding: text, verb: request.verb)
    } else {
      state = ResumptionToken(
        verb: request.verb, metadataPrefix: request.metadataPrefix ?? "", set: request.set,
        from: request.from?.text, until: request.until?.text, after: HarvestKey(datestamp: "", id: ""),
        cursor: 0)
    }
    let format = try OAIMetadataFormat.named(state.metadataPrefix)
    var selection = HarvestSelection()
    if let set = state.set {
      guard let chosen = OAISets.selection(for: set, gazetteer: catalog.gazetteer) else {
        throw OAIError(.noRecordsMatch, "this repository has no set \(set); ListSets names them")
      }
      selection = chosen
    }
    selection.from = state.from.flatMap(OAIDatestamp.init)?.start
    selection.until = state.until.flatMap(OAIDatestamp.init)?.end
    let withRecords = request.verb == .listRecords
    let page = try catalog.harvest(
      selection, after: state.cursor == 0 ? nil : state.after, limit: settings.pageSize + 1,
      withRecords: withRecords, storedForm: format.storedForm)
    guard !page.entries.isEmpty else {
      throw OAIError(.noRecordsMatch, "no record matches these arguments")
    }
    let entries = Array(page.entries.prefix(settings.pageSize))
    var next: ResumptionToken?
    if page.entries.count > settings.pageSize, let last = entries.last {
      next = state
      next?.after = HarvestKey(datestamp: last.datestamp, id: last.id)
      next?.cursor = state.cursor + entries.count
    }
    let total = max(page.total, state.cursor + entries.count)
    return { [self] response in
      for entry in entries {
        if withRecords {
          response.record(entry, format: format, provider: self)
        } else {
          response.header(entry, repository: settings.repositoryIdentifier, setSpecTags: setSpecTags)
        }
      }
      if let next {
        response.resumptionToken(next.encoded, completeListSize: total, cursor: state.cursor)
      } else if state.cursor > 0 {
        response.resumptionToken(nil, completeListSize: total, cursor: state.cursor)
      }
    }
  }
}
