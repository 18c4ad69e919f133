import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// A question made of several queries reads one state of the catalog: one read transaction,
/// however many steps read inside it.
@Suite(.removesTemporaryFolders, .serialized) struct ReadTransactionTests {
  /// The samples, in a catalog of one connection (opened for writing) whose statements can be traced.
  static let catalog: Catalog = {
    let folder = sharedTemporaryFolder()
    _ = try! importInto(folder, [Fixtures.samples])
    return try! Catalog.create(folder: folder)
  }()

  func transactions(_ body: () throws -> Void) throws -> Int {
    try Self.catalog.statements(during: body).filter { $0.uppercased().hasPrefix("BEGIN") }.count
  }

  @Test(arguments: ["闽剧", "mlhc", "jasmine", "鼓楼区", "福州", "茶", "jasmine tea", "閩劇", "xyzzy"])
  func aSearchBeginsOneTransaction(text: String) throws {
    var hits = 0
    #expect(
      try transactions { hits = try Self.catalog.search(SearchQuery(text: text, limit: 5)).hits.count } == 1)
    if text != "xyzzy" { #expect(hits > 0, "\(text)") }
  }

  @Test func aSearchNearARecordBeginsOneTransaction() throws {
    let query = SearchQuery(text: "福州", near: Origin("26.08,119.30"), limit: 5)
    #expect(try transactions { _ = try Self.catalog.search(query) } == 1)
  }

  @Test func aRecordWithItsNearestStationsBeginsOneTransaction() throws {
    #expect(try transactions { _ = try Self.catalog.detailsWithNearestStations(id: "ich:min-opera") } == 1)
  }

  @Test func readingOneStateJoinsItsCallsInOneTransaction() throws {
    let count = try transactions {
      try Self.catalog.readingOneState {
        _ = try Self.catalog.details(id: "ich:min-opera")
        _ = try Self.catalog.stats()
        _ = try Self.catalog.search(SearchQuery(text: "茶", limit: 3))
      }
    }
    #expect(count == 1)
    // Apart, each is its own.
    #expect(
      try transactions {
        _ = try Self.catalog.details(id: "ich:min-opera")
        _ = try Self.catalog.stats()
      } >= 2)
  }
}
