import Foundation

/// `heritage report coverage --format html`: one self-contained page (inline CSS and SVG, no
/// scripts, no network) with the targets and a bar chart of stations per division.
public func renderCoverageHTML(_ report: CoverageReport, generated: String) -> String {
  let maximum = max(1, report.divisions.flatMap { $0.stations.values }.max() ?? 1)

  let targetRows = report.targets.map { progress -> String in
    let share = min(1, Double(progress.actual) / Double(max(1, progress.target.target)))
    let baseline =
      progress.target.baseline.map { "\($0)（\(progress.target.baselineYear.map(String.init) ?? "")）" } ?? "—"
    let missing =
      progress.divisionsWithout.isEmpty
      ? "" : "<br><small>尚无：\(escapeHTML(progress.divisionsWithout.joined(separator: "、")))</small>"
    return """
      <tr class="\(progress.met ? "met" : "short")"><td>\(escapeHTML(progress.target.label))</td>\
      <td class="n">\(progress.actual)</td><td class="n">\(progress.target.target)</td><td class="n">\(baseline)</td>\
      <td><svg width="160" height="12" role="img" aria-label="\(Int(share * 100))%"><rect width="160" height="12" fill="#e6e6e6"/>\
      <rect width="\(Int(160 * share))" height="12" fill="\(progress.met ? "#2e8b57" : "#c77c02")"/></svg> \(Int(share * 100))%\(missing)</td></tr>
      """
  }.joined(separator: "\n")

  let divisionCards = report.divisions.map { division -> String in
    let unserved =
      division.unserved.isEmpty
      ? "<p class=\"ok\">所有地理标志产品和非遗项目均有服务站点</p>"
      : "<p class=\"gap\">无服务站点：\(escapeHTML(division.unserved.joined(separator: ", ")))</p>"
    return """
      <section class="card"><h3>\(escapeHTML(division.name)) <small>\(division.code)</small></h3>
      <p>站点 \(division.stationCount)（特色品牌所 \(division.featured)）· 地理标志产品 \(division.giProducts) · 非遗项目 \(division.heritageItems)</p>
      \(bars(for: division, maximum: maximum))
      \(unserved)</section>
      """
  }.joined(separator: "\n")

  return """
    <!DOCTYPE html>
    <html lang="zh-Hans"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>知识产权保护站点覆盖报告 · Station coverage</title>
    <style>
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222;background:#fafaf7}
    h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem}
    .meta{color:#666;font-size:.9rem}
    table{border-collapse:collapse;background:#fff} td,th{border:1px solid #ddd;padding:.35rem .6rem;font-size:.9rem;text-align:left}
    td.n{text-align:right} tr.short td:first-child{border-left:4px solid #c77c02} tr.met td:first-child{border-left:4px solid #2e8b57}
    .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:1rem}
    .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem}
    .card h3{margin:.2rem 0;font-size:1.05rem} .card p{margin:.3rem 0;font-size:.88rem}
    .gap{color:#a04000} .ok{color:#2e6b3a} small{color:#777}
    </style></head><body>
    <h1>知识产权保护站点覆盖报告</h1>
    <p class="meta">Station coverage against \(escapeHTML(report.plan)) · generated \(escapeHTML(generated)) · 无服务站点的产品与项目共 \(report.unservedTotal) 个</p>
    <h2>目标完成情况 Targets</h2>
    <table><tr><th>指标</th><th>现有</th><th>目标</th><th>2023 基数</th><th>进度</th></tr>
    \(targetRows)
    </table>
    <h2>各县（市）区 Divisions</h2>
    <div class="grid">
    \(divisionCards)
    </div>
    </body></html>

    """
}

/// One division's stations by type as an inline SVG bar chart, bars scaled to `maximum`.
private func bars(for division: DivisionCoverage, maximum: Int) -> String {
  let types = StationType.allCases
  let colors = ["#1b6ca8", "#2e8b57", "#c77c02", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400"]
  let rowHeight = 18
  let labelWidth = 170
  let barWidth = 260
  var svg = """
    <svg xmlns="http://www.w3.org/2000/svg" width="\(labelWidth + barWidth + 40)" height="\(types.count * rowHeight + 6)" role="img" aria-label="\(escapeHTML(division.name)) stations by type">
    """
  for (index, type) in types.enumerated() {
    let count = division.stations[type] ?? 0
    let y = index * rowHeight + 3
    let width = count == 0 ? 0 : max(3, barWidth * count / maximum)
    svg += """
      <text x="0" y="\(y + 12)" font-size="11" fill="#333">\(escapeHTML(type.chineseName))</text>\
      <rect x="\(labelWidth)" y="\(y + 2)" width="\(width)" height="\(rowHeight - 6)" fill="\(colors[index % colors.count])"/>\
      <text x="\(labelWidth + width + 4)" y="\(y + 12)" font-size="11" fill="#333">\(count)</text>
      """
  }
  return svg + "</svg>"
}
