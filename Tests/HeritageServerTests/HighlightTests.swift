import Testing

@testable import HeritageServer

/// A result's name as HTML: every part escaped, the query's matches marked.
struct HighlightTests {
  @Test(arguments: [
    ("福州茉莉花茶", ["茉莉"], "福州<mark>茉莉</mark>花茶"),
    ("茉莉花茶", ["茉莉", "花茶"], "<mark>茉莉</mark><mark>花茶</mark>"),
    ("<b>\"茉莉\" & '闽剧'</b>", ["茉莉"], "&lt;b&gt;&quot;<mark>茉莉</mark>&quot; &amp; &#39;闽剧&#39;&lt;/b&gt;"),
    ("a<b>c", ["<b>"], "a<mark>&lt;b&gt;</mark>c"),
    ("寿山石雕", [], "寿山石雕"),
    ("寿山石雕", ["", "脱胎"], "寿山石雕"),
    ("石石石", ["石"], "<mark>石</mark><mark>石</mark><mark>石</mark>"),
  ])
  func partsAreEscapedAndMatchesMarked(name: String, terms: [String], html: String) {
    #expect(Highlight.html(of: name, terms: terms) == html)
  }
}
