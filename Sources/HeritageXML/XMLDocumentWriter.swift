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
  private let isDocument: Bool
  private var finished: [UInt8]?

  /// Starts a UTF-8 document, indented with two spaces.
  public convenience init() {
    self.init(document: true)
  }

  private init(document: Bool) {
    LibXML.initialize()
    isDocument = document
    buffer = xmlBufferCreate()
    writer = xmlNewTextWriterMemory(buffer, 0)
    if document {
      xmlTextWriterSetIndent(writer, 1)
      xmlTextWriterSetIndentString(writer, "  ")
      xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }
  }

  /// A writer of a fragment: elements with no XML declaration and no indentation, to be
  /// kept and later put inside a document with ``raw(_:)``. Close every element it opens;
  /// ``finish()`` returns the bytes as written.
  public static func fragment() -> XMLDocumentWriter {
    XMLDocumentWriter(document: false)
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

  /// Writes `text` between `tags` (from ``tags(of:attributes:)``), escaped by libxml2 as
  /// element content: the element ``element(_:text:attributes:)`` writes, for a fraction of
  /// its cost where the same element is written for every record of a page.
  public func element(_ tags: (start: [UInt8], end: [UInt8]), text value: String) {
    raw(tags.start)
    text(value)
    raw(tags.end)
  }

  /// The start and end tags of an element `name` whose attributes (namespaces included)
  /// `attributes` writes, as libxml2 writes them around content: for an element that wraps
  /// many fragments, written once and put around each with ``raw(_:)``.
  public static func tags(
    of name: String, attributes: (XMLDocumentWriter) -> Void
  ) -> (start: [UInt8], end: [UInt8]) {
    let writer = fragment()
    writer.start(name)
    attributes(writer)
    writer.raw([])
    writer.end()
    let whole = writer.finish()
    let end = Array("</\(name)>".utf8)
    precondition(whole.suffix(end.count).elementsEqual(end), "an element with content ends with its end tag")
    return (Array(whole.dropLast(end.count)), end)
  }

  /// Writes `bytes` as they are, where the writer stands (the element just opened is closed
  /// first). They must be well-formed XML content, such as a ``fragment()``'s bytes: nothing
  /// is escaped or checked.
  public func raw(_ bytes: [UInt8]) {
    // With no bytes, the element just opened is still closed (`<a>`, not `<a/>`).
    (bytes.isEmpty ? [0] : bytes).withUnsafeBufferPointer { buffer in
      _ = xmlTextWriterWriteRawLen(writer, buffer.baseAddress, Int32(bytes.count))
    }
  }

  /// Closes every open element and returns the document's bytes (a fragment's, as written).
  public func finish() -> [UInt8] {
    if let finished { return finished }
    if isDocument { xmlTextWriterEndDocument(writer) }
    xmlTextWriterFlush(writer)
    let length = Int(xmlBufferLength(buffer))
    let bytes = xmlBufferContent(buffer).map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
    finished = bytes
    return bytes
  }
}
