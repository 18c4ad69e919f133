import HeritageCatalog
import Mustache
import Testing

@testable import HeritageServer

/// The pages' fixed words are written into each language's templates when they are loaded, and
/// the results list's lines are looked up field by field (`HitLine`).
struct PageWordsTests {
  @Test func wordsAreWrittenInEscapedAndAnUnknownWordIsAnError() throws {
    let words = ["next": "Next", "odd": "<b>\"&'"]
    let filled = try PageWords.fillIn(
      "<a>{{t.next}}</a>{{ t.odd }}{{name}}{{#t}}", words: words, template: "test")
    #expect(filled == "<a>Next</a>" + escapeHTML("<b>\"&'") + "{{name}}{{#t}}")
    #expect(filled.contains("&lt;b&gt;&quot;&amp;"))
    do {
      _ = try PageWords.fillIn("x {{t.nothing}}", words: words, template: "search")
      Issue.record("an unknown word was left")
    } catch let error as Problem {
      #expect(error.detail == "the page template search names an unknown word t.nothing")
    }
  }

  @Test func eachLanguagesTemplatesHoldItsOwnWords() throws {
    let libraries = try HTMLPage.loadLibraries()
    for language in Language.allCases {
      let html = try #require(
        libraries[language]?.render(["lang": language.rawValue], withTemplate: "search"))
      #expect(html.contains("<h1>\(escapeHTML(PageWords.all(language)["resultsHeading"]!))</h1>"))
    }
    #expect(PageWords.all(.zh)["resultsHeading"] != PageWords.all(.en)["resultsHeading"])
  }
}
