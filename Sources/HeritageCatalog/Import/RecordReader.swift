import Foundation
import HeritageXML

/// Reads the records of one Heritage Records file as a stream of drafts, with every schema
/// and syntax problem turned into an ``ImportError`` that names the record it is in.
struct RecordReader {
  /// What libxml2 says of an element validated on its own that the schema does not declare.
  static let noDeclaration = "No matching global declaration available for the validation root."

  let path: String
  let displayPath: String
  let schema: XMLSchema

  /// What reading one file found.
  struct FileRead {
    /// The problems, in line order.
    var errors: [ImportError] = []
    /// How many records the file holds.
    var records = 0
    /// SHA-256 of the file's bytes, taken in the same pass that parsed them; `nil` when the
    /// file could not be read to its end.
    var sha256: String?
    /// The file's size in bytes.
    var size: Int64 = 0
  }

  /// Streams the file, calling `onRecord` with each record as soon as it ends, and hashes its
  /// bytes as they are read (the file is read once).
  func read(onRecord: (RecordDraft) throws -> Void) rethrows -> FileRead {
    let hasher = MultiHasher(algorithms: [.sha256])
    var size: Int64 = 0
    let reader: XMLStreamReader
    do {
      reader = try XMLStreamReader(path: path, schema: schema) { bytes in
        hasher.update(bytes)
        size += Int64(bytes.count)
      }
    } catch {
      return FileRead(errors: [ImportError(file: displayPath, message: LibXMLMessages.message(error.message))]
      )
    }
    var state = ReadState(displayPath: displayPath)
    while let event = reader.next() {
      state.placer.add(reader.takeDiagnostics())
      guard state.handle(event) else { break }
      if let finished = state.finished {
        state.finished = nil
        try onRecord(finished)
      }
    }
    state.placer.add(reader.takeDiagnostics())
    state.appendPlaced(state.placer.finish())
    let complete = reader.readRemainingBytes()
    return FileRead(
      errors: state.errors, records: state.records, sha256: complete ? hasher.digests()[.sha256] : nil,
      size: size)
  }

  /// The reader's state between events: where it is, the record being read, what is wrong.
  private struct ReadState {
    let displayPath: String
    var errors: [ImportError] = []
    var records = 0
    var depth = 0
    var draft: RecordDraft?
    var child: XMLElementStart?
    var text = ""
    var lastElement: XMLElementStart?
    var placer = DiagnosticPlacer()
    /// A record that has just ended.
    var finished: RecordDraft?

    /// Takes one event; `false` when reading must stop (a root element that is not ours).
    mutating func handle(_ event: XMLEvent) -> Bool {
      switch event {
      case .startElement(let element):
        return start(element)
      case .text(let chunk):
        if child != nil {
          text += chunk
        } else if depth == 1, !chunk.allSatisfy(\.isWhitespace) {
          let after: Message =
            lastElement.map { element -> Message in " after <\(element.localName)> of line \(element.line)" }
            ?? ""
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
          draft = nil
        }
      }
      return true
    }

    private mutating func start(_ element: XMLElementStart) -> Bool {
      depth += 1
      lastElement = element
      if element.depth == 1, let id = element.attribute("id") {
        placer.recordStarts(id: id.trimmingWhitespace(), line: element.line)
      }
      appendPlaced(placer.elementStarts(line: element.line, column: element.column))
      switch element.depth {
      case 0: return checkRoot(element)
      case 1:
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
      case 2:
        child = element
        text = ""
      default: break
      }
      return true
    }

    /// The root must be `<records>` in our namespace, with no attributes but source and created.
    private mutating func checkRoot(_ element: XMLElementStart) -> Bool {
      guard element.localName == "records" && element.namespaceURI == Record.xmlNamespace else {
        errors.append(
          ImportError(
            file: displayPath, line: element.line, column: element.column,
            message:
              "the root element is <\(element.localName)> in namespace \"\(element.namespaceURI)\"; a Heritage Records file starts with <records xmlns=\"\(Record.xmlNamespace)\">"
          ))
        return false
      }
      for attribute in element.attributes
      where attribute.namespaceURI.isEmpty && attribute.localName != "source"
        && attribute.localName != "created"
      {
        errors.append(
          ImportError(
            file: displayPath, line: element.line, column: element.column,
            message: "<records> does not take the attribute \(attribute.localName) (only source and created)")
        )
      }
      return true
    }

    /// Placed diagnostics as errors. Records are validated one by one; an element that is no
    /// record has no declaration, which the reader's own check names better.
    mutating func appendPlaced(_ placed: [(XMLDiagnostic, String?)]) {
      for (diagnostic, id) in placed where !diagnostic.message.hasSuffix(RecordReader.noDeclaration) {
        errors.append(
          ImportError(
            file: displayPath, line: diagnostic.line, column: diagnostic.column, recordID: id,
            message: LibXMLMessages.message(diagnostic.message)))
      }
    }
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
