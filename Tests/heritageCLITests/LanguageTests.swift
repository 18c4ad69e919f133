import Foundation
import TestSupport
import Testing

/// Every command in Chinese (`LANG=zh_CN.UTF-8`) and in English (`LANG=C`): the human output in
/// each language, and JSON and CSV byte-identical between the two.
@Suite(.removesTemporaryFolders) struct LanguageTests {
  static let zh = ["LANG": "zh_CN.UTF-8"]
  static let en = ["LANG": "C"]

  /// A catalog of the samples, shared by the read-only commands.
  static let catalog: String = {
    let folder = sharedTemporaryFolder().appendingPathComponent("catalog").path
    _ = try! runHeritage(["import", "--catalog", folder, Fixtures.samples])
    return folder
  }()

  /// Runs `arguments` in both languages; both must succeed (or both fail, when `failing`).
  func both(_ arguments: [String], failing: Bool = false) throws -> (zh: String, en: String) {
    let chinese = try runHeritage(arguments, environment: Self.zh)
    let english = try runHeritage(arguments, environment: Self.en)
    #expect((chinese.status != 0) == failing, "\(arguments): \(chinese.errors)")
    #expect((english.status != 0) == failing, "\(arguments): \(english.errors)")
    return (chinese.output + chinese.errors, english.output + english.errors)
  }

  /// The same machine output whatever the language.
  func expectSameMachineOutput(_ arguments: [String]) throws {
    let outputs = try both(arguments)
    #expect(outputs.zh == outputs.en, "\(arguments)")
    #expect(!outputs.zh.isEmpty)
  }

