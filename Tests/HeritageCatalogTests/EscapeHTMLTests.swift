import HeritageCatalog
import Testing

/// `escapeHTML` replaces exactly the five characters HTML needs escaped, whatever surrounds
/// them: CJK, combining marks, emoji, Chinese quotes.
struct EscapeHTMLTests {
  @Test(arguments: [
    ("福州茉莉花茶", "福州茉莉花茶"),
    ("", ""),
    ("<script>alert('闽剧')</script>", "&lt;script&gt;alert(&#39;闽剧&#39;)&lt;/script&gt;"),
    ("\"寿山石\" & “软木画”", "&quot;寿山石&quot; &amp; “软木画”"),
    ("e\u{301}<b>", "e\u{301}&lt;b&gt;"),
    ("🍵&🫖", "🍵&amp;🫖"),
    ("&amp;", "&amp;amp;"),
    ("'\"<>&", "&#39;&quot;&lt;&gt;&amp;"),
  ])
  func fiveCharactersAreEscaped(text: String, escaped: String) {
    #expect(escapeHTML(text) == escaped)
  }

  /// Escaping byte by byte gives what escaping character by character gives.
  @Test func sameAsCharacterByCharacter() {
    let samples = ["福州<茉莉>花茶", "a\u{300}&b", "x'y\"z", "閩劇&amp;", "🇨🇳<🇨🇳>", "\u{0}<\u{7F}>"]
    for text in samples {
      var expected = ""
      for character in text {
        switch character {
        case "&": expected += "&amp;"
        case "<": expected += "&lt;"
        case ">": expected += "&gt;"
        case "\"": expected += "&quot;"
        case "'": expected += "&#39;"
        default: expected.append(character)
        }
      }
      #expect(escapeHTML(text) == expected, "\(text)")
    }
  }
}
