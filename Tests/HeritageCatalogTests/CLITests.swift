import Foundation
import Testing

/// The `heritage` binary itself: exit status and what it prints.
@Suite struct CLITests {
  /// The built `heritage`, beside the test bundle's resources.
  static let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("heritage")

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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
    let result = try run(["show", "--catalog", temporaryFolder().path, "gi:nothing"])
    #expect(result.status != 0)
  }
}
