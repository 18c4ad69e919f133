public import Foundation

/// The county-level divisions a catalog accepts, loaded from a JSON file.
///
/// The catalog ships Fuzhou's 13 divisions (`Resources/gazetteer.json`); a catalog folder
/// that holds its own `gazetteer.json` uses that one instead.
public struct Gazetteer: Sendable {
  /// The divisions, in the file's order.
  public let districts: [District]
  private let lookup: [String: Int]
  /// SHA-256 of every division's code, name and English name: what a stored Dublin Core form
  /// shows of the gazetteer, so a form stored under another digest is stale.
  let namesDigest: String

  /// Loads a gazetteer file.
  /// - Throws: ``CatalogError`` when the file is missing or malformed.
  public init(contentsOf url: URL) throws {
    struct File: Decodable { var districts: [District] }
    do {
      let data = try Data(contentsOf: url)
      self.init(districts: try JSONDecoder().decode(File.self, from: data).districts)
    } catch {
      throw CatalogError(
        .invalidConfiguration, "gazetteer \(url.path) cannot be read: \(error)", underlying: error)
    }
  }

  /// Creates a gazetteer from divisions.
  public init(districts: [District]) {
    self.districts = districts
    var lookup: [String: Int] = [:]
    for (index, district) in districts.enumerated() {
      for key in [district.code, district.name, district.englishName] + district.aliases {
        lookup[Gazetteer.key(key)] = index
      }
    }
    self.lookup = lookup
    namesDigest = sha256Hex(districts.map { "\($0.code)\t\($0.name)\t\($0.englishName)\n" }.joined())
  }

  /// The gazetteer that ships with the catalog.
  public static func bundled() throws -> Gazetteer {
    try Gazetteer(contentsOf: Resources.url(for: "gazetteer.json"))
  }

  /// The district named by `text`: its code, official or English name or an alias, in
  /// simplified or traditional characters.
  public func district(named text: String) -> District? {
    let key = Gazetteer.key(text)
    if let index = lookup[key] ?? lookup[TextFolding.simplified(key)] {
      return districts[index]
    }
    return nil
  }

  /// The district named by `text`, or an error that names the closest known ones.
  /// - Throws: ``CatalogError`` with code `.invalidArgument` and ``unknownDistrictMessage(_:)``.
  public func requireDistrict(named text: String) throws -> District {
    guard let district = district(named: text) else {
      throw CatalogError(.invalidArgument, unknownDistrictMessage(text))
    }
    return district
  }

  /// `unknown district 鼓搂区 (did you mean 鼓楼区?)`.
  public func unknownDistrictMessage(_ name: String) -> Message {
    let suggestions = suggestions(for: name)
    guard !suggestions.isEmpty else { return "unknown district \(name)" }
    return "unknown district \(name) (did you mean \(Message.either(suggestions))?)"
  }

  /// The district with this code.
  public func district(code: String) -> District? {
    districts.first { $0.code == code }
  }

  /// The known names closest in spelling to `text`, best first.
  public func suggestions(for text: String, limit: Int = 3) -> [String] {
    let target = Array(TextFolding.simplified(Gazetteer.key(text)))
    let scored = districts.map { district -> (String, Int) in
      let candidates = [district.name, district.englishName] + district.aliases
      let best = candidates.map { editDistance(Array(Gazetteer.key($0)), target) }.min() ?? Int.max
      return (district.name, best)
    }
    let sorted = scored.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }
    guard let best = sorted.first?.1 else { return [] }
    return sorted.prefix(limit).filter { $0.1 == best }.map(\.0)
  }

  private static func key(_ text: String) -> String {
    text.trimmingWhitespace().precomposedStringWithCanonicalMapping.lowercased()
  }
}
