public import Foundation
import HeritageXML

/// An OAI-PMH 2.0 data provider over a catalog: the six verbs, `oai_dc` and the native Heritage
/// Records XML, sets by kind and by district, persistent deleted records (a withdrawn record
/// answers with `status="deleted"`), and stateless resumption tokens keyed on datestamp and id.
///
/// It is transport-free: give it a request's arguments (from a query string or a form body)
/// and it returns the response document. Protocol errors are part of that document.
///
/// ```swift
/// let provider = OAIProvider(catalog: catalog, settings: try .load(for: catalog),
///                            links: .init(baseURL: "http://127.0.0.1:8080"))
/// let response = try provider.respond(to: [("verb", "Identify")])
/// ```
public struct OAIProvider: Sendable {
  /// The addresses a response names.
  public struct Links: Sendable, Hashable {
    /// The OAI-PMH endpoint (`baseURL` of `Identify`).
    public var endpoint: String
    /// Where `records-1.xsd` is served.
    public var recordsSchema: String
    /// The prefix of media files' addresses; a file's SHA-256 follows it.
    public var media: String

    /// The addresses under a server's base URL: `/oai`, `/schemas/records-1.xsd`, `/api/v1/media/`.
    public init(baseURL: String) {
      let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
      endpoint = base + "/oai"
      recordsSchema = base + "/schemas/records-1.xsd"
      media = base + "/api/v1/media/"
    }
  }

  /// One response.
  public struct Response: Sendable {
    /// The XML document, UTF-8.
    public var body: [UInt8]
    /// The protocol error it carries, if any (for logs).
    public var error: OAIError?
  }

  let catalog: Catalog
  let settings: OAISettings
  let links: Links
  /// The `records` tags around each record in the native format (they name this server's
  /// schema address).
  let recordsWrapper: (start: [UInt8], end: [UInt8])
  /// Each set's `<setSpec>` element as libxml2 writes it, by spec: every kind and every
  /// district of the gazetteer, written once for every header that names them.
  let setSpecTags: [String: [UInt8]]

  /// Creates a provider.
  public init(catalog: Catalog, settings: OAISettings, links: Links) {
    self.catalog = catalog
    self.settings = settings
    self.links = links
    recordsWrapper = RecordXML.wrapper(schemaLocation: links.recordsSchema)
    let specs =
      RecordKind.allCases.map(\.shortName)
      + catalog.gazetteer.districts.map { OAISets.districtPrefix + $0.code }
    setSpecTags = Dictionary(
      specs.map { spec in
        let writer = XMLDocumentWriter.fragment()
        writer.element("setSpec", text: spec)
        return (spec, writer.finish())
      }
    ) { first, _ in first }
  }

  /// Answers the request made of `arguments`, in the order they came.
  /// - Throws: ``CatalogError`` only when the catalog itself fails; bad requests are answered.
  public func respond(to arguments: [(name: String, value: String)], now: Date = Date()) throws -> Response {
    let date = now.ISO8601Format()
    let request: OAIRequest
    do {
      request = try OAIRequest(arguments)
    } catch let error as OAIError {
      return Response(body: errorDocument(error, date: date, echo: nil), error: error)
    }
    let writer = OAIResponseWriter(responseDate: date, endpoint: links.endpoint, echo: request.echo)
    do {
      let body = try answer(request, date: date)
      writer.writer.start(request.verb.rawValue)
      body(writer)
      writer.writer.end()
      return Response(body: writer.finish(), error: nil)
    } catch let error as OAIError {
      return Response(body: errorDocument(error, date: date, echo: request.echo), error: error)
    }
  }

  /// A malformed request's answer: a `badArgument` for what could not be decoded (bad
  /// percent escapes, bytes that are not UTF-8).
  public func respond(undecodable reason: String, now: Date = Date()) -> Response {
    let error = OAIError(.badArgument, reason)
    return Response(
      body: errorDocument(error, date: now.ISO8601Format(), echo: nil), error: error)
  }

