import HeritageXML

/// Writes a record's Dublin Core description as an `oai_dc:dc` document (simple DC, valid
/// against `oai_dc.xsd`): title per language, subject, description, coverage (districts and
/// coordinates), type, identifier, relation and date.
///
/// It sits with the encoders because the store keeps each record's elements (written when
/// the record is stored) for the OAI-PMH provider, and the export writes the same.
enum DublinCore {
  static let oaiNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/"
  static let dcNamespace = "http://purl.org/dc/elements/1.1/"

  /// The version of what ``elements(of:gazetteer:)`` writes: raise it whenever the elements
  /// written for a record change, and the stored ones are no longer used (see `StoredForms`;
  /// the golden files in `Tests/HeritageCatalogTests/Fixtures/stored-forms/` are named by it).
  static let formVersion = 1

  /// A whole `oai_dc:dc` document, indented (a bag's `dc.xml`).
  static func document(_ record: Record, gazetteer: Gazetteer) -> [UInt8] {
    let writer = XMLDocumentWriter()
    startDC(writer)
    writeElements(record, gazetteer: gazetteer, into: writer)
    writer.end()
    return writer.finish()
  }

  /// The `dc:` elements of a record as a fragment on one line, without the `oai_dc:dc`
  /// element around them: the form a catalog stores, and the one ``write(elements:into:)``
  /// puts in a response.
  static func elements(of record: Record, gazetteer: Gazetteer) -> [UInt8] {
    let writer = XMLDocumentWriter.fragment()
    writeElements(record, gazetteer: gazetteer, into: writer)
    return writer.finish()
  }

  /// Writes the `oai_dc:dc` element, namespaces declared on it, around `elements` (from
  /// ``elements(of:gazetteer:)``, fresh or stored), where `writer` stands.
  static func write(elements: [UInt8], into writer: XMLDocumentWriter) {
    writer.raw(wrapper.start)
    writer.raw(elements)
    writer.raw(wrapper.end)
  }

  /// The `oai_dc:dc` start and end tags, the same for every record: written once.
  private static let wrapper = XMLDocumentWriter.tags(of: "oai_dc:dc", attributes: declareNamespaces)

  private static func startDC(_ writer: XMLDocumentWriter) {
    writer.start("oai_dc:dc")
    declareNamespaces(writer)
  }

  private static func declareNamespaces(_ writer: XMLDocumentWriter) {
    writer.namespace(prefix: "oai_dc", uri: oaiNamespace)
    writer.namespace(prefix: "dc", uri: dcNamespace)
    writer.namespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
    writer.attribute("xsi:schemaLocation", "\(oaiNamespace) http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
  }

  /// The `dc:` elements of `record`, where `writer` stands.
  private static func writeElements(_ record: Record, gazetteer: Gazetteer, into writer: XMLDocumentWriter) {
    func element(_ name: String, _ value: LocalizedText) {
      writer.element("dc:\(name)", text: value.text, attributes: value.lang.map { [("xml:lang", $0)] } ?? [])
    }
    for name in record.names { element("title", name) }
    for name in record.altNames { element("title", name) }
    for keyword in record.keywords { element("subject", keyword) }
    if let gi = record.giProduct { for category in gi.category { element("subject", category) } }
    if let item = record.heritageItem {
      element("subject", LocalizedText(lang: "zh", text: "\(item.category.code) \(item.category.name)"))
    }
    for summary in record.summaries { element("description", summary) }
    for code in record.districts {
      if let district = gazetteer.district(code: code) {
        element("coverage", LocalizedText(lang: "zh", text: district.name))
        element("coverage", LocalizedText(lang: "en", text: district.englishName))
      }
    }
    if let point = record.location {
      writer.element("dc:coverage", text: "\(point.lat),\(point.lon)")
    }
    let type: String =
      switch record.kind {
      case .giProduct: "geographic indication product"
      case .heritageItem: "intangible cultural heritage item"
      case .station: "intellectual property protection station"
      }
    writer.element("dc:type", text: type, attributes: [("xml:lang", "en")])
    writer.element("dc:identifier", text: record.id)
    for link in record.related { writer.element("dc:relation", text: link.ref) }
    for link in record.station?.serves ?? [] { writer.element("dc:relation", text: link.ref) }
    var dates = Set<String>()
    for protection in record.giProduct?.protections ?? [] {
      if let date = protection.date { dates.insert(date) }
    }
    for listing in record.heritageItem?.listings ?? [] {
      if let year = listing.year { dates.insert(String(year)) }
    }
    for date in dates.sorted() { writer.element("dc:date", text: date) }
  }
}
