import CLibXML2

/// Streams the elements and text of one XML file through libxml2's `xmlTextReader`, optionally
/// validating against an XSD as it goes, with memory that stays flat however large the file.
///
/// Schema validation runs inside libxml2's parser, which reads ahead of the events: a schema
/// diagnostic may arrive a few events before the element it is about. Each diagnostic carries
/// its line, and each element its line and column, so callers can pair them.
///
/// The reader never trusts its input: no network (`XML_PARSE_NONET`), no entity substitution,
/// no DTD loading, and a document with a DOCTYPE is refused before libxml2 parses it. Element
/// nesting deeper than ``XMLLimits/maxDepth`` stops the read.
///
/// ```swift
/// let reader = try XMLStreamReader(path: "imports/teas.xml", schema: schema)
/// while let event = reader.next() { … }
/// let problems = reader.takeDiagnostics()
/// ```
public final class XMLStreamReader {
  private let reader: xmlTextReaderPtr
  private let input: InputSource
  private let inputHandle: Unmanaged<InputSource>
  private let collector = DiagnosticCollector()
  private let collectorHandle: Unmanaged<DiagnosticCollector>
  private let limits: XMLLimits
  private let validation: xmlSchemaValidCtxtPtr?
  private var pendingEnd: XMLEvent?
  private var finished = false

