import Foundation

/// The words for the catalog's closed sets as people read them, in one place; their Chinese is
/// in ``Translations`` (station types use their official Chinese names). Machine outputs keep
/// the raw values.
extension RecordKind {
  /// `gi`, `ich`, `station` (地理标志产品, 非遗项目, 服务站点).
  public var words: Message { Message(verbatim: shortName) }
}

extension ListingLevel {
  /// `national`, `provincial`… (国家级, 省级…).
  public var words: Message { Message(verbatim: rawValue) }
}

extension StationType {
  /// The raw value in English, the official Chinese name in Chinese.
  public func displayName(_ language: Language) -> String {
    language == .zh ? chineseName : rawValue
  }
}

extension StationType {
  /// A column heading: the raw value in English, a short Chinese name in Chinese (先行所, 驿站…).
  public func heading(_ language: Language) -> String {
    guard language == .zh else { return rawValue }
    switch self {
    case .pilotStation: return "先行所"
    case .infoServicePoint: return "信息网点"
    case .giGuidancePoint: return "地标指导点"
    case .servicePost: return "服务驿站"
    case .legalConsultationPoint: return "法律咨询点"
    case .policeLiaisonPoint: return "公安联络点"
    case .arbitrationPoint: return "仲裁联络点"
    case .protectionStation: return "保护工作站"
    }
  }
}

extension MatchClass {
  /// What matched, in words: `name`, `in name`, `alias`….
  public var words: Message { Message(verbatim: label) }
}

extension GapImportance {
  /// Why a gap matters, in words.
  public var words: Message { Message(verbatim: label) }
}

/// A distance as people read it: `850 m`, `2.4 km`, `12 km` (米, 公里 in Chinese).
public func formatKilometers(_ kilometers: Double, _ language: Language = .en) -> String {
  if kilometers < 1 { return language("\(Int((kilometers * 1000).rounded())) m") }
  if kilometers < 10 { return language("\(String(format: "%.1f", kilometers)) km") }
  return language("\(Int(kilometers.rounded())) km")
}

/// A catalog timestamp (`2026-11-25T22:49:10Z`) as people read it: unchanged in English,
/// `2026年11月25日 22:49:10` in Chinese.
func formatTimestamp(_ timestamp: String, _ language: Language) -> String {
  guard language == .zh, timestamp.count >= 19 else { return timestamp }
  let parts = timestamp.prefix(10).split(separator: "-")
  guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) else { return timestamp }
  let time = timestamp.dropFirst(11).prefix(8)
  return "\(parts[0])年\(month)月\(day)日 \(time)"
}
