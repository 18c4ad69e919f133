import Foundation
import HeritageCatalog

/// A result's name with the parts the query matched in `<mark>`, for the results page.
///
/// Built here rather than by sections of the template: three sections per part cost half of
/// the results list's rendering. Every part is escaped with ``escapeHTML(_:)``, the same five
/// characters the templates escape, and the template writes the result as it is
/// (`{{{nameHTML}}}`).
enum Highlight {
  /// `name` as HTML, escaped, each leftmost match of one of `terms` marked.
  static func html(of name: String, terms: [String]) -> String {
    let wanted = terms.filter { !$0.isEmpty }
    var html = ""
    var rest = Substring(name)
    while !rest.isEmpty {
      let found = wanted.compactMap { term in rest.range(of: term) }.min { $0.lowerBound < $1.lowerBound }
      guard let range = found else {
        html += escapeHTML(String(rest))
        break
      }
      html += escapeHTML(String(rest[rest.startIndex..<range.lowerBound]))
      html += "<mark>" + escapeHTML(String(rest[range])) + "</mark>"
      rest = rest[range.upperBound...]
    }
    return html
  }
}
