import CompressNIO
import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird
import Mustache

/// Renders a template of the front desk into a response with the pages' security headers.
struct HTMLPage: Sendable {
  /// The templates of each language, their fixed words (`{{t.name}}`) already written in.
  let libraries: [Language: MustacheLibrary]
  let optionLists = OptionLists()

  /// The templates in `language`.
  func library(_ language: Language) -> MustacheLibrary {
    libraries[language] ?? libraries[.zh]!
  }

  /// Options lists are rendered by the `options` template, which has no fixed words.
  private var library: MustacheLibrary { library(.zh) }

  /// The `<option>`s of the select `list` in `language`, `selected` marked, kept once rendered
  /// (see ``OptionLists``).
  func options(_ list: String, _ language: Language, selected: String?, choices: () -> [Choice]) -> String {
    optionLists.html(list, language, selected: selected, library: library, choices: choices)
  }

  /// `choices` as options, rendered on the spot.
  func options(_ choices: [Choice], selected: Int?) -> String {
    OptionLists.render(choices, selected: selected, library: library)
  }

  /// Only the server's own stylesheet and images; no script at all, no framing.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

  func render(
    _ template: String, _ values: [String: Any], in language: Language, status: HTTPResponse.Status = .ok,
    headers: HTTPFields = [:], for request: Request
  ) -> Response {
    respond(
      library(language).render(values, withTemplate: template) ?? "", status: status, headers: headers,
      for: request)
  }

  /// A finished page with the security headers; `policy` replaces the default policy (a page
  /// with its own inline style names that style's hash).
  func respond(
    _ html: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:],
    policy: String = HTMLPage.contentSecurityPolicy, for request: Request
  ) -> Response {
    var fields = headers
    var body = ByteBuffer(string: html)
    // gzip when the browser takes it (pages are text: 20–30 KB become a few).
    let accepts = (request.headers[.acceptEncoding] ?? "").split(separator: ",").contains {
      $0.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "gzip"
    }
    if accepts, body.readableBytes > 1024, let compressed = try? body.compress(with: .gzip()) {
      body = compressed
      fields[.contentEncoding] = "gzip"
    }
    fields[.contentType] = "text/html; charset=utf-8"
    fields[HTTPField.Name("Content-Security-Policy")!] = policy
    fields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
    fields[HTTPField.Name("Referrer-Policy")!] = "same-origin"
    fields[.vary] = "Accept-Language, Accept-Encoding"
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
  }

  /// The templates shipped in the server's resources, once per language.
  static func loadLibraries() throws -> [Language: MustacheLibrary] {
    MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
    let names = [
      "head", "foot", "searchform", "options", "home", "search", "record", "stations", "problem", "gaps",
    ]
    let sources = try names.map { try ServerResources.text("templates/\($0).mustache") }
    var libraries: [Language: MustacheLibrary] = [:]
    for language in Language.allCases {
      var templates: [String: MustacheTemplate] = [:]
      for (name, source) in zip(names, sources) {
        // Every template, partials included (a partial starts again from swift-mustache's own
        // escaping), escapes `{{values}}` with `EscapedHTML`. The setting stands on a line of
        // its own, which leaves no trace, so a template's first line stays standalone.
        templates[name] = try MustacheTemplate(
          string: "{{% CONTENT_TYPE: \(EscapedHTML.name)}}\n"
            + (try PageWords.fillIn(source, language, template: name)))
      }
      libraries[language] = MustacheLibrary(templates: templates)
    }
    return libraries
  }

  /// The Chinese templates (for tests of the templates' values).
  static func loadLibrary() throws -> MustacheLibrary {
    try loadLibraries()[.zh]!
  }
}

/// How the pages' templates escape `{{values}}`: HeritageCatalog's `escapeHTML`, byte by byte.
/// swift-mustache's own escaping compares whole characters, so a quote followed by a
/// combining mark (`"` and U+0338, one character) was left as it was, and ended an attribute
/// value early: `value="x"̸ onfocus=…`.
struct EscapedHTML: MustacheContentType {
  static let name = "HERITAGE_HTML"

  func escapeText(_ text: String) -> String {
    escapeHTML(text)
  }
}
