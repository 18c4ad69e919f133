import HeritageXML

/// Writes a record back in Heritage Records XML, version 1, valid against `records-1.xsd`.
///
/// It sits with the encoders because the store keeps each record's element (written when the
/// record is stored) for the OAI-PMH provider, as it does its Dublin Core.
enum RecordXML {
  /// The version of what ``element(of:gazetteer:mediaPaths:)`` writes: raise it whenever the
  /// element written for a record changes, and the stored ones are no longer used (see
  /// `StoredForms`; the golden files in `Tests/HeritageCatalogTests/Fixtures/stored-forms/`).
  static let formVersion = 1

  /// The document for one record; `mediaPaths` maps each media SHA-256 to its path relative to
  /// the document.
  static func document(_ record: Record, gazetteer: Gazetteer, mediaPaths: [String: String]) -> [UInt8] {
    let writer = XMLDocumentWriter()
    writer.start("records")
    declareNamespaces(writer, schemaLocation: nil)
    writeRecordElement(record, gazetteer: gazetteer, mediaPaths: mediaPaths, into: writer)
    writer.end()
    return writer.finish()
  }

  /// The record's element (`gi-product`, `heritage-item` or `station`) as a fragment on one
  /// line, without the `records` element around it: the form a catalog stores, and the one
  /// ``write(element:wrapper:into:)`` puts in a response.
  static func element(of record: Record, gazetteer: Gazetteer, mediaPaths: [String: String]) -> [UInt8] {
    let writer = XMLDocumentWriter.fragment()
    writeRecordElement(record, gazetteer: gazetteer, mediaPaths: mediaPaths, into: writer)
    return writer.finish()
  }

  /// The `records` element's start and end tags, declaring its namespace and, when given, the
  /// schema's location: the same around every record a server sends, so written once.
  static func wrapper(schemaLocation: String?) -> (start: [UInt8], end: [UInt8]) {
    XMLDocumentWriter.tags(of: "records") { declareNamespaces($0, schemaLocation: schemaLocation) }
  }

  /// Declares the records namespace on the `records` element just opened and, when given, an
  /// `xsi:schemaLocation` pointing at that URL of `records-1.xsd`.
  private static func declareNamespaces(_ writer: XMLDocumentWriter, schemaLocation: String?) {
    writer.namespace(prefix: nil, uri: Record.xmlNamespace)
    if let schemaLocation {
      writer.namespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
      writer.attribute("xsi:schemaLocation", "\(Record.xmlNamespace) \(schemaLocation)")
    }
  }

  /// Writes `element` (from ``element(of:gazetteer:mediaPaths:)``, fresh or stored) inside the
  /// `records` tags of ``wrapper(schemaLocation:)``, where `writer` stands.
  static func write(element: [UInt8], wrapper: (start: [UInt8], end: [UInt8]), into writer: XMLDocumentWriter)
  {
    writer.raw(wrapper.start)
    writer.raw(element)
    writer.raw(wrapper.end)
  }

  /// The record's element, where `writer` stands.
  private static func writeRecordElement(
    _ record: Record, gazetteer: Gazetteer, mediaPaths: [String: String], into writer: XMLDocumentWriter
  ) {
    writer.start(record.kind.rawValue)
    writer.attribute("id", record.id)
    if record.status == .withdrawn { writer.attribute("status", "withdrawn") }
    if let station = record.station {
      writer.attribute("type", station.type.rawValue)
      if station.featured { writer.attribute("featured", "true") }
    }
    func texts(_ name: String, _ values: [LocalizedText]) {
      for value in values {
        writer.element(name, text: value.text, attributes: value.lang.map { [("xml:lang", $0)] } ?? [])
      }
    }
    texts("name", record.names)
    texts("alt-name", record.altNames)
    texts("summary", record.summaries)
    texts("keyword", record.keywords)
    for code in record.districts {
      writer.element("district", text: gazetteer.district(code: code)?.name ?? code)
    }
    if let point = record.location {
      writer.element("location", attributes: [("lat", "\(point.lat)"), ("lon", "\(point.lon)")])
    }
    for item in record.media {
      var attributes = [("href", mediaPaths[item.sha256] ?? item.href), ("type", item.type)]
      if let title = item.title { attributes.append(("title", title)) }
      attributes.append(("sha256", item.sha256))
      writer.element("media", attributes: attributes)
    }
    for link in record.related {
      writer.element("related", attributes: [("ref", link.ref)] + (link.type.map { [("type", $0)] } ?? []))
    }
    if let gi = record.giProduct { writeGI(gi, writer: writer, texts: texts) }
    if let item = record.heritageItem { writeHeritage(item, writer: writer, texts: texts) }
    if let station = record.station { writeStation(station, writer: writer, texts: texts) }
    writer.end()
  }

  private static func writeGI(
    _ gi: GIProductDetails, writer: XMLDocumentWriter, texts: (String, [LocalizedText]) -> Void
  ) {
    texts("category", gi.category)
    texts("protected-area", gi.protectedAreas)
    texts("applicant", gi.applicants)
    for protection in gi.protections {
      let optional: [(String, String?)] = [
        ("authority", protection.authority), ("number", protection.number), ("date", protection.date),
        ("status", protection.status?.rawValue),
      ]
      writer.element(
        "protection", text: protection.note,
        attributes: [("kind", protection.kind.rawValue)]
          + optional.compactMap { key, value in value.map { (key, $0) } })
    }
  }

  private static func writeHeritage(
    _ item: HeritageItemDetails, writer: XMLDocumentWriter, texts: (String, [LocalizedText]) -> Void
  ) {
    writer.element("category", text: item.category.name, attributes: [("code", item.category.code)])
    for listing in item.listings {
      let optional: [(String, String?)] = [
        ("number", listing.number), ("year", listing.year.map(String.init)), ("type", listing.type?.rawValue),
      ]
      writer.element(
        "listing", text: listing.note,
        attributes: [("level", listing.level.rawValue)]
          + optional.compactMap { key, value in value.map { (key, $0) } })
    }
    texts("protection-unit", item.protectionUnits)
    for inheritor in item.inheritors {
      let optional: [(String, String?)] = [
        ("level", inheritor.level), ("since", inheritor.since.map(String.init)),
        ("xml:lang", inheritor.name.lang),
      ]
      writer.element(
        "inheritor", text: inheritor.name.text,
        attributes: optional.compactMap { key, value in value.map { (key, $0) } })
    }
    for period in item.periods {
      writer.element(
        "period", text: period.label.text,
        attributes: [("edtf", period.edtf)] + (period.label.lang.map { [("xml:lang", $0)] } ?? []))
    }
  }

  private static func writeStation(
    _ station: StationDetails, writer: XMLDocumentWriter, texts: (String, [LocalizedText]) -> Void
  ) {
    texts("address", station.addresses)
    if let contact = station.contact {
      let optional: [(String, String?)] = [
        ("phone", contact.phone), ("email", contact.email), ("hours", contact.hours),
      ]
      writer.element("contact", attributes: optional.compactMap { key, value in value.map { (key, $0) } })
    }
    for link in station.serves {
      writer.element("serves", attributes: [("ref", link.ref), ("role", link.role.rawValue)])
    }
  }
}
