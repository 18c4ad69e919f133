import HeritageXML

/// Reads the records of one Heritage Records file as a stream of drafts, with every schema
/// and syntax problem turned into an ``ImportError`` that names the record it is in.
struct RecordReader {
  /// What libxml2 says of an element validated on its own that the schema does not declare.
  static let noDeclaration = "No matching global declaration available for the validation root."

  let path: String
  let displayPath: String
  let schema: XMLSchema

  /// Streams the file, calling `onRecord` with each record as soon as it ends.
  /// - Returns: the problems found, and how many records the file holds.
  func read(onRecord: (RecordDraft) throws -> Void) rethrows -> (errors: [ImportError], records: Int) {
    let reader: XMLStreamReader
    do {
      reader = try XMLStreamReader(path: path, schema: schema)
    } catch {
      return ([ImportError(file: displayPath, message: error.message)], 0)
    }
    var errors: [ImportError] = []
    var records = 0
    var depth = 0
    var draft: RecordDraft?
    var child: XMLElementStart?
    var text = ""
    var lastElement: XMLElementStart?
    var placer = DiagnosticPlacer()
    func append(_ placed: [(XMLDiagnostic, String?)]) {
      // Records are validated one by one; an element that is no record has no declaration,
      // which the reader's own check below names better.
      for (diagnostic, id) in placed where !diagnostic.message.hasSuffix(RecordReader.noDeclaration) {
        errors.append(
          ImportError(
            file: displayPath, line: diagnostic.line, column: diagnostic.column, recordID: id,
            message: diagnostic.message))
      }
    }

    while let event = reader.next() {
      placer.add(reader.takeDiagnostics())
      var finished: RecordDraft?
      switch event {
      case .startElement(let element):
        depth += 1
        lastElement = element
        if element.depth == 1, let id = element.attribute("id") {
          placer.recordStarts(id: id.trimmingWhitespace(), line: element.line)
        }
        append(placer.elementStarts(line: element.line, column: element.column))
        if element.depth == 0 {
          if element.localName != "records" || element.namespaceURI != Record.xmlNamespace {
            errors.append(
              ImportError(
                file: displayPath, line: element.line, column: element.column,
                message:
                  "the root element is <\(element.localName)> in namespace \"\(element.namespaceURI)\"; a Heritage Records file starts with <records xmlns=\"\(Record.xmlNamespace)\">"
              ))
            placer.add(reader.takeDiagnostics())
            append(placer.finish())
            return (errors, records)
          }
          for attribute in element.attributes
          where attribute.namespaceURI.isEmpty && attribute.localName != "source"
            && attribute.localName != "created"
          {
            errors.append(
              ImportError(
                file: displayPath, line: element.line, column: element.column,
                message:
                  "<records> does not take the attribute \(attribute.localName) (only source and created)"))
          }
        } else if element.depth == 1 {
          draft = RecordReader.startDraft(element)
          if draft != nil {
            records += 1
          } else {
            errors.append(
              ImportError(
                file: displayPath, line: element.line, column: element.column,
                recordID: element.attribute("id"),
                message:
                  "<\(element.localName)> is not a record; <records> holds <gi-product>, <heritage-item> and <station> in namespace \(Record.xmlNamespace)"
              ))
          }
        } else if element.depth == 2 {
          child = element
          text = ""
        }
      case .text(let chunk):
        if child != nil {
          text += chunk
        } else if depth == 1, !chunk.allSatisfy(\.isWhitespace) {
          let after = lastElement.map { " after <\($0.localName)> of line \($0.line)" } ?? ""
          errors.append(
            ImportError(
              file: displayPath,
              message: "text outside any record\(after): “\(chunk.trimmingWhitespace().prefix(40))”"))
        }
      case .endElement:
        depth -= 1
        if depth == 2, let element = child {
          draft?.add(child: element, text: text)
          child = nil
        } else if depth == 1 {
          finished = draft
        }
      }
      if let finished {
        draft = nil
        try onRecord(finished)
      }
    }
    placer.add(reader.takeDiagnostics())
    append(placer.finish())
    errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    return (errors, records)
  }

  private static func startDraft(_ element: XMLElementStart) -> RecordDraft? {
    guard element.namespaceURI == Record.xmlNamespace, let kind = RecordKind(rawValue: element.localName)
    else {
      return nil
    }
    var draft = RecordDraft(
      id: element.attribute("id")?.trimmingWhitespace() ?? "", kind: kind,
      position: SourcePosition(line: element.line, column: element.column),
      status: element.attribute("status").flatMap { RecordStatus(rawValue: $0.trimmingWhitespace()) }
        ?? .active)
    if kind == .station {
      draft.stationType = element.attribute("type").flatMap { StationType(rawValue: $0.trimmingWhitespace()) }
      let featured = element.attribute("featured")?.trimmingWhitespace()
      draft.featured = featured == "true" || featured == "1"
    }
    return draft
  }
}