  @Test func search() throws {
    let table = try both(["search", "--catalog", Self.catalog, "闽剧"])
    #expect(table.zh.hasPrefix("编号           名称  类型      匹配  级别    区县\nich:min-opera  闽剧  非遗项目  名称  国家级"))
    #expect(
      table.en.hasPrefix(
        "id             name  kind  match  level     districts\nich:min-opera  闽剧  ich   name   national"))
    let none = try both(["search", "--catalog", Self.catalog, "闽戏"])
    #expect(none.zh.hasPrefix("没有找到“闽戏”"))
    #expect(none.en.hasPrefix("no results for “闽戏”"))
    try expectSameMachineOutput(["search", "--catalog", Self.catalog, "茉莉", "--format", "json"])
    try expectSameMachineOutput(["search", "--catalog", Self.catalog, "茉莉", "--format", "csv"])
  }

  @Test func show() throws {
    let text = try both(["show", "--catalog", Self.catalog, "ich:min-opera"])
    #expect(text.zh.contains("类型          非遗项目\n"))
    #expect(text.zh.contains("版本          第 1 版，更新于 20"))
    #expect(text.zh.contains("年") && text.zh.contains("名录          国家级, 2006"))
    #expect(text.en.contains("kind          ich\n") && text.en.contains("listing       national, 2006"))
    try expectSameMachineOutput(["show", "--catalog", Self.catalog, "ich:min-opera", "--format", "json"])
  }

  @Test func historyAndStats() throws {
    let history = try both(["history", "--catalog", Self.catalog, "ich:min-opera"])
    #expect(history.zh.hasPrefix("ich:min-opera：共 1 个版本\n版本  时间"))
    #expect(history.en.hasPrefix("ich:min-opera: 1 revision\nrev  time"))
    let stats = try both(["stats", "--catalog", Self.catalog])
    #expect(stats.zh.hasPrefix("共 27 条记录（已撤回 0 条），27 个版本，1 次导入"))
    #expect(stats.zh.contains("按类型\n  地理标志产品  4\n  非遗项目      8\n  服务站点      15"))
    #expect(stats.en.hasPrefix("27 records (0 withdrawn), 27 revisions, 1 imports"))
    try expectSameMachineOutput(["history", "--catalog", Self.catalog, "ich:min-opera", "--format", "json"])
    try expectSameMachineOutput(["stats", "--catalog", Self.catalog, "--format", "json"])
  }

  @Test func stationsAndReports() throws {
    let stations = try both(["stations", "--catalog", Self.catalog, "--district", "鼓楼区"])
    #expect(stations.zh.hasPrefix("编号"))
    #expect(stations.zh.contains("知识产权行政保护先行所"))
    #expect(stations.en.hasPrefix("id"))
    #expect(stations.en.contains("pilot-station"))
    let coverage = try both(["report", "coverage", "--catalog", Self.catalog])
    #expect(coverage.zh.hasPrefix("各区县服务站点覆盖情况"))
    #expect(coverage.en.hasPrefix("station coverage by division"))
    let gaps = try both(["report", "gaps", "--catalog", Self.catalog])
    #expect(gaps.zh.contains("条记录没有服务站点") || gaps.zh.contains("所有地理标志产品和非遗项目均有服务站点"))
    #expect(gaps.en.contains("without a serving station"))
    for arguments in [
      ["stations", "--catalog", Self.catalog, "--format", "json"],
      ["stations", "--catalog", Self.catalog, "--format", "csv"],
      ["report", "coverage", "--catalog", Self.catalog, "--format", "json"],
      ["report", "coverage", "--catalog", Self.catalog, "--format", "csv"],
      ["report", "gaps", "--catalog", Self.catalog, "--format", "json"],
      ["report", "gaps", "--catalog", Self.catalog, "--format", "csv"],
    ] {
      try expectSameMachineOutput(arguments)
    }
  }

  @Test func importErrorsKeepTheirPrefix() throws {
    let bad = Fixtures.path("bad/unknown-district.xml")
    let folder = temporaryFolder().path
    let refused = try both(["import", "--catalog", folder, bad], failing: true)
    #expect(
      refused.zh.contains("\(bad):6:5: gi:fuzhou-jasmine-tea: 未知区县 鼓搂区（是否为 鼓楼区？）"))
    #expect(refused.zh.hasPrefix("1 处错误（1 个文件中 1 个有误）；未写入任何内容"))
    #expect(
      refused.en.contains("\(bad):6:5: gi:fuzhou-jasmine-tea: unknown district 鼓搂区 (did you mean 鼓楼区?)"))
    let level = Fixtures.path("bad/bad-listing-level.xml")
    let schema = try both(["import", "--catalog", folder, level], failing: true)
    #expect(schema.zh.contains("\(level):6:5: ich:bad-level: <listing> 的属性 level：值“nation”不在可选值 "))
    #expect(
      schema.en.contains(
        "\(level):6:5: ich:bad-level: attribute level of <listing>: the value “nation” is not one of "))
    let mismatch = try both(
      ["import", "--catalog", folder, Fixtures.path("bad/not-well-formed.xml")], failing: true)
    #expect(mismatch.zh.contains("第 3 行开始的元素 <gi-product> 被 </gi-prodct> 结束，标签不匹配"))
    let json = try both(["import", "--catalog", folder, "--dry-run", "--format", "json", bad], failing: true)
    #expect(json.zh == json.en)
    #expect(json.zh.contains("unknown district 鼓搂区"))
  }

  @Test func writingCommands() throws {
    let folder = temporaryFolder().path
    let zh = try runHeritage(["import", "--catalog", folder, Fixtures.samples], environment: Self.zh)
    #expect(zh.output == "已检查 3 个文件；记为第 1 次导入\n新增 27 条，更新 0 条，未变 0 条，拒收 0 条\n")
    let link = try runHeritage(
      ["link", "--catalog", folder, "station:gulou-junmen", "ich:min-opera", "--role", "promotion"],
      environment: Self.zh)
    #expect(link.output == "station:gulou-junmen 现已服务于 ich:min-opera（promotion）；第 2 版\n")
    let unlink = try runHeritage(
      ["unlink", "--catalog", folder, "station:gulou-junmen", "ich:min-opera"], environment: Self.en)
    #expect(unlink.output == "station:gulou-junmen no longer serves ich:min-opera; revision 3\n")
    let relink = try runHeritage(
      ["link", "--catalog", folder, "station:gulou-junmen", "ich:min-opera", "--role", "promotion"],
      environment: Self.en)
    #expect(relink.output == "station:gulou-junmen now serves ich:min-opera (promotion); revision 4\n")
    let unlinkZh = try runHeritage(
      ["unlink", "--catalog", folder, "station:gulou-junmen", "ich:min-opera"], environment: Self.zh)
    #expect(unlinkZh.output == "station:gulou-junmen 不再服务于 ich:min-opera；第 5 版\n")
    let reindex = try both(["reindex", "--catalog", folder])
    #expect(reindex.zh == "已为 27 条记录建立索引\n" && reindex.en == "indexed 27 records\n")
    let migrate = try both(["migrate", "--catalog", folder])
    #expect(migrate.zh == "\(folder)：已是最新\n" && migrate.en == "\(folder): up to date\n")
  }

  @Test func exportAndVerify() throws {
    let bag = temporaryFolder().appendingPathComponent("bag").path
    let export = try runHeritage(
      ["export", "--catalog", Self.catalog, "--to", bag, "--date", "2026-11-25"], environment: Self.zh)
    #expect(export.output.hasPrefix("已写入 \(bag)：27 条记录，"))
    let englishBag = temporaryFolder().appendingPathComponent("bag").path
    let englishExport = try runHeritage(
      ["export", "--catalog", Self.catalog, "--to", englishBag, "--date", "2026-11-25"], environment: Self.en)
    #expect(englishExport.output.hasPrefix("wrote \(englishBag): 27 records, "))
    let verify = try both(["verify", bag])
    #expect(verify.zh.hasPrefix("\(bag)：有效的包（BagIt 1.0），"))
    #expect(verify.en.hasPrefix("\(bag): valid bag (BagIt 1.0), "))
    try expectSameMachineOutput(["verify", bag, "--format", "json"])
    let audit = try both(["verify", "--catalog", Self.catalog])
    #expect(
      audit.zh.hasPrefix("已检查 1 个媒体文件，其中 0 个有问题")
        && audit.en.hasPrefix("1 media file checked, 0 with problems"))
  }

  @Test func missingCatalogAndHelpAndVersion() throws {
    let missing = temporaryFolder().appendingPathComponent("catalgo").path
    let failure = try both(["search", "茉莉", "--catalog", missing], failing: true)
    #expect(failure.zh == "heritage: \(missing) 没有目录（可用此命令创建：heritage import 文件 --catalog \(missing)）\n")
    #expect(
      failure.en
        == "heritage: no catalog at \(missing) (create one with: heritage import FILES --catalog \(missing))\n"
    )
    let help = try both(["serve", "--help"])
    #expect(help.zh.contains("通过 HTTP 只读提供目录") && help.zh.contains("监听的端口。"))
    #expect(
      help.en.contains("Serve the catalog read-only over HTTP") && help.en.contains("The port to listen on."))
    #expect(help.zh.contains("选项：") && help.zh.contains("显示帮助信息。") && !help.zh.contains("OPTIONS:"))
    let missingQuery = try both(["search"], failing: true)
    #expect(missingQuery.zh.hasPrefix("错误：缺少参数 '<query> ...'"))
    #expect(missingQuery.en.hasPrefix("Error: Missing expected argument '<query> ...'"))
    let version = try both(["--version"])
    #expect(version.zh.hasPrefix("heritage 0.4.0（遗产目录"))
    #expect(version.en.hasPrefix("heritage 0.4.0 (HeritageCatalog"))
  }

  @Test func languageComesFromTheFlagThenTheLocale() throws {
    let english = try runHeritage(["stats", "--catalog", Self.catalog, "--lang", "en"], environment: Self.zh)
    #expect(english.output.hasPrefix("27 records"))
    let chinese = try runHeritage(["stats", "--catalog", Self.catalog, "--lang", "zh"], environment: Self.en)
    #expect(chinese.output.hasPrefix("共 27 条记录"))
    let lcAll = try runHeritage(
      ["stats", "--catalog", Self.catalog], environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"])
    #expect(lcAll.output.hasPrefix("27 records"))
    let messages = try runHeritage(
      ["stats", "--catalog", Self.catalog], environment: ["LC_MESSAGES": "zh_TW.UTF-8"])
    #expect(messages.output.hasPrefix("共 27 条记录"))
  }
}
