import Foundation

/// `heritage stations` as a table or CSV; distances appear when the list was made near a point.
public func renderStations(
  _ stations: [StationEntry], distances: [String: Double] = [:], gazetteer: Gazetteer, format: TableFormat
) -> String {
  let header = ["id", "name", "type", "district", "serves"] + (distances.isEmpty ? [] : ["distance"])
  let rows = stations.map { station -> [String] in
    let district = station.districts.compactMap { gazetteer.district(code: $0)?.name }.joined(separator: " ")
    let type = station.type.rawValue + (station.featured ? " ★" : "")
    var row = [station.id, station.name, type, district, "\(station.serves.count)"]
    if let distance = distances[station.id] {
      row.append(format == .csv ? String(format: "%.3f", distance) : formatKilometers(distance))
    }
    return row
  }
  if format == .csv { return renderCSV(header, rows) }
  if rows.isEmpty { return "no stations match" }
  return renderTable(header, rows)
}

/// `heritage show`'s extra lines for a GI product or ICH item: the nearest station of each type.
public func renderNearest(_ nearest: [NearbyStation]) -> String {
  guard !nearest.isEmpty else { return "" }
  let rows = nearest.map { item in
    [
      "  " + item.station.type.chineseName, item.station.id, item.station.name,
      formatKilometers(item.kilometers) + (item.station.pointIsDistrict ? " (district)" : ""),
    ]
  }
  return "nearest stations\n" + renderColumns(rows)
}

/// `heritage report gaps` as a table or CSV.
public func renderGaps(_ gaps: [CoverageGap], format: TableFormat) -> String {
  let header = ["id", "name", "importance", "districts", "nearest stations"]
  let rows = gaps.map { gap in
    [
      gap.id, gap.name, gap.importance.label, gap.districts.joined(separator: " "),
      gap.candidates.isEmpty
        ? "(no location or district to measure from)"
        : gap.candidates.map { "\($0.station.id) \(formatKilometers($0.kilometers))" }.joined(
          separator: "; "),
    ]
  }
  if format == .csv { return renderCSV(header, rows) }
  if rows.isEmpty { return "every GI product and ICH item has a serving station" }
  return "\(gaps.count) record\(gaps.count == 1 ? "" : "s") without a serving station\n"
    + renderTable(header, rows)
}
