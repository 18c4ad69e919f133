import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// The `heritage` binary itself: exit status and what it prints.
@Suite(.removesTemporaryFolders) struct CLITests {
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, output: String, errors: String
  ) {
    try runHeritage(arguments, environment: environment)
  }

  @Test func refusedImportExitsNonZeroWithCountsFirst() throws {
    let folder = temporaryFolder().path
    let bad = Fixtures.path("bad/unknown-district.xml")
    let result = try run(["import", "--catalog", folder, bad])
    #expect(result.status != 0)
    #expect(
      result.output.split(separator: "\n").map(String.init) == [
        "1 error in 1 of 1 file; nothing was written",
        "\(bad):6:5: gi:fuzhou-jasmine-tea: unknown district 鼓搂区 (did you mean 鼓楼区?)",
        "inserted 0, updated 0, unchanged 0, refused 1",
      ])
  }

  @Test func refusedFirstImportLeavesNoCatalogBehind() throws {
    let folder = temporaryFolder().appendingPathComponent("new-catalog")
    let result = try run(["import", "--catalog", folder.path, Fixtures.path("bad/no-chinese-name.xml")])
    #expect(result.status != 0)
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func catalogComesFromTheEnvironment() throws {
    let folder = temporaryFolder().path
    let imported = try run(["import", Fixtures.path("good")], environment: ["HERITAGE_CATALOG": folder])
    #expect(imported.status == 0)
    #expect(imported.output.hasSuffix("inserted 3, updated 0, unchanged 0, refused 0\n"))
    let shown = try run(
      ["show", "--format", "json", "ich:test-opera"], environment: ["HERITAGE_CATALOG": folder])
    #expect(shown.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
    #expect((json?["record"] as? [String: Any])?["id"] as? String == "ich:test-opera")
  }

  @Test func badRoleIsRefusedAndWritesNothing() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("network/network.xml")])
    let before = snapshot(folder)
    let result = try run(["link", "--catalog", folder.path, "station:s2", "ich:b", "--role", "boss"])
    #expect(result.status != 0)
    #expect(snapshot(folder) == before)
  }

  @Test func coverageReportWritesHTMLToAFile() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("network/network.xml")])
    let page = folder.appendingPathComponent("coverage.html")
    let result = try run([
      "report", "coverage", "--catalog", folder.path, "--format", "html", "--output", page.path,
    ])
    #expect(result.status == 0)
    #expect(try String(contentsOf: page, encoding: .utf8).contains("<svg"))
  }

  @Test func unknownRecordExitsNonZero() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let result = try run(["show", "--catalog", folder.path, "gi:nothing"])
    #expect(result.status != 0)
  }

  /// Flags that cannot work together are refused when parsed (exit 64), before the catalog is
  /// opened: HTML only for the coverage report, a distance limit only with an origin.
  @Test(arguments: [
    ["search", "茉莉", "--format", "html"], ["stations", "--format", "html"],
    ["report", "gaps", "--format", "html"],
    ["search", "茉莉", "--within", "5"], ["stations", "--within", "5"], ["stations", "--near", "91,0"],
  ])
  func incompatibleFlagsAreRefusedWhenParsed(arguments: [String]) throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let result = try run(arguments + ["--catalog", folder.path])
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.errors.hasPrefix("Error: "))
  }

  @Test func withinWithoutNearIsNamedInFlagWords() throws {
    let result = try run(["stations", "--within", "5", "--catalog", temporaryFolder().path])
    #expect(result.errors.hasPrefix("Error: --within needs --near\n"))
  }

  /// Every command but import, as a clerk would type it, with the catalog folder left out.
  static let commandsThatNeedACatalog: [[String]] = [
    ["search", "茉莉"], ["show", "gi:fuzhou-jasmine-tea"], ["history", "gi:fuzhou-jasmine-tea"], ["stats"],
    ["stations"], ["report", "coverage"], ["report", "gaps"], ["export", "--to", "EXPORT"], ["verify"],
    ["link", "station:gulou-pilot", "ich:min-opera", "--role", "promotion"],
    ["unlink", "station:gulou-pilot", "ich:min-opera"], ["reindex"],
  ]

  @Test(arguments: commandsThatNeedACatalog)
  func mistypedCatalogIsNamedAndNothingIsCreated(arguments: [String]) throws {
    let parent = temporaryFolder()
    let mistyped = parent.appendingPathComponent("catalgo").path
    let export = parent.appendingPathComponent("export").path
    let result = try run(arguments.map { $0 == "EXPORT" ? export : $0 } + ["--catalog", mistyped])
    #expect(result.status != 0)
    #expect(
      result.errors
        == "heritage: no catalog at \(mistyped) (create one with: heritage import FILES --catalog \(mistyped))\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
  }

  @Test func mistypedCatalogFromTheEnvironmentIsNamed() throws {
    let parent = temporaryFolder()
    let mistyped = parent.appendingPathComponent("catalgo").path
    let result = try run(["search", "茉莉"], environment: ["HERITAGE_CATALOG": mistyped])
    #expect(result.status != 0)
    #expect(result.errors.hasPrefix("heritage: no catalog at \(mistyped) "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
  }

  @Test func readCommandsLeaveTheDatabaseUntouched() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let database = folder.appendingPathComponent("catalog.sqlite")
    let before = try Data(contentsOf: database)
    for arguments in Self.commandsThatNeedACatalog
    where !["link", "unlink", "reindex"].contains(arguments[0]) {
      let export = temporaryFolder().appendingPathComponent("export").path
      let result = try run(arguments.map { $0 == "EXPORT" ? export : $0 } + ["--catalog", folder.path])
      #expect(result.status == 0, "\(arguments)")
    }
    #expect(try Data(contentsOf: database) == before)
  }

  @Test func migrateNamesTheMigrationsItApplied() throws {
    // The sample records as a version with eleven migrations wrote them.
    let folder = temporaryFolder()
    try FileManager.default.copyItem(
      at: Fixtures.root.appendingPathComponent("catalogs/v11/catalog.sqlite"),
      to: folder.appendingPathComponent("catalog.sqlite"))
    let migrated = try run(["migrate", "--catalog", folder.path])
    #expect(migrated.status == 0)
    #expect(migrated.output == "\(folder.path): brought up to date (migrations v12, v13, v14, v15, v16)\n")
  }

  @Test func migrateStoresTheFormsAnotherGazetteerMadeStale() throws {
    let folder = temporaryFolder()
    #expect(try run(["import", Fixtures.samples, "--catalog", folder.path]).status == 0)
    #expect(try run(["migrate", "--catalog", folder.path]).output == "\(folder.path): up to date\n")
    let gazetteer = try String(contentsOf: Resources.url(for: "gazetteer.json"), encoding: .utf8)
    try gazetteer.replacingOccurrences(of: "\"en\": \"Gulou District\"", with: "\"en\": \"Gulou Qu\"")
      .write(to: folder.appendingPathComponent("gazetteer.json"), atomically: true, encoding: .utf8)
    let active = try Catalog.open(folder: folder)
      .harvest(HarvestSelection(), after: nil, limit: 1000, withRecords: false).entries
      .filter { $0.status == .active }.count
    let migrated = try run(["migrate", "--catalog", folder.path])
    #expect(migrated.status == 0)
    #expect(
      migrated.output == "\(folder.path): up to date\nstored the harvest forms of \(active) records\n")
    #expect(try run(["migrate", "--catalog", folder.path]).output == "\(folder.path): up to date\n")
  }

  @Test func olderCatalogIsRefusedByReadersAndMigratedOnRequest() throws {
    let folder = temporaryFolder()
    // A database with no migration applied stands for one written by an older heritage.
    FileManager.default.createFile(
      atPath: folder.appendingPathComponent("catalog.sqlite").path, contents: Data())
    let refused = try run(["stats", "--catalog", folder.path])
    #expect(refused.status != 0)
    #expect(
      refused.errors
        == "heritage: the catalog at \(folder.path) was written by an older heritage and needs its migrations; run: heritage migrate --catalog \(folder.path)\n"
    )
    let migrated = try run(["migrate", "--catalog", folder.path])
    #expect(migrated.status == 0)
    #expect(migrated.output.hasPrefix("\(folder.path): brought up to date (migrations v1, v2, v3, "))
    let stats = try run(["stats", "--catalog", folder.path])
    #expect(stats.status == 0 && stats.output.hasPrefix("0 records"))
    #expect(try run(["migrate", "--catalog", folder.path]).output == "\(folder.path): up to date\n")
  }
}

/// Hands the bytes of standard error from the reading thread to the test.
final class ErrorBox: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  func set(_ value: Data) {
    data = value
    done.signal()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
