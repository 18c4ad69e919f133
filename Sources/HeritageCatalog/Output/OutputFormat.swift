import Foundation

/// How a command prints its result.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// For people.
  case text
  /// For scripts: stable field names, sorted keys.
  case json
}

/// Display width of text in a terminal: East Asian wide and full-width characters take two
/// columns, combining marks none.
func displayWidth(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    let value = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B { return width }
    let wide =
      (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
      || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
      || (0x20000...0x3FFFD).contains(value)
    return width + (wide ? 2 : 1)
  }
}

/// `text` padded with spaces to `width` display columns.
func padded(_ text: String, to width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - displayWidth(text)))
}

/// Rows laid out in columns that line up, CJK text included.
func renderTable(_ header: [String], _ rows: [[String]]) -> String {
  renderColumns([header] + rows)
}

/// Rows laid out in columns that line up, with no header line.
func renderColumns(_ all: [[String]]) -> String {
  let columns = all.map(\.count).max() ?? 0
  let widths = (0..<columns).map { column in
    all.map { $0.count > column ? displayWidth($0[column]) : 0 }.max() ?? 0
  }
  return all.map { row in
    row.enumerated().map { index, cell in index == row.count - 1 ? cell : padded(cell, to: widths[index]) }
      .joined(separator: "  ")
  }.joined(separator: "\n")
}
