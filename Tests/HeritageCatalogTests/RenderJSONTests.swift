import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// `renderJSON`, which writes every `--format json` and every API response, writes what
/// Foundation's `JSONEncoder` writes pretty-printed with sorted keys and unescaped slashes, for
/// every kind of output over the sample catalog.
@Suite(.removesTemporaryFolders) struct RenderJSONTests {
  static let foundation: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  func expectFoundationsBytes(_ value: some Encodable, _ what: String) throws {
    let expected = String(decoding: try Self.foundation.encode(value), as: UTF8.self)
    #expect(try renderJSON(value) == expected, "\(what)")
  }

  @Test func everyOutputIsWrittenAsFoundationWritesIt() throws {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.samples, Fixtures.path("json/every-field.xml")])
    try expectFoundationsBytes(report, "import report")
    let catalog = try Catalog.open(folder: folder)
    for kind in RecordKind.allCases {
      for record in try catalog.currentRecords(kind: kind) {
        try expectFoundationsBytes(try catalog.detailsWithNearestStations(id: record.id), record.id)
        try expectFoundationsBytes(try catalog.history(id: record.id), "history of \(record.id)")
      }
    }
    for text in ["闽剧", "茉莉", "mlhc", "jasmine", "寿山石凋", "zzzz"] {
      try expectFoundationsBytes(try catalog.search(SearchQuery(text: text)), text)
      try expectFoundationsBytes(
        try catalog.search(SearchQuery(text: text, near: Origin("26.08,119.29"))), "\(text) near")
    }
    try expectFoundationsBytes(try catalog.stats(), "stats")
    try expectFoundationsBytes(
      try catalog.coverageReport(targets: try CoverageTargets.load(for: catalog)), "coverage")
    try expectFoundationsBytes(try catalog.gapsReport(), "gaps")
    try expectFoundationsBytes(try catalog.stations(StationQuery()), "stations")
    try expectFoundationsBytes(
      try catalog.stations(StationQuery(near: Origin("26.08,119.29"))), "stations near")
    let bags = temporaryFolder()
    let exported = try catalog.export(
      ExportOptions(
        selection: ExportSelection(), destination: bags.appendingPathComponent("bag"), date: "2026-11-26"))
    try expectFoundationsBytes(exported, "export")
    try expectFoundationsBytes(BagVerifier.verify(folder: URL(fileURLWithPath: exported[0].path)), "verify")
  }

  /// Empty containers, nested ones, integers of other widths, URLs and data: the shapes
  /// pretty printing and Foundation's defaults treat on their own.
  @Test func shapesAndTypesAreWrittenAsFoundationWritesThem() throws {
    struct Shapes: Encodable {
      var empty: [Int] = []
      var emptyObject: [String: Int] = [:]
      var nested = [[Int](), [1, 2]]
      var objects = ["b": ["z": 1], "a": [:]]
      var small: Int8 = -8
      var wide: UInt64 = .max
      var url = URL(string: "https://example.org/a/b?c=d")!
      var data = Data([0, 1, 2, 250])
      var missing: String? = nil
      var text = "a/b \"引号\" \u{1}"
      var number = 0.1
    }
    try expectFoundationsBytes(Shapes(), "shapes")
    try expectFoundationsBytes([Shapes(), Shapes()], "array of shapes")
    try expectFoundationsBytes([String](), "empty array")
    try expectFoundationsBytes(42, "a number alone")
    try expectFoundationsBytes("一段文字", "a string alone")
  }
}
