import Foundation

/// How tabular commands print: `table` for people, `json` and `csv` for scripts, `html` for
/// a page to open in a browser (reports only).
public enum TableFormat: String, Sendable, CaseIterable {
  case table
  case json
  case csv
  case html
}

/// A distance for people: `850 m`, `3.2 km`, `41 km`.
func formatKilometers(_ kilometers: Double) -> String {
  if kilometers < 1 { return "\(Int((kilometers * 1000).rounded())) m" }
  if kilometers < 10 { return String(format: "%.1f km", kilometers) }
  return "\(Int(kilometers.rounded())) km"
}
