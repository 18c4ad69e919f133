import HeritageCatalog
import Synchronization
import Testing

@testable import HeritageServer

/// The selects' options: rendered once per list, language and selection, and the choices made
/// (their labels translated) only when a list is first asked for in a language.
struct OptionListsTests {
  @Test func choicesAreMadeOncePerListAndLanguage() throws {
    let library = try HTMLPage.loadLibrary()
    let lists = OptionLists()
    let made = Mutex(0)
    func html(_ language: Language, _ selected: String) -> String {
      lists.html("levels", language, selected: selected, library: library) {
        made.withLock { $0 += 1 }
        return ListingLevel.allCases.map { Choice(value: $0.rawValue, label: language($0.words)) }
      }
    }
    let national = html(.zh, "national")
    #expect(national.contains(#"<option value="national" selected>"#))
    #expect(html(.zh, "national") == national)
    #expect(made.withLock { $0 } == 1)
    // A selection not kept yet is rendered from the choices; one that is not a choice is kept
    // as "none selected", and the next language makes its own choices once.
    #expect(html(.zh, "county").contains(#"<option value="county" selected>"#))
    #expect(!html(.zh, "<script>").contains("selected"))
    #expect(!html(.zh, "nothing").contains("selected"))
    #expect(made.withLock { $0 } == 3)
    #expect(html(.en, "national") != national)
    #expect(html(.en, "unesco").contains(#"<option value="unesco" selected>"#))
    #expect(made.withLock { $0 } == 5)
  }
}
