import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

/// The front desk: server-rendered pages, Chinese first, no JavaScript. `/`, `/search`,
/// `/records/{id}`, `/stations`, and the stylesheet.
struct PageController: Sendable {
  let catalog: Catalog
  let page: HTMLPage
  let repository: String

  func addRoutes(to router: Router<BasicRequestContext>) {
    router.getReading("/") { request, _ in try home(request) }
    router.getReading("search") { request, _ in try search(request) }
    router.getReading("records/:id") { request, context in
      let id = try context.parameters.require("id")
      // The record and its nearest stations from one state of the catalog.
      return try catalog.readingOneState { try record(request, id: id) }
    }
    router.getReading("stations") { request, _ in try stations(request) }
    router.getReading("reports/coverage") { request, _ in try coverage(request) }
    router.getReading("reports/gaps") { request, _ in try gaps(request) }
    router.get("static/style.css") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try ServerResources.data("static/style.css"))))
    }
  }

  /// What every page's header and footer need.
  func base(_ language: Language, title: String, path: String, query: [(String, String)]) -> [String: Any] {
    let other: Language = language == .zh ? .en : .zh
    let otherQuery = query.filter { $0.0 != "lang" } + [("lang", other.rawValue)]
    return [
      "lang": language.rawValue, "title": title, "otherLang": other.rawValue,
      "otherLanguageName": other == .zh ? "中文" : "English",
      "otherLanguageURL": path + "?" + QueryParameters.encode(otherQuery),
    ]
  }

  func home(_ request: Request) throws -> Response {
    let parameters = try QueryParameters(request.uri.query, allowed: ["lang"])
    let language = Language.of(request, parameter: parameters["lang"])
    var values = base(language, title: language("Search"), path: "/", query: parameters.pairs)
    values.merge(searchForm(language, query: "", kind: nil, district: nil)) { $1 }
    values["latest"] = try catalog.latestChanges(limit: 10).map { change -> [String: Any] in
      [
        "id": change.id, "name": change.name, "kind": language(change.kind.words), "lang": language.rawValue,
        "isWithdrawn": change.status == .withdrawn, "datestamp": change.datestamp,
        "date": String(change.datestamp.prefix(10)),
      ]
    }
    return page.render("home", values, in: language, for: request)
  }

  /// The search box with its selects: kind, district, level, category, station type, near.
  func searchForm(
    _ language: Language, query: String, kind: RecordKind?, district: String?,
    filters: SearchFilters = .init()
  ) -> [String: Any] {
    // Near: anywhere, a district's centre, or what the address gave (a point or a record id).
    var places = page.options(
      "places", language, selected: filters.nearText == nil ? "" : filters.nearDistrict
    ) {
      [Choice(value: "", label: language("Anywhere"))] + districtChoices(language)
    }
    if let text = filters.nearText, filters.nearDistrict == nil {
      places += page.options([Choice(value: text, label: text)], selected: 0)
    }
    return [
      "query": query,
      "kindOptions": page.options("kinds", language, selected: kind?.shortName ?? "") {
        [Choice(value: "", label: language("All"))]
          + RecordKind.allCases.map { Choice(value: $0.shortName, label: language($0.words)) }
      },
      "districtOptions": districtOptions(language, selected: district),
      "levelOptions": page.options("levels", language, selected: filters.level?.rawValue ?? "") {
        [Choice(value: "", label: language("All levels"))]
          + ListingLevel.allCases.map { Choice(value: $0.rawValue, label: language($0.words)) }
      },
      "categoryOptions": page.options("categories", language, selected: filters.category ?? "") {
        [Choice(value: "", label: language("All categories"))]
          + ICHCategory.names.enumerated().map { index, name in
            let code = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][index]
            return Choice(value: code, label: "\(code) \(name)")
          }
      },
      "stationTypeOptions": stationTypeOptions(language, selected: filters.stationType),
      "placeOptions": places,
    ]
  }

  /// The station types as options of a select.
  func stationTypeOptions(_ language: Language, selected: StationType?) -> String {
    page.options("stationTypes", language, selected: selected?.rawValue ?? "") {
      [Choice(value: "", label: language("All types"))]
        + StationType.allCases.map { Choice(value: $0.rawValue, label: $0.displayName(language)) }
    }
  }

  /// All districts, then the 13 divisions, as options of a select (the search form's and the
  /// stations page's: one list, kept once).
  func districtOptions(_ language: Language, selected: String?) -> String {
    page.options("districts", language, selected: selected ?? "") {
      [Choice(value: "", label: language("All districts"))] + districtChoices(language)
    }
  }

  /// The 13 divisions as choices of a select, by code.
  func districtChoices(_ language: Language) -> [Choice] {
    catalog.gazetteer.districts.map { item in
      Choice(value: item.code, label: language == .zh ? item.name : item.englishName)
    }
  }

  func search(_ request: Request) throws -> Response {
    let parameters = try QueryParameters(
      request.uri.query,
      allowed: ["q", "kind", "district", "level", "category", "station-type", "near", "lang", "page"])
    let language = Language.of(request, parameter: parameters["lang"])
    let text = parameters["q"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    let kind = try parameters["kind"].flatMap { $0.isEmpty ? nil : $0 }.map { value -> RecordKind in
      guard let kind = RecordKind.allCases.first(where: { $0.shortName == value || $0.rawValue == value })
      else {
        throw Problem(.badRequest, language("kind must be gi, ich or station, not \(value)"))
      }
      return kind
    }
    let district = parameters["district"].flatMap { $0.isEmpty ? nil : $0 }
    let filters = try SearchFilters(parameters, language: language, gazetteer: catalog.gazetteer)
    let pageNumber = try parameters.integer("page", in: 1...500, default: 1)
    var values = base(
      language, title: text.isEmpty ? language("Search") : text, path: "/search", query: parameters.pairs)
    values.merge(searchForm(language, query: text, kind: kind, district: district, filters: filters)) { $1 }
    guard !text.isEmpty else {
      values["empty"] = ["message": language("Type a name, pinyin or English word to search for.")]
      return page.render("search", values, in: language, for: request)
    }
    let perPage = 20
    let results: SearchResults
    do {
      results = try catalog.search(
        SearchQuery(
          text: text, kind: kind, category: filters.category, level: filters.level, district: district,
          stationType: filters.stationType, near: filters.near, limit: pageNumber * perPage + 1))
    } catch let error as CatalogError where error.code == .invalidArgument || error.code == .notFound {
      // A bad query or filter, or a `near` record that does not exist.
      values["empty"] = ["message": language(error.message)]
      return page.render("search", values, in: language, status: .badRequest, for: request)
    }
    let shown = Array(results.hits.dropFirst((pageNumber - 1) * perPage).prefix(perPage))
    func link(_ changes: [(String, String?)]) -> String {
      var pairs = parameters.pairs.filter { pair in !changes.contains { $0.0 == pair.0 } }
      for (name, value) in changes { if let value { pairs.append((name, value)) } }
      return "/search?" + QueryParameters.encode(pairs)
    }
    if let suggestion = results.suggestion {
      values["suggestion"] = ["text": suggestion, "url": link([("q", suggestion), ("page", nil)])]
    }
    if shown.isEmpty {
      values["empty"] = compact([
        "message": language("no results for “\(text)”"),
        "broader": kind != nil || district != nil || !filters.isEmpty
          ? link([
            ("kind", nil), ("district", nil), ("level", nil), ("category", nil), ("station-type", nil),
            ("page", nil),
          ]) : nil,
      ])
    } else {
      values["hasHits"] = true
      values["start"] = (pageNumber - 1) * perPage + 1
      values["countText"] =
        results.hits.count > pageNumber * perPage
        ? language("more than \(pageNumber * perPage) records") : language("\(results.hits.count) records")
      // Each label translated once, not once per line.
      let kinds = labels(RecordKind.self, \.words, language)
      let levels = labels(ListingLevel.self, \.words, language)
      let matches = labels(MatchClass.self, \.words, language)
      values["hits"] = shown.map { hit in
        HitLine(
          href: PageText("/records/\(hit.id)?lang=\(language.rawValue)"),
          nameHTML: PageText(Highlight.html(of: hit.name, terms: results.terms)),
          kind: kinds[hit.kind]!, level: hit.level.map { levels[$0]! },
          districts: hit.districts.isEmpty ? nil : PageText(hit.districts.joined(separator: " ")),
          distance: hit.kilometers.map { PageText(formatKilometers($0, language)) },
          match: matches[hit.match]!)
      }
      if pageNumber > 1 { values["previous"] = link([("page", String(pageNumber - 1))]) }
      if results.hits.count > pageNumber * perPage {
        values["next"] = link([("page", String(pageNumber + 1))])
      }
    }
    return page.render("search", values, in: language, for: request)
  }

  func stations(_ request: Request) throws -> Response {
    let parameters = try QueryParameters(request.uri.query, allowed: ["type", "district", "lang"])
    let language = Language.of(request, parameter: parameters["lang"])
    let type = try parameters["type"].flatMap { $0.isEmpty ? nil : $0 }.map { value -> StationType in
      guard let type = StationType(rawValue: value) else {
        throw Problem(.badRequest, language("unknown station type \(value)"))
      }
      return type
    }
    let district = parameters["district"].flatMap { $0.isEmpty ? nil : $0 }
    let found = try catalog.stations(StationQuery(type: type, district: district))
    var values = base(
      language, title: language("Protection stations"), path: "/stations", query: parameters.pairs)
    values["typeOptions"] = stationTypeOptions(language, selected: type)
    values["districtOptions"] = districtOptions(language, selected: district)
    values["countText"] = language("\(found.count) stations")
    values["stations"] = found.map { match -> [String: Any] in
      let station = match.station
      return [
        "id": station.id, "name": station.name, "lang": language.rawValue,
        "type": station.type.displayName(language), "featured": station.featured,
        "districts": station.districts.compactMap { catalog.gazetteer.district(code: $0) }.map {
          language == .zh ? $0.name : $0.englishName
        }.joined(separator: " "),
        "serves": language("serves \(station.serves.count)"),
      ]
    }
    return page.render("stations", values, in: language, for: request)
  }
}

