import Foundation
import GRDB

/// A query cut into tokens and turned into an FTS5 expression, and the checks that classify a
/// candidate row. Every token is quoted, so no query text is read as FTS5 syntax.
struct SearchPlan {
  let folded: String
  let hanRuns: [String]
  let latinRuns: [String]
  /// The FTS5 expression over every searched column.
  let match: String
  /// The same over names and alternative names only (with pinyin and initials): the first
  /// tier, whose matches all rank above keyword, district and summary matches.
  let nameMatch: String
  /// The text the database ranks candidates by before they are classified exactly: the first
  /// Chinese run, else the Latin words run together (as pinyin would be).
  var probe: String { hanRuns.first ?? latinRuns.joined() }

  init(_ text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw CatalogError(.invalidArgument, "nothing to search for") }
    guard trimmed.count <= SearchQuery.maximumLength else {
      throw CatalogError(
        .invalidArgument,
        "the query is \(trimmed.count) characters long; at most \(SearchQuery.maximumLength) are searched")
    }
    folded = TextNormalizer.fold(trimmed)
    let runs = TextNormalizer.runs(folded)
    hanRuns = runs.filter(\.isHan).map(\.text)
    latinRuns = runs.filter { !$0.isHan }.map(\.text)
    guard !runs.isEmpty else {
      throw CatalogError(
        .invalidArgument,
        "the query “\(trimmed)” holds no letters, digits or Chinese characters to search for")
    }
    match = SearchPlan.expression(hanRuns, latinRuns, columns: "{name alias keyword place summary}")
    nameMatch = SearchPlan.expression(hanRuns, latinRuns, columns: "{name alias}")
  }

  /// Every Han run (by its characters or neighbour pairs) and the Latin words (as word
  /// prefixes, or run together as a pinyin or initials prefix) must match within `columns`.
  static func expression(_ hanRuns: [String], _ latinRuns: [String], columns: String) -> String {
    var parts: [String] = hanRuns.map { run in
      let characters = Array(run)
      let tokens =
        characters.count == 1
        ? [run] : (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
      return "\(columns) : (" + tokens.map(SearchPlan.quote).joined(separator: " AND ") + ")"
    }
    if !latinRuns.isEmpty {
      let words = latinRuns.map { "\(columns) : \(SearchPlan.quote($0))*" }.joined(separator: " AND ")
      let joined = SearchPlan.quote(latinRuns.joined())
      parts.append("((\(words)) OR {pinyin} : \(joined)* OR {initials} : \(joined)*)")
    }
    return parts.joined(separator: " AND ")
  }

  static func quote(_ token: String) -> String {
    "\"" + token.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// How the row matched, or `nil` when the FTS5 candidate does not really hold every term.
  func classify(_ row: Row, pinyin: Pinyin) -> MatchClass? {
    func lines(_ column: String) -> [String] {
      (row[column] as String).split(separator: "\n").map(String.init)
    }
    let names = lines("names")
    let fields: [(MatchClass, [String])] = [
      (.alias, lines("aliases")), (.keyword, lines("keywords")), (.place, lines("places")),
      (.summary, lines("summaries")),
    ]
    let compactQuery = folded.filter { !$0.isWhitespace }
    if names.contains(where: { $0 == folded || $0.filter { !$0.isWhitespace } == compactQuery }) {
      return .exactName
    }

    func best(for term: String, isWord: Bool) -> MatchClass? {
      func contains(_ text: String) -> Bool {
        isWord
          ? TextNormalizer.runs(text).contains { !$0.isHan && $0.text.hasPrefix(term) }
          : text.contains(term)
      }
      func startsWith(_ text: String) -> Bool {
        isWord
          ? TextNormalizer.runs(text).first.map { !$0.isHan && $0.text.hasPrefix(term) } ?? false
          : text.hasPrefix(term)
      }
      if names.contains(where: startsWith) { return .namePrefix }
      if names.contains(where: contains) { return .nameContains }
      return fields.first { $0.1.contains(where: contains) }?.0
    }

    var worst = MatchClass.exactName
    for run in hanRuns {
      guard let found = best(for: run, isWord: false) else { return nil }
      worst = max(worst, found)
    }
    guard !latinRuns.isEmpty else { return worst }
    let words = latinRuns.map { best(for: $0, isWord: true) }
    if words.allSatisfy({ $0 != nil }) {
      return max(worst, words.compactMap { $0 }.max()!)
    }
    // Pinyin or initials of a name (or alias) instead.
    let joined = latinRuns.joined()
    let spelled = lines("name_pinyin")
    let initials = (names + lines("aliases")).map { name in
      TextNormalizer.runs(name).map {
        $0.isHan ? String(pinyin.syllables($0.text).compactMap(\.first)) : $0.text
      }.joined()
    }
    for (index, forms) in zip(spelled, initials).enumerated() {
      let isName = index < names.count
      if forms.0.hasPrefix(joined) || forms.1.hasPrefix(joined) {
        return max(worst, isName ? .namePrefix : .alias)
      }
      if forms.0.contains(joined) || forms.1.contains(joined) {
        return max(worst, isName ? .nameContains : .alias)
      }
    }
    return nil
  }
}
