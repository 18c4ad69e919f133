import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// One catalog of messages: `scripts/check-messages` passes on the sources and fails on a copy
/// with an English sentence or label that has no Chinese; messages render in both languages.
@Suite(.removesTemporaryFolders) struct MessageCatalogTests {
  func check(root: URL) throws -> (status: Int32, output: String) {
    try runCheckScript("check-messages", root: root)
  }

  @Test func everyMessageHasItsChinese() throws {
    let result = try check(root: TestData.repository)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test(arguments: [
    ("Sources/heritage/Search.swift", #"func probe() { print(say("nothing matched at all")) }"#),
    (
      "Sources/HeritageCatalog/Output/SearchRender.swift",
      #"func probe(_ language: Language) -> String { language("rank") }"#
    ),
    (
      "Sources/HeritageCatalog/Import/RecordChecks.swift",
      #"let probe = CatalogError(.storage, "the disk is full")"#
    ),
  ])
  func anUntranslatedMessageIsCaught(file: String, line: String) throws {
    let root = temporaryFolder()
    try FileManager.default.copyItem(
      at: TestData.repository.appendingPathComponent("Sources"), to: root.appendingPathComponent("Sources"))
    let url = root.appendingPathComponent(file)
    try Data((try String(contentsOf: url, encoding: .utf8) + "\n" + line + "\n").utf8).write(to: url)
    let result = try check(root: root)
    #expect(result.status != 0)
    #expect(result.output.contains("no Chinese for"), "\(result.output)")
  }

  /// A key written twice in the catalog's dictionary literal stops every program that reads it.
  @Test func anEntryWrittenTwiceIsCaught() throws {
    let root = temporaryFolder()
    try FileManager.default.copyItem(
      at: TestData.repository.appendingPathComponent("Sources"), to: root.appendingPathComponent("Sources"))
    let url = root.appendingPathComponent("Sources/HeritageCatalog/Text/Translations.swift")
    let source = try String(contentsOf: url, encoding: .utf8)
    let entry = #"    "cannot be read: {0}": "无法读取：{0}","#
    #expect(source.contains(entry + "\n"))
    try Data(source.replacingOccurrences(of: entry + "\n", with: entry + "\n" + entry + "\n").utf8).write(
      to: url)
    let result = try check(root: root)
    #expect(result.status != 0)
    #expect(result.output.contains("“cannot be read: {0}” is in the catalog twice"), "\(result.output)")
  }

  @Test func messagesRenderInBothLanguagesWithTheirArguments() {
    let name = "鼓搂区"
    let message: Message = "unknown district \(name) (did you mean \(Message.either(["鼓楼区", "台江区"]))?)"
    #expect(message.text(.en) == "unknown district 鼓搂区 (did you mean 鼓楼区 or 台江区?)")
    let known: Message = "unknown district \(name) (did you mean \(Message.either(["鼓楼区"]))?)"
    #expect(known.text(.zh) == "未知区县 鼓搂区（是否为 鼓楼区？）")
    #expect(message.text(.zh) == "未知区县 鼓搂区（是否为 鼓楼区 或 台江区？）")
    #expect(Message.either(["鼓楼区", "台江区"]).text(.zh) == "鼓楼区 或 台江区")
    let braces: Message = "a {literal} \(1)"
    #expect(braces.text(.en) == "a {literal} 1" && braces.text(.zh) == "a {literal} 1")
  }

  /// Every word of the closed sets people read has its Chinese, whatever the scanner sees.
  @Test func everyLabelOfTheClosedSetsIsTranslated() {
    let words: [Message] =
      RecordKind.allCases.map(\.words) + ListingLevel.allCases.map(\.words) + MatchClass.allCases.map(\.words)
      + GapImportance.allCases.map(\.words)
    for word in words {
      #expect(word.text(.zh) != word.text(.en), "no Chinese for \(word)")
    }
  }

  @Test func languageFollowsThePosixLocaleOrder() {
    #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
    #expect(Language.from(environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
    #expect(Language.from(environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW", "LANG": "C"]) == .zh)
    #expect(Language.from(environment: [:]) == .en)
  }
}
