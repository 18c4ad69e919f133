/// `heritage report coverage` as a table (headings in `language`) or CSV (raw values, English
/// headers).
public func renderCoverage(_ report: CoverageReport, format: TableFormat, language: Language = .en) -> String
{
  let types = StationType.allCases
  let table = format != .csv
  let say: (Message) -> String = { table ? language($0) : $0.text(.en) }
  let header =
    [say("division"), say("code")] + types.map { table ? $0.heading(language) : $0.rawValue }
    + [say("featured"), say("gi"), say("ich"), say("unserved")]
  var rows = report.divisions.map { division -> [String] in
    [division.name, division.code] + types.map { "\(division.stations[$0] ?? 0)" }
      + [
        "\(division.featured)", "\(division.giProducts)", "\(division.heritageItems)",
        "\(division.unserved.count)",
      ]
  }
  let totalFeatured = report.divisions.reduce(0) { $0 + $1.featured }
  rows.append(
    [say("total"), ""] + types.map { "\(report.stationTotals[$0] ?? 0)" }
      + [
        "\(totalFeatured)", "\(report.divisions.reduce(0) { $0 + $1.giProducts })",
        "\(report.divisions.reduce(0) { $0 + $1.heritageItems })", "\(report.unservedTotal)",
      ])
  if !table {
    let targetRows = report.targets.map { progress in
      ["target: \(progress.target.key)", ""] + Array(repeating: "", count: types.count)
        + ["", "", "", ""] + ["\(progress.actual) of \(progress.target.target)"]
    }
    return renderCSV(header + ["target"], rows.map { $0 + [""] } + targetRows)
  }
  var lines = [
    language("station coverage by division (\(report.plan))"), renderTable(header, rows), "",
    language("targets"),
  ]
  let targetRows = report.targets.map { progress -> [String] in
    let baseline =
      progress.target.baseline.map { value -> String in
        if let year = progress.target.baselineYear { return language("\(value) in \(year)") }
        return language("\(value) in baseline")
      } ?? ""
    var status =
      progress.met
      ? language("met") : language("short by \(max(0, progress.target.target - progress.actual))")
    if !progress.divisionsWithout.isEmpty {
      status += language("; none in \(progress.divisionsWithout.joined(separator: " "))")
    }
    return [
      progress.target.label, progress.target.key, "\(progress.actual) / \(progress.target.target)", baseline,
      status,
    ]
  }
  let headers: [Message] = ["target", "key", "now / goal", "baseline", "status"]
  lines.append(renderTable(headers.map { language($0) }, targetRows))
  return lines.joined(separator: "\n")
}