  /// Opens `path` for streaming.
  /// - Parameters:
  ///   - path: the file to read; its encoding comes from its BOM or XML declaration.
  ///   - schema: validate against this schema while streaming, or `nil` for well-formedness only.
  ///   - limits: bounds on the document's shape.
  ///   - onBytes: called with every chunk of the file's bytes as the reader takes them in, so
  ///     a caller can hash the file in the same pass that parses it (see
  ///     ``readRemainingBytes()``).
  /// - Throws: ``XMLDiagnostic`` of kind `.io` when the file cannot be opened.
  public init(
    path: String, schema: XMLSchema?, limits: XMLLimits = XMLLimits(),
    onBytes: ((UnsafeRawBufferPointer) -> Void)? = nil
  ) throws(XMLDiagnostic) {
    LibXML.initialize()
    input = try InputSource(path: path)
    // Set before libxml2 starts: it reads the first bytes as the reader is made.
    input.observer = onBytes
    inputHandle = Unmanaged.passRetained(input)
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NODICT.rawValue)
    guard
      let reader = xmlReaderForIO(inputRead, inputClose, inputHandle.toOpaque(), path, nil, options)
    else {
      inputHandle.release()
      throw XMLDiagnostic(kind: .io, message: "libxml2 could not start a reader")
    }
    self.reader = reader
    self.limits = limits
    collectorHandle = Unmanaged.passRetained(collector)
    // Each child of the root is validated on its own, as a subtree, when the reader reaches
    // it: libxml2's whole-stream validation keeps state that grows with the document
    // (about 130 bytes a record), a subtree's goes when the reader moves past it.
    if let schema, let context = xmlSchemaNewValidCtxt(schema.pointer) {
      xmlSchemaSetValidStructuredErrors(context, collectDiagnostic, collectorHandle.toOpaque())
      validation = context
    } else {
      validation = nil
    }
  }

  deinit {
    if let validation { xmlSchemaFreeValidCtxt(validation) }
    xmlFreeTextReader(reader)
    inputHandle.release()
    collectorHandle.release()
  }

  /// After the events end, passes the bytes libxml2 did not read (when it stopped early, at
  /// an error) to the `onBytes` closure, so that it has seen the whole file.
  /// - Returns: `false` when the file could not be read to its end.
  public func readRemainingBytes() -> Bool {
    input.drain()
  }

  /// Returns and clears the diagnostics gathered so far, in the order they were found.
  public func takeDiagnostics() -> [XMLDiagnostic] {
    let taken = collector.diagnostics
    collector.diagnostics.removeAll(keepingCapacity: true)
    return taken
  }

  /// The next event, or `nil` at the end of the document or after a fatal problem.
  public func next() -> XMLEvent? {
    if let end = pendingEnd {
      pendingEnd = nil
      return end
    }
    while !finished {
      let status = readReportingErrors()
      if status != 1 {
        finish(status: status)
        return nil
      }
      if let event = event(for: xmlTextReaderNodeType(reader)) {
        return event
      }
    }
    return nil
  }

  private func event(for nodeType: Int32) -> XMLEvent? {
    switch xmlReaderTypes(rawValue: UInt32(nodeType)) {
    case XML_READER_TYPE_ELEMENT:
      return startElement()
    case XML_READER_TYPE_END_ELEMENT:
      return .endElement(
        localName: currentString(xmlTextReaderConstLocalName),
        namespaceURI: currentString(xmlTextReaderConstNamespaceUri))
    case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA, XML_READER_TYPE_SIGNIFICANT_WHITESPACE,
      XML_READER_TYPE_WHITESPACE:
      return .text(currentString(xmlTextReaderConstValue))
    case XML_READER_TYPE_DOCUMENT_TYPE, XML_READER_TYPE_ENTITY_REFERENCE, XML_READER_TYPE_ENTITY:
      stop(
        XMLDiagnostic(
          kind: .security,
          message: "the document uses a DOCTYPE or entities; records need none, so the file is refused",
          line: Int(xmlTextReaderGetParserLineNumber(reader))))
      return nil
    default:
      return nil
    }
  }

  private func startElement() -> XMLEvent? {
    let depth = Int(xmlTextReaderDepth(reader))
    let position = input.scanner.nextPosition()
    let line = position?.line ?? Int(heritage_node_line(xmlTextReaderCurrentNode(reader)))
    let column = position?.column ?? 0
    if depth > limits.maxDepth {
      stop(
        XMLDiagnostic(
          kind: .security,
          message: "elements nest deeper than \(limits.maxDepth) levels; the file is refused",
          line: line, column: column))
      return nil
    }
    let name = currentString(xmlTextReaderConstLocalName)
    let namespace = currentString(xmlTextReaderConstNamespaceUri)
    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
    var attributes: [XMLAttribute] = []
    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
      if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
      attributes.append(
        XMLAttribute(
          localName: currentString(xmlTextReaderConstLocalName),
          namespaceURI: currentString(xmlTextReaderConstNamespaceUri),
          value: currentString(xmlTextReaderConstValue)))
    }
    xmlTextReaderMoveToElement(reader)
    if depth == 1, let validation {
      reportingErrors {
        if let subtree = xmlTextReaderExpand(reader) { xmlSchemaValidateOneElement(validation, subtree) }
      }
    }
    if isEmpty {
      pendingEnd = .endElement(localName: name, namespaceURI: namespace)
    }
    return .startElement(
      XMLElementStart(
        localName: name, namespaceURI: namespace, attributes: attributes, line: line,
        column: column, depth: depth))
  }

  /// One `xmlTextReaderRead`, with this reader's collector as the thread's error handler.
  private func readReportingErrors() -> Int32 {
    reportingErrors { xmlTextReaderRead(reader) }
  }

  /// Runs `body` with this reader's collector as the thread's structured error handler, so
  /// that parser errors (which libxml2 raises from inside read and expand) reach it.
  private func reportingErrors<Result>(_ body: () -> Result) -> Result {
    var previousContext: UnsafeMutableRawPointer?
    var previous: xmlStructuredErrorFunc?
    heritage_swap_structured_error(collectorHandle.toOpaque(), collectDiagnostic, &previousContext, &previous)
    defer { xmlSetStructuredErrorFunc(previousContext, previous) }
    return body()
  }

  private func finish(status: Int32) {
    finished = true
    if let refusal = input.refusal {
      // libxml2 reports the cut-off input as its own error; the refusal says why.
      collector.diagnostics.removeAll()
      collector.diagnostics.append(refusal)
    } else if let readError = input.readError {
      collector.diagnostics.append(readError)
    } else if status < 0 {
      if collector.diagnostics.isEmpty {
        collector.diagnostics.append(
          XMLDiagnostic(
            kind: .syntax, message: "the document could not be read to its end",
            line: Int(xmlTextReaderGetParserLineNumber(reader))))
      }
    }
  }

  private func stop(_ diagnostic: XMLDiagnostic) {
    collector.diagnostics.append(diagnostic)
    finished = true
  }

  private func currentString(
    _ accessor: (xmlTextReaderPtr?) -> UnsafePointer<xmlChar>?
  ) -> String {
    guard let value = accessor(reader) else { return "" }
    return String(cString: value)
  }
}
