import Foundation

/// The bag's own indexes of its records: `catalog.json`, `catalog.csv` and `index.html`, a page
/// a person opens from the unpacked bag to browse every record and view its media offline.
enum ExportIndex {
  struct Entry: Codable {
    var id: String
    var kind: String
    var status: String
    var name: String
    var names: [LocalizedText]
    var districts: [String]
    var record: String
    var dublinCore: String
    var media: [String]
  }

  static func entries(_ records: [Record], files: [PayloadFile], gazetteer: Gazetteer) -> [Entry] {
    let byRecord = Dictionary(grouping: files.filter { $0.recordID != nil }, by: { $0.recordID! })
    return records.map { record in
      let mine = byRecord[record.id] ?? []
      return Entry(
        id: record.id, kind: record.kind.rawValue, status: record.status.rawValue, name: record.primaryName,
        names: record.names, districts: record.districts.compactMap { gazetteer.district(code: $0)?.name },
        record: mine.first { $0.use == .record }?.payloadPath ?? "",
        dublinCore: mine.first { $0.use == .dc }?.payloadPath ?? "",
        media: mine.filter { $0.use == .media }.map(\.payloadPath))
    }
  }

  static func json(_ entries: [Entry]) throws -> Data {
    Data((try renderJSON(entries) + "\n").utf8)
  }

  static func csv(_ entries: [Entry]) -> Data {
    Data(
      renderCSV(
        ["id", "kind", "status", "name", "districts", "record", "dublin_core", "media"],
        entries.map {
          [
            $0.id, $0.kind, $0.status, $0.name, $0.districts.joined(separator: " "), $0.record, $0.dublinCore,
            $0.media.joined(separator: " "),
          ]
        }
      ).utf8)
  }

  static func html(_ entries: [Entry], records: [Record], files: [PayloadFile], description: String) -> Data {
    let mediaByPath = Dictionary(uniqueKeysWithValues: files.map { ($0.payloadPath, $0) })
    let sections = zip(entries, records).map { entry, record -> String in
      let summaries = record.summaries.map {
        "<p lang=\"\(escapeHTML($0.lang ?? ""))\">\(escapeHTML($0.text))</p>"
      }.joined()
      let names = record.names.map {
        "<span lang=\"\(escapeHTML($0.lang ?? ""))\">\(escapeHTML($0.text))</span>"
      }
      .joined(separator: " · ")
      let media = entry.media.map { path -> String in
        let type = mediaByPath[path]?.mimeType ?? ""
        let link = escapeHTML(path)
        return type.hasPrefix("image/")
          ? "<figure><a href=\"\(link)\"><img src=\"\(link)\" alt=\"\(escapeHTML(entry.name))\"></a></figure>"
          : "<p><a href=\"\(link)\">\(link)</a> (\(escapeHTML(type)))</p>"
      }.joined()
      return """
        <section id="\(escapeHTML(entry.id))"><h2>\(names)</h2>
        <p class="meta">\(escapeHTML(entry.id)) · \(escapeHTML(entry.kind))\(entry.status == "withdrawn" ? " · withdrawn" : "")\
        \(entry.districts.isEmpty ? "" : " · " + escapeHTML(entry.districts.joined(separator: "、")))</p>
        \(summaries)\(media)
        <p class="files"><a href="\(escapeHTML(entry.record))">record.xml</a> · <a href="\(escapeHTML(entry.dublinCore))">Dublin Core</a></p>
        </section>
        """
    }.joined(separator: "\n")
    let contents = entries.map {
      "<li><a href=\"#\(escapeHTML($0.id))\">\(escapeHTML($0.name))</a> <small>\(escapeHTML($0.id))</small></li>"
    }
    .joined()
    let page = """
      <!DOCTYPE html>
      <html lang="zh-Hans"><head><meta charset="utf-8"><title>\(escapeHTML(description))</title>
      <style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2rem;max-width:60rem;color:#222}
      section{border-top:1px solid #ddd;padding:.5rem 0} .meta,small{color:#666} img{max-width:24rem;border:1px solid #ccc}</style>
      </head><body><h1>\(escapeHTML(description))</h1>
      <p>\(entries.count) records. Files: <a href="mets.xml">mets.xml</a> · <a href="catalog.json">catalog.json</a> · <a href="catalog.csv">catalog.csv</a></p>
      <ul>\(contents)</ul>
      \(sections)
      </body></html>

      """
    return Data(page.utf8)
  }
}
