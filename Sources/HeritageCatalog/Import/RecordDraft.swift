import HeritageXML

/// A record as read from XML, before its checks: raw values with the place each came from.
struct RecordDraft {
  struct Located<Value> {
    var value: Value
    var position: SourcePosition
  }

  struct MediaInput {
    var href: String
    var type: String
    var title: String?
    var sha256: String?
  }

  var id: String
  var kind: RecordKind
  var position: SourcePosition
  var status: RecordStatus
  var stationType: StationType?
  var featured = false

  var names: [LocalizedText] = []
  var altNames: [LocalizedText] = []
  var summaries: [LocalizedText] = []
  var keywords: [LocalizedText] = []
  var districts: [Located<String>] = []
  var locations: [Located<GeoPoint>] = []
  var media: [Located<MediaInput>] = []
  var related: [Located<RelatedLink>] = []

  var giCategory: [LocalizedText] = []
  var protectedAreas: [LocalizedText] = []
  var applicants: [LocalizedText] = []
  var protections: [Located<Protection>] = []

  var ichCategories: [Located<(code: String, text: String)>] = []
  var listings: [Located<Listing>] = []
  var protectionUnits: [LocalizedText] = []
  var inheritors: [Inheritor] = []
  var periods: [Located<Period>] = []

  var addresses: [LocalizedText] = []
  var contacts: [Located<Contact>] = []
  var serves: [Located<ServesLink>] = []

  /// Takes one child element of the record, with its text.
  mutating func add(child element: XMLElementStart, text rawText: String) {
    let text = rawText.trimmingWhitespace()
    let here = SourcePosition(line: element.line, column: element.column)
    let lang = element.attribute("lang", namespace: xmlNamespaceURI)
    let localized = LocalizedText(lang: lang, text: text)
    func attribute(_ name: String) -> String? {
      element.attribute(name).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }
    switch element.localName {
    case "name": names.append(localized)
    case "alt-name": altNames.append(localized)
    case "summary": summaries.append(localized)
    case "keyword": keywords.append(localized)
    case "district": districts.append(Located(value: text, position: here))
    case "location":
      if let lat = attribute("lat").flatMap(Double.init), let lon = attribute("lon").flatMap(Double.init) {
        locations.append(Located(value: GeoPoint(lat: lat, lon: lon), position: here))
      }
    case "media":
      let input = MediaInput(
        href: element.attribute("href") ?? "", type: attribute("type") ?? "",
        title: attribute("title"), sha256: attribute("sha256")?.lowercased())
      media.append(Located(value: input, position: here))
    case "related":
      if let ref = attribute("ref") {
        related.append(Located(value: RelatedLink(ref: ref, type: attribute("type")), position: here))
      }
    case "category" where kind == .heritageItem:
      ichCategories.append(Located(value: (attribute("code") ?? "", text), position: here))
    case "category": giCategory.append(localized)
    case "protected-area": protectedAreas.append(localized)
    case "applicant": applicants.append(localized)
    case "protection":
      if let kind = attribute("kind").flatMap(ProtectionKind.init(rawValue:)) {
        let protection = Protection(
          kind: kind, authority: attribute("authority"), number: attribute("number"),
          date: attribute("date"), status: attribute("status").map(ProtectionStatus.init(rawValue:)),
          note: text.isEmpty ? nil : text)
        protections.append(Located(value: protection, position: here))
      }
    case "listing":
      if let level = attribute("level").flatMap(ListingLevel.init(rawValue:)) {
        let listing = Listing(
          level: level, number: attribute("number").map(ICHCategory.normalizedListingNumber),
          year: attribute("year").flatMap { Int($0) },
          type: attribute("type").map(ListingType.init(rawValue:)),
          note: text.isEmpty ? nil : text)
        listings.append(Located(value: listing, position: here))
      }
    case "protection-unit": protectionUnits.append(localized)
    case "inheritor":
      inheritors.append(
        Inheritor(name: localized, level: attribute("level"), since: attribute("since").flatMap { Int($0) }))
    case "period":
      periods.append(Located(value: Period(label: localized, edtf: attribute("edtf") ?? ""), position: here))
    case "address": addresses.append(localized)
    case "contact":
      let contact = Contact(phone: attribute("phone"), email: attribute("email"), hours: attribute("hours"))
      contacts.append(Located(value: contact, position: here))
    case "serves":
      if let ref = attribute("ref"), let role = attribute("role").flatMap(ServesRole.init(rawValue:)) {
        serves.append(Located(value: ServesLink(ref: ref, role: role), position: here))
      }
    default:
      break  // The schema reports elements it does not know.
    }
  }
}
