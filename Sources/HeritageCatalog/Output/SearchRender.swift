import Foundation

/// `heritage search` as a table (matches highlighted when `highlight` is set, headers and
/// labels in `language`), or CSV (always the raw values and English headers).
public func renderSearch(
  _ results: SearchResults, query: String, format: TableFormat, highlight: Bool, language: Language = .en
) -> String {
  let withDistance = results.hits.contains { $0.kilometers != nil }
  if format == .csv {
    let header = ["id", "name", "kind", "match", "level", "districts"] + (withDistance ? ["distance"] : [])
    return renderCSV(
      header,
      results.hits.map { hit in
        [
          hit.id, hit.name, hit.kind.shortName, hit.match.label, hit.level?.rawValue ?? "",
          hit.districts.joined(separator: " "),
        ] + (withDistance ? [hit.kilometers.map { String(format: "%.3f", $0) } ?? ""] : [])
      })
  }
  guard !results.hits.isEmpty else {
    if let suggestion = results.suggestion {
      return language("no results for “\(query)”; did you mean “\(suggestion)”?")
    }
    return language("no results for “\(query)”")
  }
  let headers: [Message] =
    ["id", "name", "kind", "match", "level", "districts"] + (withDistance ? ["distance"] : [])
  let rows = results.hits.map { hit -> [String] in
    [
      hit.id, hit.name, language(hit.kind.words), language(hit.match.words),
      hit.level.map { language($0.words) } ?? "",
      hit.districts.joined(separator: " "),
    ] + (withDistance ? [hit.kilometers.map { formatKilometers($0, language) } ?? ""] : [])
  }
  let table = renderTable(headers.map { language($0) }, rows)
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
