import Foundation
import HeritageCatalog
import Hummingbird

extension Language {
  /// The language of a page: `?lang=zh|en`, else the first of Chinese and English that the
  /// browser's `Accept-Language` names, else Chinese (the front desk's language).
  static func of(_ request: Request, parameter: String?) -> Language {
    if let parameter, let language = Language(rawValue: parameter) { return language }
    let accepted = request.headers[.acceptLanguage] ?? ""
    for tag in accepted.split(separator: ",") {
      let name = tag.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
      if name.hasPrefix("zh") { return .zh }
      if name.hasPrefix("en") { return .en }
    }
    return .zh
  }
}

/// The fixed words of the pages (`{{t.search}}` in a template), written into each language's
/// copy of the templates when they are loaded rather than looked up on every request: a
/// results page looked up some thirty of them, each a walk down the values.
enum PageWords {
  static func all(_ language: Language) -> [String: String] { language == .zh ? chinese : english }

  /// `source` with each `{{t.name}}` replaced by the word `name` in `language`, escaped as the
  /// templates escape a value.
  /// - Throws: `Problem` when a template names a word that is not one of the pages' words.
  static func fillIn(_ source: String, _ language: Language, template: String) throws -> String {
    try fillIn(source, words: all(language), template: template)
  }

  /// `source` with each `{{t.name}}` replaced by `words[name]`, escaped.
  static func fillIn(_ source: String, words: [String: String], template: String) throws -> String {
    var filled = ""
    var rest = Substring(source)
    while let tag = rest.firstMatch(of: /\{\{\s*t\.([A-Za-z0-9_]*)\s*\}\}/) {
      guard let word = words[String(tag.1)] else {
        throw Problem(.internalServerError, "the page template \(template) names an unknown word t.\(tag.1)")
      }
      filled += rest[..<tag.range.lowerBound]
      filled += escapeHTML(word)
      rest = rest[tag.range.upperBound...]
    }
    return filled + rest
  }

  private static let chinese = words.mapValues { Language.zh($0) }
  private static let english = words.mapValues { Language.en($0) }

  private static let words: [String: Message] = [
    "site": "Fuzhou GI and ICH catalog", "skip": "Skip to content", "navigation": "Site",
    "stations": "Protection stations", "footer": "HeritageCatalog · read-only", "searchLabel": "Search",
    "searchButton": "Search", "kind": "Kind", "district": "District",
    "homeHeading": "GI products, intangible heritage and IP protection stations",
    "latest": "Latest changes",
    "withdrawn": "withdrawn", "resultsHeading": "Search results", "didYouMean": "Did you mean",
    "broader": "Search again without the filters", "pages": "Pages", "previous": "Previous", "next": "Next",
    "media": "Media", "related": "Related records", "servedBy": "Stations that serve it",
    "noStationYet": "No station serves it yet.", "nearest": "Nearest stations",
    "permalink": "Permanent link",
    "stationType": "Station type", "filter": "Filter", "featured": "featured",
    "backHome": "Back to the search",
    "level": "Listing level", "category": "ICH category",
    "gapsHeading": "Records without a serving station", "record": "Record", "importance": "Importance",
    "candidates": "Nearest stations", "coverage": "Station coverage", "near": "Near",
  ]
}
