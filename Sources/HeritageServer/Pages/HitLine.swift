import Mustache

/// A line of the results page's list, for the `hits` section of `search.mustache`.
///
/// A results page renders twenty of these, and looking their fields up was most of the page's
/// rendering: a dictionary of `Any` costs a hashed lookup and a handful of dynamic casts for
/// each field. A line answers `child(named:)` with a switch, and its texts are ``PageText``,
/// which the renderer recognises at its first cast.
struct HitLine: MustacheParent {
  var href: PageText
  /// The name, escaped, with the matched parts in `<mark>` (``Highlight``).
  var nameHTML: PageText
  var kind: PageText
  var level: PageText?
  var districts: PageText?
  var distance: PageText?
  var match: PageText

  func child(named name: String) -> Any? {
    switch name {
    case "href": href
    case "nameHTML": nameHTML
    case "kind": kind
    case "hitLevel": level
    case "hitDistricts": districts
    case "distance": distance
    case "match": match
    default: nil
    }
  }
}

/// A text for a template, rendered as it is (escaped by `{{…}}`, as written by `{{{…}}}`).
struct PageText: MustacheCustomRenderable {
  var text: String

  init(_ text: String) { self.text = text }

  var renderText: String { text }
  var isNull: Bool { false }
}
