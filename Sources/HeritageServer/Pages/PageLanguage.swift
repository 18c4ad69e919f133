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

/// The fixed words of the pages, in one language, for the templates (`{{t.search}}`).
/// Rendered once per language, not on every request.
enum PageWords {
  static func all(_ language: Language) -> [String: String] { language == .zh ? chinese : english }

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
