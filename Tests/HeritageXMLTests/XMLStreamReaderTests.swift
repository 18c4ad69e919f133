import HeritageXML
import Testing

@Suite struct XMLStreamReaderTests {
  static let fixtures: String = {
    var path = #filePath
    while path.last != "/" { path.removeLast() }
    return path + "Fixtures/"
  }()

  func starts(_ file: String) throws -> [XMLElementStart] {
    let reader = try XMLStreamReader(path: Self.fixtures + file, schema: nil)
    var found: [XMLElementStart] = []
    while let event = reader.next() {
      if case .startElement(let element) = event { found.append(element) }
    }
    #expect(reader.takeDiagnostics().isEmpty)
    return found
  }

  @Test func elementsCarryTheLineAndColumnOfTheirStartTag() throws {
    let elements = try starts("positions.xml")
    #expect(elements.map(\.localName) == ["root", "a", "b", "c"])
    #expect(elements.map(\.line) == [3, 4, 4, 7])
    #expect(elements.map(\.column) == [1, 3, 22, 5])
    #expect(elements.map(\.depth) == [0, 1, 1, 1])
    #expect(elements[1].attribute("x") == "1 > 0")
    #expect(elements[0].namespaceURI == "urn:test")
  }

  @Test func textAndEmptyElementsStream() throws {
    let reader = try XMLStreamReader(path: Self.fixtures + "positions.xml", schema: nil)
    var texts: [String] = []
    var ends: [String] = []
    while let event = reader.next() {
      switch event {
      case .text(let text): if !text.allSatisfy(\.isWhitespace) { texts.append(text) }
      case .endElement(let name, _): ends.append(name)
      case .startElement: break
      }
    }
    #expect(texts == ["文字", " <not-an-element> "])
    #expect(ends == ["a", "b", "c", "root"])
  }

  @Test func malformedDocumentStopsWithLineAndColumn() throws {
    let reader = try XMLStreamReader(path: Self.fixtures + "malformed.xml", schema: nil)
    while reader.next() != nil {}
    let diagnostics = reader.takeDiagnostics()
    #expect(diagnostics.first?.kind == .syntax)
    #expect(diagnostics.first?.line == 4)
    #expect(diagnostics.first?.message == "Opening and ending tag mismatch: open line 3 and root")
  }

  @Test func missingFileIsAnIOError() {
    #expect(throws: XMLDiagnostic.self) {
      try XMLStreamReader(path: Self.fixtures + "nope.xml", schema: nil)
    }
  }
}
