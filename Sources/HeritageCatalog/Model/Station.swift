/// The types of station in the protection network.
public enum StationType: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
  /// 知识产权行政保护先行所
  case pilotStation = "pilot-station"
  /// 知识产权信息公共服务网点
  case infoServicePoint = "info-service-point"
  /// 地理标志流动指导服务点
  case giGuidancePoint = "gi-guidance-point"
  /// 知识产权服务驿站
  case servicePost = "service-post"
  /// 知识产权法律公益咨询点
  case legalConsultationPoint = "legal-consultation-point"
  /// 公安知识产权企业联络点
  case policeLiaisonPoint = "police-liaison-point"
  /// 仲裁联络点
  case arbitrationPoint = "arbitration-point"
  /// Other protection stations, such as in Taiwan-investment or overseas parks.
  case protectionStation = "protection-station"

  /// The Chinese name of the station type.
  public var chineseName: String {
    switch self {
    case .pilotStation: "知识产权行政保护先行所"
    case .infoServicePoint: "知识产权信息公共服务网点"
    case .giGuidancePoint: "地理标志流动指导服务点"
    case .servicePost: "知识产权服务驿站"
    case .legalConsultationPoint: "知识产权法律公益咨询点"
    case .policeLiaisonPoint: "公安知识产权企业联络点"
    case .arbitrationPoint: "仲裁联络点"
    case .protectionStation: "知识产权保护工作站"
    }
  }
}

/// What a station record holds besides the common fields.
public struct StationDetails: Codable, Hashable, Sendable {
  /// The type of station.
  public var type: StationType
  /// A featured brand station (特色品牌所).
  public var featured: Bool
  /// Street addresses.
  public var addresses: [LocalizedText] = []
  /// How to reach the station.
  public var contact: Contact?
  /// The GI products and ICH items the station serves, with its role for each.
  public var serves: [ServesLink] = []
}

/// Phone, e-mail and opening hours of a station.
public struct Contact: Codable, Hashable, Sendable {
  public var phone: String?
  public var email: String?
  public var hours: String?
}

/// What a station does for a record it serves.
public enum ServesRole: String, Codable, Sendable, CaseIterable {
  case enforcement
  case guidance
  case consultation
  case promotion
  case registration
}

/// A station's link to a GI product or ICH item it serves.
public struct ServesLink: Codable, Hashable, Sendable {
  /// The id of the record served.
  public var ref: String
  /// The station's role.
  public var role: ServesRole
}
