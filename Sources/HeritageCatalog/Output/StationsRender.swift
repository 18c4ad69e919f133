import Foundation

/// `heritage stations` as a table (headers and types in `language`) or CSV (raw values,
/// English headers); distances appear when the list was made near a point.
public func renderStations(
  _ stations: [StationEntry], distances: [String: Double] = [:], gazetteer: Gazetteer, format: TableFormat,
  language: Language = .en
) -> String {
  let headers: [Message] =
    ["id", "name", "type", "district", "serves"] + (distances.isEmpty ? [] : ["distance"])
  let table = format != .csv
  let rows = stations.map { station -> [String] in
    let district = station.districts.compactMap { gazetteer.district(code: $0)?.name }.joined(separator: " ")
    let type =
      (table ? station.type.displayName(language) : station.type.rawValue) + (station.featured ? " ★" : "")
    var row = [station.id, station.name, type, district, "\(station.serves.count)"]
    if let distance = distances[station.id] {
      row.append(table ? formatKilometers(distance, language) : String(format: "%.3f", distance))
    }
    return row
  }
  if !table { return renderCSV(headers.map { $0.text(.en) }, rows) }
  if rows.isEmpty { return language("no stations match") }
  return renderTable(headers.map { language($0) }, rows)
}

/// `heritage show`'s extra lines for a GI product or ICH item: the nearest station of each type.
public func renderNearest(_ nearest: [NearbyStation], language: Language = .en) -> String {
  guard !nearest.isEmpty else { return "" }
  let rows = nearest.map { item in
    [
      "  " + item.station.type.chineseName, item.station.id, item.station.name,
      formatKilometers(item.kilometers, language)
        + (item.station.pointIsDistrict ? language(" (district)") : ""),
    ]
  }
  return language("nearest stations") + "\n" + renderColumns(rows)
}

/// `heritage report gaps` as a table or CSV.
public func renderGaps(_ gaps: [CoverageGap], format: TableFormat, language: Language = .en) -> String {
  let headers: [Message] = ["id", "name", "importance", "districts", "nearest stations"]
  let table = format != .csv
  let rows = gaps.map { gap in
    [
      gap.id, gap.name, table ? language(gap.importance.words) : gap.importance.label,
      gap.districts.joined(separator: " "),
      gap.candidates.isEmpty
        ? (table
          ? language("(no location or district to measure from)")
          : "(no location or district to measure from)")
        : gap.candidates.map {
          "\($0.station.id) \(table ? formatKilometers($0.kilometers, language) : formatKilometers($0.kilometers))"
        }.joined(separator: "; "),
    ]
  }
  if !table { return renderCSV(headers.map { $0.text(.en) }, rows) }
  if rows.isEmpty { return language("every GI product and ICH item has a serving station") }
  let count: Message =
    gaps.count == 1 ? "1 record without a serving station" : "\(gaps.count) records without a serving station"
  return language(count) + "\n" + renderTable(headers.map { language($0) }, rows)
}
