/// What an ICH item record holds besides the common fields.
public struct HeritageItemDetails: Codable, Hashable, Sendable {
  /// National ICH category.
  public var category: ICHCategory
  /// Listings on the UNESCO, national, provincial, municipal or county lists.
  public var listings: [Listing] = []
  /// Protection units (保护单位).
  public var protectionUnits: [LocalizedText] = []
  /// Representative inheritors (代表性传承人).
  public var inheritors: [Inheritor] = []
  /// Periods of origin or flourishing.
  public var periods: [Period] = []

  /// The highest level among the listings, if any.
  public var highestLevel: ListingLevel? {
    listings.map(\.level).min()
  }
}

/// The level of an ICH list, highest first.
public enum ListingLevel: String, Codable, Sendable, CaseIterable, Comparable {
  // Raw values written out: they are stored in records and are the keys of their Chinese words.
  case unesco = "unesco"
  case national = "national"
  case provincial = "provincial"
  case municipal = "municipal"
  case county = "county"

  public static func < (lhs: ListingLevel, rhs: ListingLevel) -> Bool {
    lhs.rank < rhs.rank
  }

  /// Its place in the order of the lists, UNESCO's first (0) and the county's last; what search
  /// ranks ties by. Spelled out rather than looked up in `allCases`, which builds an array each
  /// time, because ranking compares it thousands of times a query.
  var rank: Int {
    switch self {
    case .unesco: 0
    case .national: 1
    case .provincial: 2
    case .municipal: 3
    case .county: 4
    }
  }

  /// The rank of a record with no listing: after every list.
  static let unlistedRank = 5
}

/// One listing of an ICH item.
public struct Listing: Codable, Hashable, Sendable {
  /// Which list.
  public var level: ListingLevel
  /// The number on the list, such as `V-3` (Roman numerals stored in ASCII).
  public var number: String?
  /// The year of the listing batch.
  public var year: Int?
  /// `new` or `extension` (新增 or 扩展).
  public var type: ListingType?
  /// Free text, such as the UNESCO element it belongs to.
  public var note: String?
}

/// A representative inheritor.
public struct Inheritor: Codable, Hashable, Sendable {
  /// The person's name.
  public var name: LocalizedText
  /// The level of the inheritor list.
  public var level: String?
  /// The year named.
  public var since: Int?
}

/// A period with its label and an EDTF value, such as 明代 and `1368/1644`.
public struct Period: Codable, Hashable, Sendable {
  /// The label as written.
  public var label: LocalizedText
  /// The EDTF value.
  public var edtf: String
}
