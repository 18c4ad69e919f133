import Foundation
import HTTPTypes
import HeritageCatalog
import HeritageServer
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
import Testing

/// The front desk pages, in process: Chinese first, the CLI's ranking, labels and headings,
/// security headers, and every value from a record or a query escaped.
@Suite(.removesTemporaryFolders) struct PageTests {
  static let catalog: Catalog = {
    let folder = sharedTemporaryFolder()
    _ = try! importInto(
      folder,
      [
        Fixtures.samples,
        Fixtures.repository.appendingPathComponent("Tests/HeritageServerTests/Fixtures/hostile.xml").path,
      ])
    return try! Catalog.open(folder: folder)
  }()

  struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
  }

  func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
    try await get([uri], headers: headers)[0]
  }

  /// The pages at `uris`, one after the other, from one server.
  func get(_ uris: [String], headers: HTTPFields = [:]) async throws -> [Page] {
    let router = buildRouter(
      catalog: Self.catalog, oai: try OAISettings(), baseURL: "http://localhost:8080",
      logger: Logger(label: "test"))
    return try await Application(router: router).test(.router) { client in
      var pages: [Page] = []
      for uri in uris {
        pages.append(
          try await client.execute(uri: uri, method: .get, headers: headers) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
          })
      }
      return pages
    }
  }

  @Test func homeIsChineseFirstWithTheSearchBoxAndLatestChanges() async throws {
    let page = try await get("/")
    #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
    #expect(page.body.contains("<html lang=\"zh\">"))
    #expect(page.body.contains("<label for=\"q\">搜索</label>"))
    #expect(page.body.contains("<option value=\"ich\">非遗项目</option>"))
    let districtSelect = page.body.firstMatch(of: /<select id="district"[^>]*>(.*?)<\/select>/)?.1 ?? ""
    #expect(districtSelect.components(separatedBy: "<option value=\"3501").count - 1 == 13)
    let nearSelect = page.body.firstMatch(of: /<select id="near"[^>]*>(.*?)<\/select>/)?.1 ?? ""
    #expect(nearSelect.components(separatedBy: "<option value=\"3501").count - 1 == 13)
    #expect(page.body.contains("<h2 id=\"latest\">最近更新</h2>"))
    let latest = page.body.components(separatedBy: "<h2 id=\"latest\">").last ?? ""
    #expect(latest.components(separatedBy: "<li><a href=\"/records/").count - 1 == 10)
    #expect(page.body.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"))
    #expect(!page.body.contains("<script"))
  }

  @Test func securityHeadersAllowOnlyTheServersOwnResources() async throws {
    for uri in ["/", "/search?q=闽剧", "/records/ich:min-opera", "/stations", "/records/gi:nothing"] {
      let page = try await get(uri.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
      let policy = page.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
      #expect(policy.contains("default-src 'none'") && policy.contains("style-src 'self'"), "\(uri)")
      #expect(!policy.contains("script-src") && !policy.contains("unsafe"), "\(uri)")
      #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
      #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
    }
    let css = try await get("/static/style.css")
    #expect(css.headers[.contentType] == "text/css; charset=utf-8")
    #expect(css.body.contains("\"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif"))
    #expect(css.body.contains("@media print"))
  }

  @Test func languageFromTheParameterThenTheBrowser() async throws {
    #expect(try await get("/?lang=en").body.contains("<html lang=\"en\">"))
    #expect(try await get("/?lang=en").body.contains("<label for=\"q\">Search</label>"))
    #expect(
      try await get("/", headers: [.acceptLanguage: "en-US,en;q=0.9"]).body.contains("<html lang=\"en\">"))
    #expect(
      try await get("/", headers: [.acceptLanguage: "zh-CN,en;q=0.5"]).body.contains("<html lang=\"zh\">"))
    #expect(try await get("/", headers: [.acceptLanguage: "fr"]).body.contains("<html lang=\"zh\">"))
  }

  /// The first result of each query staff type, as the CLI ranks it, with the match marked.
  @Test(arguments: [
    ("闽剧", "ich:min-opera"), ("閩劇", "ich:min-opera"), ("mlhc", "ich:jasmine-tea-scenting"),
    ("jasmine", "ich:jasmine-tea-scenting"),
  ])
  func searchRanksAsTheCLI(query: String, first: String) async throws {
    let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    let page = try await get("/search?q=\(encoded)")
    let cli = try Self.catalog.search(SearchQuery(text: query, limit: 20))
    #expect(cli.hits.first?.id == first)
    let links = page.body.matches(of: /<li><a href="\/records\/([^"?]+)\?lang=zh">/).map { String($0.1) }
    #expect(links == cli.hits.map(\.id))
    #expect(page.body.contains("<ol class=\"results\" start=\"1\">"))
  }

  /// Each line of the results list shows the hit's kind, level, districts and match, in the
  /// page's language.
  @Test(arguments: [("zh", "%E8%8C%B6"), ("en", "tea"), ("zh", "mlhc")])
  func resultLinesShowKindLevelDistrictsAndMatch(lang: String, query: String) async throws {
    let language = try #require(Language(rawValue: lang))
    let page = try await get("/search?q=\(query)&lang=\(lang)")
    let text = try #require(query.removingPercentEncoding)
    let hits = try Self.catalog.search(SearchQuery(text: text, limit: 20)).hits
    try #require(hits.count >= 2)
    let lines = page.body.matches(of: /<li><a href="\/records\/[^"]+">.*?<\/li>/.dotMatchesNewlines()).map {
      String($0.0)
    }
    #expect(lines.count == hits.count)
    for (line, hit) in zip(lines, hits) {
      var spans = "<span class=\"kind\">\(escapeHTML(language(hit.kind.words)))</span>"
      if let level = hit.level {
        spans += " <span class=\"level\">\(escapeHTML(language(level.words)))</span>"
      }
      if !hit.districts.isEmpty {
        spans += " <span class=\"districts\">\(escapeHTML(hit.districts.joined(separator: " ")))</span>"
      }
      spans += " <span class=\"match\">\(escapeHTML(language(hit.match.words)))</span></li>"
      #expect(line.hasPrefix("<li><a href=\"/records/\(hit.id)?lang=\(lang)\">"))
      #expect(line.hasSuffix("</a>\n" + spans), "\(line)")
    }
  }

  @Test func matchedPartIsMarkedAndEmptyResultsOfferABroaderQuery() async throws {
    let page = try await get("/search?q=%E9%97%BD%E5%89%A7")
    #expect(page.body.contains("<mark>闽剧</mark>"))
    let none = try await get("/search?q=%E9%97%BD%E5%89%A7&kind=gi")
    #expect(none.body.contains("没有找到“闽剧”"))
    #expect(
      none.body.contains("href=\"/search?q=%E9%97%BD%E5%89%A7&amp;lang=zh\"")
        || none.body.contains("去掉筛选条件再搜索"))
  }

  @Test func searchFiltersByLevelCategoryAndStationType() async throws {
    let national = try await get("/search?q=%E7%A6%8F%E5%B7%9E&level=national")
    let expected = try Self.catalog.search(SearchQuery(text: "福州", level: .national, limit: 20)).hits.map(
      \.id)
    let links = national.body.matches(of: /<li><a href="\/records\/([^"?]+)\?lang=zh">/).map { String($0.1) }
    #expect(!expected.isEmpty && links == expected)
    #expect(national.body.contains("<option value=\"national\" selected>国家级</option>"))
    let types = try await get("/search?q=%E7%A6%8F%E5%B7%9E&station-type=gi-guidance-point")
    #expect(types.body.contains("<option value=\"gi-guidance-point\" selected>地理标志流动指导服务点</option>"))
    #expect(try await get("/search?q=x&level=galactic").status == .badRequest)
  }

  /// The selects' options are rendered once per list, language and selected choice and kept:
  /// every page still marks exactly its own choice, in its own language, whatever came before.
  @Test func eachPageMarksItsOwnChoiceInItsOwnLanguage() async throws {
    func selected(_ select: String, in page: Page) throws -> [String] {
      let list = try #require(
        page.body.firstMatch(of: try Regex("<select id=\"\(select)\"[^>]*>(.*?)</select>")))
      return String(list.output[1].substring ?? "").matches(of: /<option value="([^"]*)" selected>/).map {
        String($0.1)
      }
    }
    let cases: [(query: String, district: [String], level: [String], english: Bool)] = [
      ("district=350102", ["350102"], [""], false),
      ("district=350103&level=national", ["350103"], ["national"], false),
      ("district=350102&lang=en", ["350102"], [""], true), ("district=nowhere", [], [""], false),
      ("", [""], [""], false), ("level=provincial&lang=en", [""], ["provincial"], true),
      ("district=350103", ["350103"], [""], false),
    ]
    let pages = try await get(
      cases.map { "/search?q=%E7%A6%8F%E5%B7%9E&\($0.query)" } + [
        "/stations?district=350103&type=pilot-station"
      ])
    for ((query, district, level, english), page) in zip(cases, pages) {
      #expect(try selected("district", in: page) == district, "\(query)")
      #expect(try selected("level", in: page) == level, "\(query)")
      #expect(try selected("kind", in: page) == [""], "\(query)")
      #expect(page.body.contains(english ? ">Gulou District</option>" : ">鼓楼区</option>"), "\(query)")
      #expect(page.body.contains(english ? ">All districts</option>" : ">全部区县</option>"), "\(query)")
    }
    let stations = pages[cases.count]
    #expect(try selected("district", in: stations) == ["350103"])
    #expect(try selected("type", in: stations) == ["pilot-station"])
  }

  /// `near` (a district from the select, or `LAT,LON` or a record id in the address) orders the
  /// results by distance as the CLI does and shows each distance.
  @Test func resultsNearAPlaceAreOrderedByDistanceAndShowIt() async throws {
    let gulou = try #require(Self.catalog.gazetteer.district(named: "鼓楼区"))
    let page = try await get("/search?q=%E7%A6%8F%E5%B7%9E&near=\(gulou.code)")
    #expect(page.status == .ok)
    let expected = try Self.catalog.search(SearchQuery(text: "福州", near: .point(gulou.point), limit: 20)).hits
    let links = page.body.matches(of: /<li><a href="\/records\/([^"?]+)\?lang=zh">/).map { String($0.1) }
    #expect(!expected.isEmpty && links == expected.map(\.id))
    let distances = page.body.matches(of: /<span class="distance">([^<]+)<\/span>/).map { String($0.1) }
    #expect(distances.count == expected.count)
    // Written as the CLI writes them: metres under 1 km, one decimal under 10 km, whole km above.
    #expect(distances == expected.map { formatKilometers($0.kilometers!, .zh) }, "\(distances)")
    #expect(distances.allSatisfy { $0.hasSuffix("公里") || $0.hasSuffix("米") }, "\(distances)")
    let far = try await get("/search?q=%E5%85%88%E8%A1%8C%E6%89%80&near=%E7%A6%8F%E6%B8%85%E5%B8%82&lang=en")
    let farHits = try Self.catalog.search(SearchQuery(text: "先行所", near: Origin("福清市"), limit: 20)).hits
    let farDistances = far.body.matches(of: /<span class="distance">([^<]+)<\/span>/).map { String($0.1) }
    #expect(farHits.contains { $0.kilometers! >= 10 })
    #expect(farDistances == farHits.map { formatKilometers($0.kilometers!, .en) }, "\(farDistances)")
    #expect(page.body.contains("<option value=\"\(gulou.code)\" selected>鼓楼区</option>"))
    let english = try await get("/search?q=%E7%A6%8F%E5%B7%9E&near=26.08,119.30&lang=en")
    #expect(english.body.contains("<span class=\"distance\">") && english.body.contains(" km</span>"))
    #expect(english.body.contains("<option value=\"26.08,119.30\" selected>26.08,119.30</option>"))
    let unknown = try await get("/search?q=%E7%A6%8F%E5%B7%9E&near=ich:no-such-record")
    #expect(unknown.status == .badRequest)
    let outOfRange = try await get("/search?q=%E7%A6%8F%E5%B7%9E&near=95,200")
    #expect(outOfRange.status == .badRequest)
    #expect(outOfRange.body.contains("“附近”须是区县、纬度,经度或记录编号：95,200"))
  }

  /// The record page lists up to three nearest stations of each type, nearest first.
  @Test func recordPageListsThreeNearestStationsOfEachType() async throws {
    let nearest = try Self.catalog.nearestStations(
      to: Self.catalog.details(id: "gi:fuzhou-jasmine-tea").record, perType: 3)
    #expect(Dictionary(grouping: nearest, by: \.station.type).values.allSatisfy { $0.count <= 3 })
    #expect(nearest.filter { $0.station.type == .pilotStation }.count == 3)
    let pilots = nearest.filter { $0.station.type == .pilotStation }.map(\.kilometers)
    #expect(pilots == pilots.sorted())
    let page = try await get("/records/gi:fuzhou-jasmine-tea")
    let section = page.body.components(separatedBy: "<h2 id=\"nearest\">").last ?? ""
    for item in nearest { #expect(section.contains("href=\"/records/\(item.station.id)?lang=zh\"")) }
  }

  @Test func recordPageShowsFieldsStationsAndAlternates() async throws {
    let page = try await get("/records/ich:min-opera")
    #expect(page.status == .ok)
    #expect(page.body.contains("<h1>闽剧</h1>"))
    #expect(page.body.contains("<dt>类别</dt><dd>IV 传统戏剧</dd>"))
    #expect(page.body.contains("<h2 id=\"served\">为其服务的站点</h2>"))
    #expect(page.body.contains("href=\"/records/station:gulou-pilot?lang=zh\""))
    let link = page.headers[HTTPField.Name("Link")!] ?? ""
    #expect(link.contains("</api/v1/records/ich:min-opera>; rel=\"alternate\"; type=\"application/json\""))
    let english = try await get("/records/ich:min-opera?lang=en")
    #expect(
      english.body.contains("<dt>category</dt>")
        && english.body.contains("<h2 id=\"served\">Stations that serve it</h2>"))
    let missing = try await get("/records/gi:nothing")
    #expect(missing.status == .notFound && missing.body.contains("<h1>未找到</h1>"))
  }

  @Test func recordTextAndQueriesAreEscapedEverywhere() async throws {
    let page = try await get("/records/ich:hostile-test")
    #expect(page.status == .ok)
    #expect(
      !page.body.contains("<script>") && !page.body.contains("<img src=x") && !page.body.contains("<b>"))
    #expect(
      page.body.contains("脱胎&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;漆器 &amp; &#39;q&#39; “引号”"))
    #expect(page.body.contains("&lt;b&gt;粗体&lt;/b&gt; &amp;amp; &#39;single&#39; &quot;double&quot;"))
    #expect(page.body.contains("&#39; onmouseover=&#39;alert(2)"))
    // A quote followed by a combining mark is one character, and still a quote to HTML.
    let mark = "\u{338}"
    let rawSingle = "'" + mark
    let rawDouble = "\"" + mark
    #expect(page.body.contains("&#39;\(mark) onmouseover=&#39;alert(4)"))
    #expect(!page.body.contains(rawSingle))
    let search = try await get("/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E%27")
    #expect(!search.body.contains("<script>"))
    #expect(search.body.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;\""))
    let combining = try await get("/search?q=x%22%CC%B8%20autofocus%20onfocus%3Dalert(1)%20x%3D%22")
    #expect(combining.body.contains("value=\"x&quot;\(mark) autofocus onfocus=alert(1) x=&quot;\""))
    #expect(!combining.body.contains(rawDouble))
    let found = try await get("/search?q=%E8%84%B1%E8%83%8E")
    #expect(found.body.contains("href=\"/records/ich:hostile-test?lang=zh\""))
    #expect(!found.body.contains("<script>"))
  }

  @Test func pagesAreGzippedWhenTheBrowserTakesIt() async throws {
    let plain = try await get("/search?q=%E8%8C%89%E8%8E%89")
    #expect(plain.headers[.contentEncoding] == nil && plain.body.hasPrefix("<!DOCTYPE html>"))
    let zipped = try await get("/search?q=%E8%8C%89%E8%8E%89", headers: [.acceptEncoding: "br, gzip;q=0.8"])
    #expect(zipped.headers[.contentEncoding] == "gzip")
    #expect(zipped.headers[.vary]?.contains("Accept-Encoding") == true)
    #expect(
      Array(zipped.body.utf8.prefix(2)) == [0x1F, 0x8B] || zipped.body.unicodeScalars.first?.value == 0x1F)
  }

  /// The coverage page keeps its one inline style, allowed by hash and by nothing broader.
  @Test func reportPages() async throws {
    let coverage = try await get("/reports/coverage")
    #expect(coverage.status == .ok && coverage.body.contains("<h1>知识产权保护站点覆盖报告</h1>"))
    let policy = coverage.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
    #expect(policy.contains("style-src 'sha256-") && !policy.contains("unsafe") && !policy.contains("script"))
    let gaps = try await get("/reports/gaps")
    #expect(gaps.body.contains("<h1>没有服务站点的记录</h1>"))
    #expect(gaps.body.contains("href=\"/records/ich:cork-painting?lang=zh\""))
    #expect(gaps.body.contains("<th scope=\"col\">重要程度</th>"))
  }

  @Test func stationsFilterByTypeAndDistrict() async throws {
    let all = try await get("/stations")
    let gulou = try await get("/stations?district=350102")
    let pilots = try await get("/stations?type=pilot-station")
    func count(_ page: Page) -> Int {
      page.body.components(separatedBy: "<li><a href=\"/records/station:").count - 1
    }
    #expect(count(all) == 15 && count(gulou) < count(all) && count(gulou) > 0)
    #expect(count(pilots) == 13)
    #expect(pilots.body.contains("知识产权行政保护先行所"))
    #expect(try await get("/stations?type=castle").status == .badRequest)
  }
}
