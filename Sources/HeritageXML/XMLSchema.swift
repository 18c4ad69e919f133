import CLibXML2

/// A compiled XML Schema (XSD), loaded once and shared by every reader that validates with it.
///
/// ```swift
/// let schema = try XMLSchema(path: "/path/to/records-1.xsd")
/// let reader = try XMLStreamReader(path: "teas.xml", schema: schema)
/// ```
///
/// Imports inside the schema must resolve to local files: the schema parser is never allowed
/// onto the network.
public final class XMLSchema: @unchecked Sendable {
  // libxml2 documents a parsed xmlSchema as read-only during validation, so one instance
  // may serve many validation contexts.
  let pointer: xmlSchemaPtr

  /// Parses the schema at `path`.
  /// - Throws: ``XMLDiagnostic`` naming the first problem when the schema does not load.
  public init(path: String) throws(XMLDiagnostic) {
    LibXML.initialize()
    guard let context = xmlSchemaNewParserCtxt(path) else {
      throw XMLDiagnostic(kind: .io, message: "cannot open schema \(path)")
    }
    defer { xmlSchemaFreeParserCtxt(context) }
    let collector = DiagnosticCollector()
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    xmlSchemaSetParserStructuredErrors(context, collectDiagnostic, unmanaged.toOpaque())
    guard let schema = xmlSchemaParse(context) else {
      let first = collector.diagnostics.first?.description ?? "unknown error"
      throw XMLDiagnostic(kind: .schema, message: "schema \(path) does not load: \(first)")
    }
    pointer = schema
  }

  deinit {
    xmlSchemaFree(pointer)
  }
}

/// Gathers libxml2's structured errors for one parser or validation context.
final class DiagnosticCollector {
  var diagnostics: [XMLDiagnostic] = []
}

/// The C callback libxml2 calls with each error; `context` is a retained collector.
let collectDiagnostic: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
  // Warnings (level 1) are not failures of the document.
  guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
  collector.diagnostics.append(XMLDiagnostic(libxmlError: error))
}

/// One-time libxml2 set-up.
enum LibXML {
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  /// Initialises libxml2 once per process; never cleaned up, as a library must not.
  static func initialize() {
    _ = initialized
  }
}
