/// `heritage report coverage` as a table or CSV.
public func renderCoverage(_ report: CoverageReport, format: TableFormat) -> String {
  let types = StationType.allCases
  let header = ["division", "code"] + types.map(\.rawValue) + ["featured", "gi", "ich", "unserved"]
  var rows = report.divisions.map { division -> [String] in
    [division.name, division.code] + types.map { "\(division.stations[$0] ?? 0)" }
      + [
        "\(division.featured)", "\(division.giProducts)", "\(division.heritageItems)",
        "\(division.unserved.count)",
      ]
  }
  let totalFeatured = report.divisions.reduce(0) { $0 + $1.featured }
  rows.append(
    ["total", ""] + types.map { "\(report.stationTotals[$0] ?? 0)" }
      + [
        "\(totalFeatured)", "\(report.divisions.reduce(0) { $0 + $1.giProducts })",
        "\(report.divisions.reduce(0) { $0 + $1.heritageItems })", "\(report.unservedTotal)",
      ])
  if format == .csv {
    let targetRows = report.targets.map { progress in
      ["target: \(progress.target.key)", ""] + Array(repeating: "", count: types.count)
        + ["", "", "", ""] + ["\(progress.actual) of \(progress.target.target)"]
    }
    return renderCSV(header + ["target"], rows.map { $0 + [""] } + targetRows)
  }
  var lines = ["station coverage by division (\(report.plan))", renderTable(header, rows), "", "targets"]
  let targetRows = report.targets.map { progress -> [String] in
    let baseline =
      progress.target.baseline.map {
        "\($0) in \(progress.target.baselineYear.map(String.init) ?? "baseline")"
      } ?? ""
    var status = progress.met ? "met" : "short by \(max(0, progress.target.target - progress.actual))"
    if !progress.divisionsWithout.isEmpty {
      status += "; none in " + progress.divisionsWithout.joined(separator: " ")
    }
    return [
      progress.target.label, progress.target.key, "\(progress.actual) / \(progress.target.target)", baseline,
      status,
    ]
  }
  lines.append(renderTable(["target", "key", "now / goal", "baseline", "status"], targetRows))
  return lines.joined(separator: "\n")
}
