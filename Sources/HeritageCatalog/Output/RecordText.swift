/// The text of `heritage show`: the whole record, its links and stations, labels in `language`.
public func renderRecord(_ details: RecordDetails, gazetteer: Gazetteer, language: Language = .en) -> String {
  let record = details.record
  var out = LabeledLines(["\(record.id)  \(record.primaryName)"], language: language)
  out.line(
    "kind", language(record.kind.words) + (record.status == .withdrawn ? language("  (withdrawn)") : ""))
  out.line(
    "revision",
    language("\(details.revision), updated \(formatTimestamp(details.updatedAt, language))"))
  out.texts("name", record.names)
  out.texts("also", record.altNames)
  if let gi = record.giProduct { out.texts("category", gi.category) }
  if let item = record.heritageItem {
    out.line(
      "category",
      "\(item.category.code) \(item.category.name)"
        + (item.category.label.map { language("  (written \($0))") } ?? ""))
  }
  if let station = record.station {
    out.line(
      "type",
      "\(station.type.rawValue) \(station.type.chineseName)"
        + (station.featured ? language("  (featured 特色品牌所)") : ""))
  }
  for code in record.districts {
    let district = gazetteer.district(code: code)
    out.line("district", district.map { "\($0.name) \($0.englishName) (\(code))" } ?? code)
  }
  if let point = record.location { out.line("location", "\(point.lat), \(point.lon)") }
  out.texts("summary", record.summaries)
  out.texts("keyword", record.keywords)
  if let gi = record.giProduct { out.add(gi) }
  if let item = record.heritageItem { out.add(item) }
  if let station = record.station { out.add(station) }
  for item in record.media {
    out.line(
      "media",
      language("\(item.href) (\(item.type), \(item.size) bytes, sha256 \(item.sha256.prefix(12))…)")
        + (item.title.map { " \($0)" } ?? ""))
  }
  out.addLinks(of: details)
  return out.lines.joined(separator: "\n")
}

/// Lines of a label column and a value, as `heritage show` prints them.
private struct LabeledLines {
  var lines: [String]
  let language: Language

  init(_ lines: [String], language: Language) {
    self.lines = lines
    self.language = language
  }

  mutating func line(_ label: Message, _ value: String) {
    lines.append(padded(language(label), to: 14) + value)
  }

  mutating func texts(_ label: Message, _ values: [LocalizedText]) {
    for value in values { line(label, value.text + (value.lang.map { "  [\($0)]" } ?? "")) }
  }

  mutating func add(_ gi: GIProductDetails) {
    texts("area", gi.protectedAreas)
    texts("applicant", gi.applicants)
    for protection in gi.protections {
      let parts = [
        protection.kind.rawValue, protection.authority, protection.number, protection.date,
        protection.status?.rawValue,
      ]
      line(
        "protection",
        parts.compactMap { $0 }.joined(separator: ", ") + (protection.note.map { "  \($0)" } ?? ""))
    }
  }

