import HeritageXML
import Testing

/// A fragment is written without a declaration or indentation, and goes into a document as
/// it is, where the document's writer stands.
@Suite struct XMLDocumentWriterTests {
  @Test func aFragmentIsItsElementsAlone() {
    let fragment = XMLDocumentWriter.fragment()
    fragment.element("dc:title", text: "闽剧 & <戏>", attributes: [("xml:lang", "zh")])
    fragment.element("dc:type", text: "item")
    #expect(
      String(decoding: fragment.finish(), as: UTF8.self)
        == #"<dc:title xml:lang="zh">闽剧 &amp; &lt;戏&gt;</dc:title><dc:type>item</dc:type>"#)
  }

  @Test func rawBytesGoInsideTheElementJustOpened() {
    let fragment = XMLDocumentWriter.fragment()
    fragment.element("b", text: "x")
    let document = XMLDocumentWriter()
    document.start("a")
    document.start("inner")
    document.raw(fragment.finish())
    document.end()
    document.element("after")
    document.end()
    #expect(
      String(decoding: document.finish(), as: UTF8.self)
        == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <inner><b>x</b></inner>\n  <after/>\n</a>\n")
  }

  @Test func noRawBytesStillCloseTheStartTag() {
    let fragment = XMLDocumentWriter.fragment()
    fragment.start("a")
    fragment.raw([])
    fragment.end()
    #expect(String(decoding: fragment.finish(), as: UTF8.self) == "<a></a>")
  }

  @Test func tagsAreWhatLibxml2WritesAroundContent() {
    let tags = XMLDocumentWriter.tags(of: "records") { writer in
      writer.namespace(prefix: nil, uri: "urn:test")
      writer.attribute("note", "1 & \"2\"")
    }
    #expect(
      String(decoding: tags.start, as: UTF8.self)
        == #"<records xmlns="urn:test" note="1 &amp; &quot;2&quot;">"#)
    #expect(String(decoding: tags.end, as: UTF8.self) == "</records>")
  }

  /// Text between tags made once is escaped and placed as a whole element would have it.
  @Test(arguments: ["oai:heritage.example:gi:fuzhou-jasmine-tea", "a & b < c > \"d\" 'e'", "福州茉莉花茶", "]]>"])
  func textBetweenTagsMadeOnceIsTheWholeElement(text: String) {
    let tags = XMLDocumentWriter.tags(of: "identifier") { _ in }
    let whole = XMLDocumentWriter.fragment()
    let fromTags = XMLDocumentWriter.fragment()
    for writer in [whole, fromTags] { writer.start("header") }
    whole.element("identifier", text: text)
    fromTags.element(tags, text: text)
    for writer in [whole, fromTags] { writer.end() }
    #expect(fromTags.finish() == whole.finish())
    #expect(!String(decoding: fromTags.finish(), as: UTF8.self).contains("a & b"))
  }
}
