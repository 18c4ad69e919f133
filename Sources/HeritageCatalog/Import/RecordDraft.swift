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
    let child = Child(element: element, text: rawText.trimmingWhitespace())
    switch element.localName {
    case "name": names.append(child.localized)
    case "alt-name": altNames.append(child.localized)
    case "summary": summaries.append(child.localized)
    case "keyword": keywords.append(child.localized)
    case "district": districts.append(Located(value: child.text, position: child.here))
    case "location":
      if let lat = child.attribute("lat").flatMap(Double.init),
        let lon = child.attribute("lon").flatMap(Double.init)
      {
        locations.append(Located(value: GeoPoint(lat: lat, lon: lon), position: child.here))
      }
    case "media":
      let input = MediaInput(
        href: element.attribute("href") ?? "", type: child.attribute("type") ?? "",
        title: child.attribute("title"), sha256: child.attribute("sha256")?.lowercased())
      media.append(Located(value: input, position: child.here))
    case "related":
      if let ref = child.attribute("ref") {
        related.append(
          Located(value: RelatedLink(ref: ref, type: child.attribute("type")), position: child.here))
      }
    default:
      switch kind {
      case .giProduct: addGIField(child)
      case .heritageItem: addHeritageField(child)
      case .station: addStationField(child)
      }
    }
  }

  /// A child element with its trimmed text, position and language.
  private struct Child {
    let element: XMLElementStart
    let text: String

    var here: SourcePosition { SourcePosition(line: element.line, column: element.column) }
    var localized: LocalizedText {
      LocalizedText(lang: element.attribute("lang", namespace: xmlNamespaceURI), text: text)
    }
    var note: String? { text.isEmpty ? nil : text }

    /// The attribute trimmed, `nil` when absent or empty.
    func attribute(_ name: String) -> String? {
      element.attribute(name).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }
  }

  private mutating func addGIField(_ child: Child) {
    switch child.element.localName {
    case "category": giCategory.append(child.localized)
    case "protected-area": protectedAreas.append(child.localized)
    case "applicant": applicants.append(child.localized)
    case "protection":
      if let kind = child.attribute("kind").flatMap(ProtectionKind.init(rawValue:)) {
        let protection = Protection(
          kind: kind, authority: child.attribute("authority"), number: child.attribute("number"),
          date: child.attribute("date"),
          status: child.attribute("status").map(ProtectionStatus.init(rawValue:)),
          note: child.note)
        protections.append(Located(value: protection, position: child.here))
      }
    default: break  // The schema reports elements it does not know.
    }
  }

  private mutating func addHeritageField(_ child: Child) {
    switch child.element.localName {
    case "category":
      ichCategories.append(Located(value: (child.attribute("code") ?? "", child.text), position: child.here))
    case "listing":
      if let level = child.attribute("level").flatMap(ListingLevel.init(rawValue:)) {
        let listing = Listing(
          level: level, number: child.attribute("number").map(ICHCategory.normalizedListingNumber),
          year: child.attribute("year").flatMap { Int($0) },
          type: child.attribute("type").map(ListingType.init(rawValue:)), note: child.note)
        listings.append(Located(value: listing, position: child.here))
      }
    case "protection-unit": protectionUnits.append(child.localized)
    case "inheritor":
      inheritors.append(
        Inheritor(
          name: child.localized, level: child.attribute("level"),
          since: child.attribute("since").flatMap { Int($0) }))
    case "period":
      periods.append(
        Located(
          value: Period(label: child.localized, edtf: child.attribute("edtf") ?? ""), position: child.here))
    default: break  // The schema reports elements it does not know.
    }
  }

  private mutating func addStationField(_ child: Child) {
    switch child.element.localName {
    case "address": addresses.append(child.localized)
    case "contact":
      let contact = Contact(
        phone: child.attribute("phone"), email: child.attribute("email"), hours: child.attribute("hours"))
      contacts.append(Located(value: contact, position: child.here))
    case "serves":
      if let ref = child.attribute("ref"),
        let role = child.attribute("role").flatMap(ServesRole.init(rawValue:))
      {
        serves.append(Located(value: ServesLink(ref: ref, role: role), position: child.here))
      }
    default: break  // The schema reports elements it does not know.
    }
  }
}
