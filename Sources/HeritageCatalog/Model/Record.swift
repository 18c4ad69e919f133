/// The three kinds of record the catalog keeps.
public enum RecordKind: String, Codable, Sendable, CaseIterable, Comparable {
  /// A geographic-indication product (`<gi-product>`).
  case giProduct = "gi-product"
  /// An intangible cultural heritage item (`<heritage-item>`).
  case heritageItem = "heritage-item"
  /// An IP protection station or service point (`<station>`).
  case station

  /// The short name used on the command line: `gi`, `ich`, `station`.
  public var shortName: String {
    switch self {
    case .giProduct: "gi"
    case .heritageItem: "ich"
    case .station: "station"
    }
  }

  /// The name staff use in Chinese: 地理标志产品, 非遗项目, 服务站点.
  public var chineseName: String {
    switch self {
    case .giProduct: "地理标志产品"
    case .heritageItem: "非遗项目"
    case .station: "服务站点"
    }
  }

  public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Whether a record shows in default results. An import never deletes; it withdraws.
public enum RecordStatus: String, Codable, Sendable {
  case active
  case withdrawn
}

/// Text with the language it is written in (`xml:lang`), when given.
public struct LocalizedText: Codable, Hashable, Sendable {
  /// BCP 47 language tag such as `zh`, `zh-Hant`, `en`; `nil` when the source gave none.
  public var lang: String?
  /// The text, with surrounding white space removed.
  public var text: String

  /// Creates localized text.
  public init(lang: String?, text: String) {
    self.lang = lang
    self.text = text
  }

  /// `true` for Chinese (`zh`, `zh-Hans`, `zh-Hant`, `zh-CN`…).
  public var isChinese: Bool {
    guard let lang = lang?.lowercased() else { return false }
    return lang == "zh" || lang.hasPrefix("zh-")
  }
}

/// A WGS84 point in decimal degrees.
public struct GeoPoint: Codable, Hashable, Sendable {
  /// Latitude, -90 to 90.
  public var lat: Double
  /// Longitude, -180 to 180.
  public var lon: Double

  /// Creates a point.
  public init(lat: Double, lon: Double) {
    self.lat = lat
    self.lon = lon
  }
}

/// A media file of a record, held in the catalog's content-addressed store.
public struct MediaReference: Codable, Hashable, Sendable {
  /// The path as the record gave it, relative to its XML file.
  public var href: String
  /// The media type, such as `image/jpeg`.
  public var type: String
  /// A caption, when given.
  public var title: String?
  /// SHA-256 of the content, lowercase hex: the file's key in the media store.
  public var sha256: String
  /// Size in bytes.
  public var size: Int64
}

/// A link from a record to another GI product or ICH item.
public struct RelatedLink: Codable, Hashable, Sendable {
  /// The id of the record linked to.
  public var ref: String
  /// What the link means, free text such as `product-of` or `part-of`.
  public var type: String?
}

/// One catalog record: a GI product, an ICH item or a station, as one revision holds it.
///
/// Records are value types: two records are the same revision exactly when they are equal,
/// which is how an import tells `unchanged` from `updated`.
public struct Record: Codable, Hashable, Sendable {
  /// The namespace of Heritage Records XML (`records-1.xsd`).
  public static let xmlNamespace = "urn:heritage-catalog:records:1"

  /// Unique id such as `gi:fuzhou-jasmine-tea`.
  public var id: String
  /// Which of the three kinds this is.
  public var kind: RecordKind
  /// `active` or `withdrawn`.
  public var status: RecordStatus
  /// Names, at least one of them Chinese.
  public var names: [LocalizedText]
  /// Other names and aliases.
  public var altNames: [LocalizedText] = []
  /// Short descriptions.
  public var summaries: [LocalizedText] = []
  /// Keywords.
  public var keywords: [LocalizedText] = []
  /// Gazetteer codes of the county-level divisions the record belongs to.
  public var districts: [String] = []
  /// Where the record is, when known.
  public var location: GeoPoint?
  /// Media files.
  public var media: [MediaReference] = []
  /// Links to other GI products and ICH items.
  public var related: [RelatedLink] = []
  /// What only GI products have.
  public var giProduct: GIProductDetails?
  /// What only ICH items have.
  public var heritageItem: HeritageItemDetails?
  /// What only stations have.
  public var station: StationDetails?

  /// The first Chinese name, which the catalog shows first.
  public var primaryName: String {
    (names.first(where: \.isChinese) ?? names.first)?.text ?? id
  }
}
