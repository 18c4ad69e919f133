import HeritageXML

/// Pairs libxml2's diagnostics with the record and element they are about.
///
/// Schema validation runs inside libxml2's parser, ahead of the events the reader hands out,
/// and its diagnostics carry a line but no column. The placer holds each diagnostic until the
/// events have passed its line, then names the record that line falls in and, when an element
/// starts on that line, that element's column.
struct DiagnosticPlacer {
  private var pending: [XMLDiagnostic] = []
  private var records: [(id: String, line: Int)] = []
  private var columns: [Int: Int] = [:]

  /// Notes that a record starts at `line`.
  mutating func recordStarts(id: String, line: Int) {
    records.append((id, line))
  }

  /// Notes an element start, and returns the diagnostics now placed.
  mutating func elementStarts(line: Int, column: Int) -> [(XMLDiagnostic, String?)] {
    if columns[line] == nil { columns[line] = column }
    return place(before: line)
  }

  /// Takes new diagnostics from the reader.
  mutating func add(_ diagnostics: [XMLDiagnostic]) {
    pending += diagnostics
  }

  /// Places every diagnostic still held, at the end of the document.
  mutating func finish() -> [(XMLDiagnostic, String?)] {
    place(before: Int.max)
  }

  private mutating func place(before line: Int) -> [(XMLDiagnostic, String?)] {
    var placed: [(XMLDiagnostic, String?)] = []
    pending.removeAll { diagnostic in
      guard diagnostic.line < line || line == Int.max else { return false }
      var located = diagnostic
      if located.column == 0, let column = columns[located.line] { located.column = column }
      let record = records.last { $0.line <= max(located.line, 1) }
      placed.append((located, located.line == 0 ? records.last?.id : record?.id))
      return true
    }
    // Keep only what later diagnostics may still need.
    let oldest = pending.map(\.line).min() ?? line
    if let keepFrom = records.lastIndex(where: { $0.line <= oldest }), keepFrom > 0 {
      records.removeFirst(keepFrom)
    }
    if columns.count > 64 { columns = columns.filter { $0.key >= oldest } }
    return placed
  }
}
