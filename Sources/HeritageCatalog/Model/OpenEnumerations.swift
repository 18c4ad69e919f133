/// A closed set of words that keeps unknown ones: every known word is a case, any other is
/// kept as written, so revisions stored with a word this version does not know still decode.
/// Encoded as the word itself.
public protocol OpenEnumeration: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The value for `rawValue`, a known case or the word kept as written.
  init(rawValue: String)
  /// The word.
  var rawValue: String { get }
}

extension OpenEnumeration {
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }
}

/// The status of a GI protection. Revisions stored before a value was known still decode: an
/// unknown word is kept as ``other(_:)``.
public enum ProtectionStatus: OpenEnumeration {
  case active
  case pending
  case expired
  case revoked
  /// A status this version does not know, as written.
  case other(String)

  public init(rawValue: String) {
    switch rawValue {
    case "active": self = .active
    case "pending": self = .pending
    case "expired": self = .expired
    case "revoked": self = .revoked
    default: self = .other(rawValue)
    }
  }

  public var rawValue: String {
    switch self {
    case .active: "active"
    case .pending: "pending"
    case .expired: "expired"
    case .revoked: "revoked"
    case .other(let word): word
    }
  }
}

/// Whether a listing is a new item or an extension of an earlier one (新增 or 扩展). An
/// unknown word is kept as ``other(_:)``.
public enum ListingType: OpenEnumeration {
  /// 新增.
  case new
  /// 扩展.
  case `extension`
  /// A type this version does not know, as written.
  case other(String)

  public init(rawValue: String) {
    switch rawValue {
    case "new": self = .new
    case "extension": self = .extension
    default: self = .other(rawValue)
    }
  }

  public var rawValue: String {
    switch self {
    case .new: "new"
    case .extension: "extension"
    case .other(let word): word
    }
  }
}
