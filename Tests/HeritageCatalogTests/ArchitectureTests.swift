import Foundation
import TestSupport
import Testing

/// The layers of docs/architecture.md hold: `scripts/check-layers` passes on the sources, and
/// fails on a copy with a use that runs upward or sideways.
@Suite(.removesTemporaryFolders) struct ArchitectureTests {
  func check(root: URL) throws -> (status: Int32, output: String) {
    try runCheckScript("check-layers", root: root)
  }

  @Test func everyUseRunsDownward() throws {
    let result = try check(root: TestData.repository)
    #expect(result.status == 0, "\(result.output)")
  }

  /// A copy of the sources with `line` added to `file`.
  func copyWith(_ line: String, in file: String) throws -> URL {
    let root = temporaryFolder()
    try FileManager.default.copyItem(
      at: TestData.repository.appendingPathComponent("Sources"), to: root.appendingPathComponent("Sources"))
    let url = root.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8) + "\n" + line + "\n"
    try Data(text.utf8).write(to: url)
    return root
  }

  @Test(arguments: [
    (
      "Sources/HeritageCatalog/Store/Reindex.swift", "func probe() { _ = SearchQuery(text: \"x\") }",
      "Store/Reindex.swift: uses SearchQuery from Search/"
    ),
    (
      "Sources/HeritageCatalog/Export/ExportNames.swift", "func probe() { _ = StationQuery() }",
      "Export/ExportNames.swift: uses StationQuery from Stations/"
    ),
    ("Sources/HeritageCatalog/Search/SearchPlan.swift", "import GRDB", "SearchPlan.swift: imports GRDB"),
    ("Sources/heritage/Search.swift", "import GRDB", "the CLI imports GRDB"),
  ])
  func crossingIsCaught(file: String, line: String, expected: String) throws {
    let root = try copyWith(line, in: file)
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try check(root: root)
    #expect(result.status != 0)
    #expect(result.output.contains(expected), "\(result.output)")
  }
}
