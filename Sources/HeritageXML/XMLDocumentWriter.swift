import CLibXML2

/// Writes an XML document into memory through libxml2's `xmlTextWriter`, which escapes text
/// and attribute values and keeps elements balanced.
///
/// Names are written as given, prefix included (`mets:file`); declare namespaces with
/// ``namespace(prefix:uri:)`` on the element that should carry them.
///
/// ```swift
/// let writer = XMLDocumentWriter()
/// writer.start("records")
/// writer.namespace(prefix: nil, uri: "urn:heritage-catalog:records:1")
/// writer.element("name", text: "闽剧", attributes: [("xml:lang", "zh")])
/// writer.end()
/// let bytes = writer.finish()
/// ```
public final class XMLDocumentWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr
  private var finished: [UInt8]?

  /// Starts a UTF-8 document, indented with two spaces.
  public init() {
    LibXML.initialize()
    buffer = xmlBufferCreate()
    writer = xmlNewTextWriterMemory(buffer, 0)
    xmlTextWriterSetIndent(writer, 1)
    xmlTextWriterSetIndentString(writer, "  ")
    xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  /// Opens an element.
  public func start(_ name: String) {
    xmlTextWriterStartElement(writer, name)
  }

  /// Declares a namespace on the element just opened; `prefix` `nil` for the default one.
  public func namespace(prefix: String?, uri: String) {
    attribute(prefix.map { "xmlns:\($0)" } ?? "xmlns", uri)
  }

  /// Writes an attribute on the element just opened.
  public func attribute(_ name: String, _ value: String) {
    xmlTextWriterWriteAttribute(writer, name, value)
  }

  /// Writes escaped text.
  public func text(_ value: String) {
    xmlTextWriterWriteString(writer, value)
  }

  /// Closes the element opened last.
  public func end() {
    xmlTextWriterEndElement(writer)
  }

  /// Writes `<name attributes…>text</name>`, or an empty element when `text` is `nil`.
  public func element(_ name: String, text value: String? = nil, attributes: [(String, String)] = []) {
    start(name)
    for (key, attributeValue) in attributes { attribute(key, attributeValue) }
    if let value { text(value) }
    end()
  }

  /// Closes every open element and returns the document's bytes.
  public func finish() -> [UInt8] {
    if let finished { return finished }
    xmlTextWriterEndDocument(writer)
    xmlTextWriterFlush(writer)
    let length = Int(xmlBufferLength(buffer))
    let bytes = xmlBufferContent(buffer).map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
    finished = bytes
    return bytes
  }
}
