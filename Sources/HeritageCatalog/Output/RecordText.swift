/// The text of `heritage show`: the whole record, its links and stations.
public func renderRecord(_ details: RecordDetails, gazetteer: Gazetteer) -> String {
  let record = details.record
  var out = LabeledLines(["\(record.id)  \(record.primaryName)"])
  out.line("kind", record.kind.rawValue + (record.status == .withdrawn ? "  (withdrawn)" : ""))
  out.line("revision", "\(details.revision), updated \(details.updatedAt)")
  out.texts("name", record.names)
  out.texts("also", record.altNames)
  if let gi = record.giProduct { out.texts("category", gi.category) }
  if let item = record.heritageItem {
    out.line(
      "category",
      "\(item.category.code) \(item.category.name)" + (item.category.label.map { "  (written \($0))" } ?? ""))
  }
  if let station = record.station {
    out.line(
      "type",
      "\(station.type.rawValue) \(station.type.chineseName)" + (station.featured ? "  (featured 特色品牌所)" : ""))
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
      "\(item.href) (\(item.type), \(item.size) bytes, sha256 \(item.sha256.prefix(12))…)"
        + (item.title.map { " \($0)" } ?? ""))
  }
  out.addLinks(of: details)
  return out.lines.joined(separator: "\n")
}

/// Lines of a label column and a value, as `heritage show` prints them.
private struct LabeledLines {
  var lines: [String]

  init(_ lines: [String]) { self.lines = lines }

  mutating func line(_ label: String, _ value: String) { lines.append(padded(label, to: 14) + value) }

  mutating func texts(_ label: String, _ values: [LocalizedText]) {
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
        listing.level.rawValue, listing.number, listing.year.map(String.init), listing.type?.rawValue,
      ]
      line(
        "listing", parts.compactMap { $0 }.joined(separator: ", ") + (listing.note.map { "  \($0)" } ?? ""))
    }
    texts("unit", item.protectionUnits)
    for inheritor in item.inheritors {
      let parts = [inheritor.level, inheritor.since.map { "since \($0)" }].compactMap { $0 }
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
      line(link.relation.rawValue, "\(link.id) \(link.name ?? "")" + (link.role.map { " (\($0))" } ?? ""))
    }
    for link in details.backlinks {
      let label = link.relation == .serves ? "served by" : "related from"
      let type = link.stationType.map { " [\($0.chineseName)]" } ?? ""
      line(label, "\(link.id) \(link.name ?? "")\(type)" + (link.role.map { " (\($0))" } ?? ""))
    }
    if details.record.kind != .station && !details.backlinks.contains(where: { $0.relation == .serves }) {
      line("served by", "no station yet")
    }
    if let nearest = details.nearestStations, !nearest.isEmpty {
      lines.append(renderNearest(nearest))
    }
  }
}

/// The text of `heritage history`.
public func renderHistory(_ history: [RevisionSummary], id: String) -> String {
  let rows = history.map { revision in
    [
      "\(revision.number)", revision.createdAt, revision.status.rawValue,
      "\(revision.sourceFile):\(revision.sourceLine)",
      "import \(revision.importID)" + (revision.by.map { " (\($0))" } ?? ""),
    ]
  }
  return "\(id): \(history.count) revision\(history.count == 1 ? "" : "s")\n"
    + renderTable(["rev", "time", "status", "source", "import"], rows)
}

/// The text of `heritage stats`.
public func renderStats(_ stats: CatalogStats) -> String {
  var parts = [
    "\(stats.total) records (\(stats.withdrawn) withdrawn), \(stats.revisions) revisions, \(stats.imports) imports"
  ]
  func section(_ title: String, _ counts: [CatalogStats.Count]) {
    guard !counts.isEmpty else { return }
    parts.append("\n" + title)
    parts.append(renderColumns(counts.map { ["  " + $0.label, "\($0.count)"] }))
  }
  section("by kind", stats.byKind)
  section("by district", stats.byDistrict)
  section("by category", stats.byCategory)
  section("ICH items by listing level", stats.byLevel)
  section("stations by type", stats.byStationType)
  return parts.joined(separator: "\n")
}

/// The text of `heritage import`: counts first, then every error, then the summary line.
public func renderImportReport(_ report: ImportReport) -> String {
  var lines: [String] = []
  let badFiles = Set(report.errors.map(\.file)).count
  if !report.errors.isEmpty {
    let outcome =
      report.committed
      ? "the other \(report.files.count - report.refusedFiles.count) files were imported"
      : report.dryRun ? "dry run, nothing written" : "nothing was written"
    lines.append(
      "\(report.errors.count) error\(report.errors.count == 1 ? "" : "s") in \(badFiles) of \(max(report.files.count, badFiles)) file\(report.files.count == 1 ? "" : "s"); \(outcome)"
    )
    lines += report.errors.map(\.description)
    if report.committed {
      lines.append("refused files:")
      lines += report.refusedFiles.map { "  \($0.path)" }
    }
  } else {
    lines.append(
      "\(report.files.count) file\(report.files.count == 1 ? "" : "s") checked"
        + (report.dryRun
          ? "; dry run, nothing written" : report.importID.map { "; recorded as import \($0)" } ?? ""))
  }
  lines.append(report.summaryLine)
  return lines.joined(separator: "\n")
}
