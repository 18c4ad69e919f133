import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

extension PageController {
  /// `/records/{id}`: every field with its label, media, links both ways, the stations that
  /// serve it and the nearest station of each type. `Link` headers name the JSON and the XML.
  func record(_ request: Request, id: String) throws -> Response {
    let parameters = try QueryParameters(request.uri.query, allowed: ["lang"])
    let language = Language.of(request, parameter: parameters["lang"])
    let details: RecordDetails
    do {
      details = try catalog.details(id: id)
    } catch let error as CatalogError where error.code == .notFound {
      var values = base(
        language, title: language("Not found"), path: "/records/\(id)", query: parameters.pairs)
      values["heading"] = language("Not found")
      values["message"] = language(error.message)
      return page.render("problem", values, in: language, status: .notFound, for: request)
    }
    let record = details.record
    var values = base(language, title: record.primaryName, path: "/records/\(id)", query: parameters.pairs)
    values["id"] = record.id
    values["name"] = record.primaryName
    values["kind"] = language(record.kind.words)
    values["withdrawn"] = record.status == .withdrawn
    values["oaiIdentifier"] = "oai:\(repository):\(record.id)"
    values["fields"] = RecordFields.lines(record, gazetteer: catalog.gazetteer, language: language)
    let media = record.media.map { item -> [String: Any] in
      [
        "url": "/api/v1/media/\(item.sha256)", "alt": item.title ?? item.href, "type": item.type,
        "size": language("\(item.size) bytes"),
        "image": item.type.hasPrefix("image/") && item.type != "image/svg+xml",
      ]
    }
    values["hasMedia"] = !media.isEmpty
    values["media"] = media
    let links = (details.links + details.backlinks.filter { $0.relation == .related }).map {
      link -> [String: Any] in
      compact([
        "id": link.id, "name": link.name ?? link.id, "lang": language.rawValue,
        "relation": language(link.relation == .serves ? "serves" : "related"), "linkRole": link.role,
      ])
    }
    values["hasLinks"] = !links.isEmpty
    values["links"] = links
    values["isItem"] = record.kind != .station
    let servedBy = details.backlinks.filter { $0.relation == .serves }.map { link -> [String: Any] in
      compact([
        "id": link.id, "name": link.name ?? link.id, "lang": language.rawValue,
        "type": link.stationType.map { $0.displayName(language) } ?? "", "linkRole": link.role,
      ])
    }
    values["hasServedBy"] = !servedBy.isEmpty
    values["servedBy"] = servedBy
    let nearby = record.kind == .station ? [] : try catalog.nearestStations(to: record, perType: 3)
    let nearest = nearby.map { item -> [String: Any] in
      [
        "id": item.station.id, "name": item.station.name, "lang": language.rawValue,
        "type": item.station.type.displayName(language),
        "distance": formatKilometers(item.kilometers, language),
      ]
    }
    values["hasNearest"] = !nearest.isEmpty
    values["nearest"] = nearest
    var headers: HTTPFields = [:]
    headers[HTTPField.Name("Link")!] =
      "</api/v1/records/\(record.id)>; rel=\"alternate\"; type=\"application/json\", "
      + "</oai?verb=GetRecord&metadataPrefix=heritage&identifier=oai:\(repository):\(record.id)>; rel=\"alternate\"; type=\"text/xml\""
    return page.render("record", values, in: language, headers: headers, for: request)
  }
}

/// The label and value lines of a record page, in `language` (record text as written).
enum RecordFields {
  static func lines(_ record: Record, gazetteer: Gazetteer, language: Language) -> [[String: Any]] {
    var lines: [[String: Any]] = []
    func add(_ label: Message, _ value: String, lang: String? = nil) {
      lines.append(compact(["label": language(label), "value": value, "textLang": lang]))
    }
    for name in record.names { add("name", name.text, lang: name.lang) }
    for name in record.altNames { add("also", name.text, lang: name.lang) }
    if let item = record.heritageItem { add("category", "\(item.category.code) \(item.category.name)") }
    if let gi = record.giProduct {
      for category in gi.category { add("category", category.text, lang: category.lang) }
    }
    if let station = record.station { add("type", station.type.displayName(language)) }
    for code in record.districts {
      let district = gazetteer.district(code: code)
      add("district", district.map { language == .zh ? $0.name : $0.englishName } ?? code)
    }
    for summary in record.summaries { add("summary", summary.text, lang: summary.lang) }
    for keyword in record.keywords { add("keyword", keyword.text, lang: keyword.lang) }
    if let item = record.heritageItem {
      for listing in item.listings {
        add(
          "listing",
          [language(listing.level.words), listing.number, listing.year.map(String.init)].compactMap { $0 }
            .joined(separator: " · "))
      }
      for unit in item.protectionUnits { add("unit", unit.text, lang: unit.lang) }
      for inheritor in item.inheritors { add("inheritor", inheritor.name.text, lang: inheritor.name.lang) }
    }
    if let gi = record.giProduct {
      for area in gi.protectedAreas { add("area", area.text, lang: area.lang) }
      for applicant in gi.applicants { add("applicant", applicant.text, lang: applicant.lang) }
      for protection in gi.protections {
        add(
          "protection",
          [protection.kind.rawValue, protection.authority, protection.number, protection.date].compactMap {
            $0
          }
          .joined(separator: " · "))
      }
    }
    if let station = record.station {
      for address in station.addresses { add("address", address.text, lang: address.lang) }
      if let contact = station.contact {
        add(
          "contact", [contact.phone, contact.email, contact.hours].compactMap { $0 }.joined(separator: " · "))
      }
    }
    return lines
  }
}
