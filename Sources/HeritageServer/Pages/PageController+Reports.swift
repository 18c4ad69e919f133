import Crypto
import Foundation
import HTTPTypes
import HeritageCatalog
import Hummingbird

extension PageController {
  /// `/reports/coverage`: the coverage report the CLI writes as HTML (targets, a chart per
  /// division), served with a policy that allows its one inline style by hash and nothing else.
  func coverage(_ request: Request) throws -> Response {
    _ = try QueryParameters(request.uri.query, allowed: ["lang"])
    let report = try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog))
    let html = renderCoverageHTML(report, generated: String(Date().ISO8601Format().prefix(10)))
    var policy =
      "default-src 'none'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
    if let open = html.range(of: "<style>"),
      let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex)
    {
      let digest = SHA256.hash(data: Data(html[open.upperBound..<close.lowerBound].utf8))
      policy += "; style-src 'sha256-\(Data(digest).base64EncodedString())'"
    }
    return page.respond(html, policy: policy, for: request)
  }

  /// `/reports/gaps`: GI products and ICH items no station serves, most important first, with
  /// the nearest candidate stations.
  func gaps(_ request: Request) throws -> Response {
    let parameters = try QueryParameters(request.uri.query, allowed: ["lang"])
    let language = Language.of(request, parameter: parameters["lang"])
    let gaps = try catalog.gapsReport(candidates: 3)
    var values = base(
      language, title: language("Records without a serving station"), path: "/reports/gaps",
      query: parameters.pairs)
    values["countText"] =
      gaps.isEmpty
      ? language("every GI product and ICH item has a serving station")
      : language(
        gaps.count == 1
          ? "1 record without a serving station" : "\(gaps.count) records without a serving station")
    values["gaps"] = gaps.map { gap -> [String: Any] in
      [
        "id": gap.id, "name": gap.name, "lang": language.rawValue,
        "importance": language(gap.importance.words),
        "gapDistricts": gap.districts.joined(separator: " "),
        "candidates": gap.candidates.map { candidate -> [String: Any] in
          [
            "id": candidate.station.id, "name": candidate.station.name, "lang": language.rawValue,
            "distance": formatKilometers(candidate.kilometers, language),
          ]
        },
      ]
    }
    return page.render("gaps", values, in: language, for: request)
  }
}