  private func errorDocument(_ error: OAIError, date: String, echo: [(String, String)]?) -> [UInt8] {
    let writer = OAIResponseWriter(
      responseDate: date, endpoint: links.endpoint, echo: error.echoesArguments ? echo : nil)
    writer.error(error)
    return writer.finish()
  }

  /// Reads what the verb needs (so a protocol error is found before anything is written) and
  /// returns what writes the verb's element.
  private func answer(_ request: OAIRequest, date: String) throws -> (OAIResponseWriter) -> Void {
    switch request.verb {
    case .identify: return try identify(date: date)
    case .listMetadataFormats: return try listMetadataFormats(identifier: request.identifier)
    case .listSets:
      if request.resumptionToken != nil {
        throw OAIError(.badResumptionToken, "ListSets answers in one response; it gives no resumption token")
      }
      let sets = OAISets.all(gazetteer: catalog.gazetteer)
      return { response in
        for set in sets {
          response.writer.start("set")
          response.writer.element("setSpec", text: set.spec)
          response.writer.element("setName", text: set.name)
          response.writer.end()
        }
      }
    case .getRecord: return try getRecord(request)
    case .listIdentifiers, .listRecords: return try list(request)
    }
  }

  private func identify(date: String) throws -> (OAIResponseWriter) -> Void {
    let earliest = try catalog.earliestDatestamp() ?? date
    let sample = try catalog.harvest(HarvestSelection(), after: nil, limit: 1, withRecords: false).entries
      .first?.id
    return { [settings, links] response in
      let writer = response.writer
      writer.element("repositoryName", text: settings.repositoryName)
      writer.element("baseURL", text: links.endpoint)
      writer.element("protocolVersion", text: "2.0")
      writer.element("adminEmail", text: settings.adminEmail)
      writer.element("earliestDatestamp", text: earliest)
      writer.element("deletedRecord", text: "persistent")
      writer.element("granularity", text: "YYYY-MM-DDThh:mm:ssZ")
      writer.start("description")
      writer.start("oai-identifier")
      writer.namespace(prefix: nil, uri: "http://www.openarchives.org/OAI/2.0/oai-identifier")
      writer.attribute(
        "xsi:schemaLocation",
        "http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
      )
      writer.element("scheme", text: "oai")
      writer.element("repositoryIdentifier", text: settings.repositoryIdentifier)
      writer.element("delimiter", text: ":")
      writer.element(
        "sampleIdentifier",
        text: OAIIdentifier.make(
          id: sample ?? "gi:fuzhou-jasmine-tea", repository: settings.repositoryIdentifier))
      writer.end()
      writer.end()
    }
  }

  private func listMetadataFormats(identifier: String?) throws -> (OAIResponseWriter) -> Void {
    if let identifier { _ = try entry(identifier, withRecord: false) }
    return { [links] response in
      for format in OAIMetadataFormat.allCases {
        response.writer.start("metadataFormat")
        response.writer.element("metadataPrefix", text: format.rawValue)
        response.writer.element("schema", text: format.schema(links))
        response.writer.element("metadataNamespace", text: format.namespace)
        response.writer.end()
      }
    }
  }

  private func getRecord(_ request: OAIRequest) throws -> (OAIResponseWriter) -> Void {
    let format = try OAIMetadataFormat.named(request.metadataPrefix ?? "")
    let found = try entry(request.identifier ?? "", withRecord: true, storedForm: format.storedForm)
    return { [self] response in
      response.record(found, format: format, provider: self)
    }
  }

  private func entry(_ identifier: String, withRecord: Bool, storedForm: StoredForm? = nil) throws
    -> HarvestEntry
  {
    guard let id = OAIIdentifier.recordID(identifier, repository: settings.repositoryIdentifier),
      let found = try catalog.harvestEntry(id: id, withRecord: withRecord, storedForm: storedForm)
    else { throw OAIError(.idDoesNotExist, "no record \(identifier) in this repository") }
    return found
  }
}
