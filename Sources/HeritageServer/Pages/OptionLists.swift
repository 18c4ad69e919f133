import HeritageCatalog
import Mustache
import Synchronization

/// One choice of a `<select>`.
struct Choice {
  var value: String
  var label: String
}

/// The `<option>`s of the pages' selects, rendered by the `options` template once per list,
/// language and selected choice, then kept. The lists are closed sets (the kinds, the 13
/// districts, the listing levels, the ICH categories, the station types), so what is kept is
/// bounded: a selected value that is not one of the choices is kept as "none selected".
/// Rendering them on every request took a third of a results page's time.
final class OptionLists: Sendable {
  private let rendered = Mutex<[String: String]>([:])
  /// The choices' values of each list in each language, to find the selected one without
  /// making the choices (and translating their labels) again.
  private let values = Mutex<[String: [String]]>([:])

  /// The options of `list` in `language` as HTML, the choice whose value is `selected` marked.
  /// `choices` must give the same choices for the same list and language; it is called only
  /// the first time a list is asked for in a language, and for each selection not yet kept.
  func html(
    _ list: String, _ language: Language, selected: String?, library: MustacheLibrary,
    choices: () -> [Choice]
  ) -> String {
    let listKey = "\(list) \(language.rawValue)"
    var made: [Choice]?
    let listValues: [String]
    if let kept = values.withLock({ $0[listKey] }) {
      listValues = kept
    } else {
      let all = choices()
      made = all
      listValues = all.map(\.value)
      values.withLock { $0[listKey] = listValues }
    }
    let index = listValues.firstIndex { $0 == selected }
    let key = "\(listKey) \(index.map(String.init) ?? "none")"
    if let kept = rendered.withLock({ $0[key] }) { return kept }
    let html = OptionLists.render(made ?? choices(), selected: index, library: library)
    rendered.withLock { $0[key] = html }
    return html
  }

  /// Options rendered on the spot, for a choice that is not one of a closed set (the place a
  /// `near` parameter named by coordinates or a record id).
  static func render(_ choices: [Choice], selected: Int?, library: MustacheLibrary) -> String {
    let options = choices.enumerated().map { index, choice -> [String: Any] in
      ["value": choice.value, "label": choice.label, "selected": index == selected]
    }
    return library.render(["options": options], withTemplate: "options") ?? ""
  }
}
