/// What `heritage search` asks for.
public struct SearchQuery: Sendable {
  /// The words typed: Chinese (simplified or traditional, one character up), pinyin with or
  /// without tones and spaces, initials, English; several terms must all match.
  public var text: String
  /// Only this kind.
  public var kind: RecordKind?
  /// Only this category (GI category text or ICH code such as `IV` or `Ⅳ`).
  public var category: String?
  /// Only ICH items listed at this level.
  public var level: ListingLevel?
  /// Only records in this district.
  public var district: String?
  /// Only stations of this type.
  public var stationType: StationType?
  /// `LAT,LON` or a record id: show distances and order by them.
  public var near: Origin?
  /// With `near`: only within this many kilometres.
  public var within: Double?
  /// At most this many results.
  public var limit: Int
  /// Include withdrawn records.
  public var includeWithdrawn: Bool

  /// The longest query accepted, in characters.
  public static let maximumLength = 200

  /// Creates a query.
  public init(
    text: String, kind: RecordKind? = nil, category: String? = nil, level: ListingLevel? = nil,
    district: String? = nil, stationType: StationType? = nil, near: Origin? = nil, within: Double? = nil,
    limit: Int = 20, includeWithdrawn: Bool = false
  ) {
    self.text = text
    self.kind = kind
    self.category = category
    self.level = level
    self.district = district
    self.stationType = stationType
    self.near = near
    self.within = within
    self.limit = limit
    self.includeWithdrawn = includeWithdrawn
  }
}

/// How well a record matched, best first.
public enum MatchClass: Int, Sendable, Codable, Comparable, CaseIterable {
  /// A name is the query.
  case exactName = 0
  /// A name starts with the query (or its pinyin or initials do).
  case namePrefix
  /// A name contains the query.
  case nameContains
  /// An alternative name contains it.
  case alias
  /// A keyword or category contains it.
  case keyword
  /// A district name contains it.
  case place
  /// A summary contains it.
  case summary

  public static func < (lhs: MatchClass, rhs: MatchClass) -> Bool { lhs.rawValue < rhs.rawValue }

  /// Encoded as its ``label``, so `--format json` reads `"match": "name prefix"`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(label)
  }

  public init(from decoder: any Decoder) throws {
    let label = try decoder.singleValueContainer().decode(String.self)
    guard let match = MatchClass.allCases.first(where: { $0.label == label }) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "unknown match \(label)"))
    }
    self = match
  }

  /// A word for people and for `--format json`.
  public var label: String {
    switch self {
    case .exactName: "name"
    case .namePrefix: "name prefix"
    case .nameContains: "in name"
    case .alias: "alias"
    case .keyword: "keyword"
    case .place: "district"
    case .summary: "summary"
    }
  }
}

/// One result of a search.
public struct SearchHit: Sendable, Codable, Hashable {
  /// The record's id.
  public var id: String
  /// Its kind.
  public var kind: RecordKind
  /// Its primary name.
  public var name: String
  /// `active` or `withdrawn`.
  public var status: RecordStatus
  /// How it matched.
  public var match: MatchClass
  /// Its highest listing level, for ICH items.
  public var level: ListingLevel?
  /// Its districts' names.
  public var districts: [String]
  /// Kilometres from the `near` point, when one was given.
  public var kilometers: Double?
}

/// What a search found, and a spelling to try when it found nothing.
public struct SearchResults: Sendable, Codable {
  /// The results, best first (or nearest first with `near`).
  public var hits: [SearchHit]
  /// When nothing matched: the closest spelling that has results, if any.
  public var suggestion: String?
  /// The query's terms as the search folded them (simplified, lower case, no punctuation), for
  /// highlighting matches; not part of the JSON.
  public var terms: [String] = []

  private enum CodingKeys: String, CodingKey {
    case hits, suggestion
  }
}