  mutating func add(_ item: HeritageItemDetails) {
    for listing in item.listings {
      let parts = [
        language(listing.level.words), listing.number, listing.year.map(String.init), listing.type?.rawValue,
      ]
      line(
        "listing", parts.compactMap { $0 }.joined(separator: ", ") + (listing.note.map { "  \($0)" } ?? ""))
    }
    texts("unit", item.protectionUnits)
    for inheritor in item.inheritors {
      let parts = [inheritor.level, inheritor.since.map { language("since \($0)") }].compactMap { $0 }
      line("inheritor", inheritor.name.text + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"))
    }
    for period in item.periods { line("period", "\(period.label.text) (\(period.edtf))") }
  }

  mutating func add(_ station: StationDetails) {
    texts("address", station.addresses)
    if let contact = station.contact {
      let parts = [contact.phone, contact.email, contact.hours].compactMap { $0 }
      line("contact", parts.joined(separator: ", "))
    }
  }

  mutating func addLinks(of details: RecordDetails) {
    for link in details.links {
      let label: Message = link.relation == .serves ? "serves" : "related"
      line(label, "\(link.id) \(link.name ?? "")" + (link.role.map { " (\($0))" } ?? ""))
    }
    for link in details.backlinks {
      let label: Message = link.relation == .serves ? "served by" : "related from"
      let type = link.stationType.map { " [\($0.chineseName)]" } ?? ""
      line(label, "\(link.id) \(link.name ?? "")\(type)" + (link.role.map { " (\($0))" } ?? ""))
    }
    if details.record.kind != .station && !details.backlinks.contains(where: { $0.relation == .serves }) {
      line("served by", language("no station yet"))
    }
    if let nearest = details.nearestStations, !nearest.isEmpty {
      lines.append(renderNearest(nearest, language: language))
    }
  }
}

/// The text of `heritage history`.
public func renderHistory(_ history: [RevisionSummary], id: String, language: Language = .en) -> String {
  let rows = history.map { revision in
    [
      "\(revision.number)", formatTimestamp(revision.createdAt, language),
      language(revision.status == .withdrawn ? "withdrawn" : "active"),
      "\(revision.sourceFile):\(revision.sourceLine)",
      language("import \(revision.importID)") + (revision.by.map { " (\($0))" } ?? ""),
    ]
  }
  let count: Message = history.count == 1 ? "\(id): 1 revision" : "\(id): \(history.count) revisions"
  let headers: [Message] = ["rev", "time", "status", "source", "import"]
  return language(count) + "\n" + renderTable(headers.map { language($0) }, rows)
}

/// The text of `heritage stats`.
public func renderStats(_ stats: CatalogStats, language: Language = .en) -> String {
  var parts = [
    language(
      "\(stats.total) records (\(stats.withdrawn) withdrawn), \(stats.revisions) revisions, \(stats.imports) imports"
    )
  ]
  func section(
    _ title: Message, _ counts: [CatalogStats.Count], label: (CatalogStats.Count) -> String = { $0.label }
  ) {
    guard !counts.isEmpty else { return }
    parts.append("\n" + language(title))
    parts.append(renderColumns(counts.map { ["  " + label($0), "\($0.count)"] }))
  }
  section("by kind", stats.byKind) { count in
    RecordKind(rawValue: count.key).map { language($0.words) } ?? count.label
  }
  section("by district", stats.byDistrict)
  section("by category", stats.byCategory)
  section("ICH items by listing level", stats.byLevel) { count in
    ListingLevel(rawValue: count.key).map { language($0.words) } ?? count.label
  }
  section("stations by type", stats.byStationType)
  return parts.joined(separator: "\n")
}

/// The text of `heritage import`: counts first, then every error, then the summary line.
public func renderImportReport(_ report: ImportReport, language: Language = .en) -> String {
  var lines: [String] = []
  let badFiles = Set(report.errors.map(\.file)).count
  if !report.errors.isEmpty {
    let outcome: Message =
      report.committed
      ? "the other \(report.files.count - report.refusedFiles.count) files were imported"
      : report.dryRun ? "dry run, nothing written" : "nothing was written"
    let fileCount = max(report.files.count, badFiles)
    let errors: Message = report.errors.count == 1 ? "1 error" : "\(report.errors.count) errors"
    let place: Message =
      report.files.count == 1 ? "in \(badFiles) of \(fileCount) file" : "in \(badFiles) of \(fileCount) files"
    lines.append(language("\(errors) \(place); \(outcome)"))
    lines += report.errors.map { $0.text(language) }
    if report.committed {
      lines.append(language("refused files:"))
      lines += report.refusedFiles.map { "  \($0.path)" }
    }
  } else {
    let checked: Message = report.files.count == 1 ? "1 file checked" : "\(report.files.count) files checked"
    if report.dryRun {
      lines.append(language("\(checked); dry run, nothing written"))
    } else if let importID = report.importID {
      lines.append(language("\(checked); recorded as import \(importID)"))
    } else {
      lines.append(language(checked))
    }
  }
  lines.append(language(report.summary))
  return lines.joined(separator: "\n")
}
