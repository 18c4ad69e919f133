import HeritageXML

/// Writes one OAI-PMH 2.0 response through libxml2: the envelope, the echoed request, and the
/// headers and records of the lists, valid against `OAI-PMH.xsd`.
struct OAIResponseWriter {
  static let namespace = "http://www.openarchives.org/OAI/2.0/"
  static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"

  let writer = XMLDocumentWriter()

  /// Opens the response; `echo` `nil` writes `<request>` without attributes (after a bad verb
  /// or a bad argument).
  init(responseDate: String, endpoint: String, echo: [(String, String)]?) {
    writer.start("OAI-PMH")
    writer.namespace(prefix: nil, uri: OAIResponseWriter.namespace)
    writer.namespace(prefix: "xsi", uri: OAIResponseWriter.schemaInstance)
    writer.attribute(
      "xsi:schemaLocation", "\(OAIResponseWriter.namespace) http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    writer.element("responseDate", text: responseDate)
    writer.element("request", text: endpoint, attributes: echo ?? [])
  }

  func error(_ error: OAIError) {
    writer.element("error", text: error.message, attributes: [("code", error.code.rawValue)])
  }

  /// The tags a list writes for each of its records, made once by libxml2 (as the set specs
  /// are) and copied: writing each element anew was a third of a ListRecords page.
  private static let recordTags = XMLDocumentWriter.tags(of: "record") { _ in }
  private static let headerTags = XMLDocumentWriter.tags(of: "header") { _ in }
  private static let deletedHeaderTags = XMLDocumentWriter.tags(of: "header") {
    $0.attribute("status", "deleted")
  }
  private static let identifierTags = XMLDocumentWriter.tags(of: "identifier") { _ in }
  private static let datestampTags = XMLDocumentWriter.tags(of: "datestamp") { _ in }
  private static let metadataTags = XMLDocumentWriter.tags(of: "metadata") { _ in }

  /// A record's header: `status="deleted"` for a withdrawn record. A set whose element
  /// `setSpecTags` holds (``OAIProvider``'s, written once) is copied from it.
  func header(_ entry: HarvestEntry, repository: String, setSpecTags: [String: [UInt8]]) {
    writer.raw(entry.status == .withdrawn ? Self.deletedHeaderTags.start : Self.headerTags.start)
    writer.element(Self.identifierTags, text: OAIIdentifier.make(id: entry.id, repository: repository))
    writer.element(Self.datestampTags, text: entry.datestamp)
    for spec in OAISets.specs(of: entry) {
      if let tag = setSpecTags[spec] {
        writer.raw(tag)
      } else {
        writer.element("setSpec", text: spec)
      }
    }
    writer.raw(Self.headerTags.end)
  }

  /// A whole record: its header and, unless it is withdrawn, its metadata in `format`.
  func record(_ entry: HarvestEntry, format: OAIMetadataFormat, provider: OAIProvider) {
    let (gazetteer, links) = (provider.catalog.gazetteer, provider.links)
    writer.raw(Self.recordTags.start)
    header(entry, repository: provider.settings.repositoryIdentifier, setSpecTags: provider.setSpecTags)
    // The stored form when it is current, else written now: the same bytes either way.
    if entry.status != .withdrawn {
      switch format {
      case .dublinCore:
        if let elements = entry.storedForm
          ?? entry.record.map({ DublinCore.elements(of: $0, gazetteer: gazetteer) })
        {
          writer.raw(Self.metadataTags.start)
          DublinCore.write(elements: elements, into: writer)
          writer.raw(Self.metadataTags.end)
        }
      case .heritage:
        if let element = entry.storedForm
          ?? entry.record.map({ record in
            let media = Dictionary(record.media.map { ($0.sha256, links.media + $0.sha256) }) { first, _ in
              first
            }
            return RecordXML.element(of: record, gazetteer: gazetteer, mediaPaths: media)
          })
        {
          writer.raw(Self.metadataTags.start)
          RecordXML.write(element: element, wrapper: provider.recordsWrapper, into: writer)
          writer.raw(Self.metadataTags.end)
        }
      }
    }
    writer.raw(Self.recordTags.end)
  }

  /// The resumption token element: `token` `nil` writes the empty one that ends a list.
  func resumptionToken(_ token: String?, completeListSize: Int, cursor: Int) {
    writer.element(
      "resumptionToken", text: token,
      attributes: [("completeListSize", String(completeListSize)), ("cursor", String(cursor))])
  }

  func finish() -> [UInt8] { writer.finish() }
}

/// OAI identifiers: `oai:{repository identifier}:{record id}` (the oai-identifier guideline).
enum OAIIdentifier {
  static func make(id: String, repository: String) -> String { "oai:\(repository):\(id)" }

  /// The record id inside `identifier`, or `nil` when it is not one of this repository's.
  static func recordID(_ identifier: String, repository: String) -> String? {
    let prefix = "oai:\(repository):"
    guard identifier.hasPrefix(prefix) else { return nil }
    let id = String(identifier.dropFirst(prefix.count))
    return id.isEmpty ? nil : id
  }
}
