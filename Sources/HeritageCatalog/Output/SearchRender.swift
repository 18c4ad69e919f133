import Foundation

/// `heritage search` as a table (matches highlighted when `highlight` is set), or CSV.
public func renderSearch(_ results: SearchResults, query: String, format: TableFormat, highlight: Bool)
  -> String
{
  let withDistance = results.hits.contains { $0.kilometers != nil }
  let header = ["id", "name", "kind", "match", "level", "districts"] + (withDistance ? ["distance"] : [])
  let rows = results.hits.map { hit -> [String] in
    var row = [
      hit.id, hit.name, hit.kind.shortName, hit.match.label, hit.level?.rawValue ?? "",
      hit.districts.joined(separator: " "),
    ]
    if withDistance {
      row.append(
        hit.kilometers.map { format == .csv ? String(format: "%.3f", $0) : formatKilometers($0) } ?? "")
    }
    return row
  }
  if format == .csv { return renderCSV(header, rows) }
  guard !results.hits.isEmpty else {
    let hint = results.suggestion.map { "; did you mean “\($0)”?" } ?? ""
    return "no results for “\(query)”\(hint)"
  }
  let table = renderTable(header, rows)
  guard highlight else { return table }
  return table.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
    guard index > 0 else { return String(line) }
    var out = String(line)
    for term in results.terms where !term.isEmpty {
      out = out.replacingOccurrences(of: term, with: "\u{1B}[1;33m\(term)\u{1B}[0m")
    }
    return out
  }.joined(separator: "\n")
}
