import Foundation

/// How tabular commands print: `table` for people, `json` and `csv` for scripts, `html` for
/// a page to open in a browser (reports only).
public enum TableFormat: String, Sendable, CaseIterable {
  case table
  case json
  case csv
  case html
}