/// The label of each case of `type` in `language`.
func labels<Case: CaseIterable & Hashable>(
  _ type: Case.Type, _ words: (Case) -> Message, _ language: Language
) -> [Case: PageText] {
  Dictionary(uniqueKeysWithValues: type.allCases.map { ($0, PageText(language(words($0)))) })
}

/// A template's values without the absent ones (an absent value is an empty section).
func compact(_ values: [String: Any?]) -> [String: Any] {
  values.compactMapValues { $0 }
}

/// The search page's narrower filters: listing level, ICH category, station type.
struct SearchFilters {
  var level: ListingLevel?
  var category: String?
  var stationType: StationType?
  /// Where distances are measured from, as given (`near`): a district code or name, `LAT,LON`
  /// or a record id; results are then ordered by distance and show it.
  var nearText: String?
  var near: Origin?
  /// The code of the district `near` named, when it named one.
  var nearDistrict: String?

  init() {}

  init(_ parameters: QueryParameters, language: Language, gazetteer: Gazetteer) throws {
    func given(_ name: String) -> String? { parameters[name].flatMap { $0.isEmpty ? nil : $0 } }
    if let text = given("near") {
      nearText = text
      if let district = gazetteer.district(named: text) {  // by code, name, English name or alias
        near = .point(district.point)
        nearDistrict = district.code
      } else if let origin = Origin(text) {
        near = origin
      } else {
        throw Problem(.badRequest, language("near must be a district, LAT,LON or a record id: \(text)"))
      }
    }
    if let text = given("level") {
      guard let level = ListingLevel(rawValue: text) else {
        throw Problem(.badRequest, language("unknown listing level \(text)"))
      }
      self.level = level
    }
    category = given("category")
    if let text = given("station-type") {
      guard let type = StationType(rawValue: text) else {
        throw Problem(.badRequest, language("unknown station type \(text)"))
      }
      stationType = type
    }
  }

  /// No filter that narrows the results (`near` orders them only).
  var isEmpty: Bool { level == nil && category == nil && stationType == nil }
}
