import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// A harvest's whole-list size is kept between pages until the catalog changes: an import
/// that adds records shows in the next page's count, for every set.
@Suite(.removesTemporaryFolders) struct HarvestCountTests {
  @Test func theCountOfASetFollowsAnImport() throws {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).committed)
    let catalog = try Catalog.open(folder: folder)
    let selections = [
      HarvestSelection(), HarvestSelection(kind: .heritageItem), HarvestSelection(kind: .giProduct),
      HarvestSelection(district: "350102"), HarvestSelection(kind: .heritageItem, district: "350104"),
    ]
    func totals() throws -> [Int] {
      try selections.map { try catalog.harvest($0, after: nil, limit: 5, withRecords: false).total }
    }
    let before = try totals()
    #expect(try totals() == before)
    // 60 records: every third a GI product, in 鼓楼区 (350102), 仓山区 (350104), 连江县 and 长乐区 in
    // turn, every eighth in the next district as well.
    #expect(try importInto(folder, [Fixtures.path("search/place-tier.xml")]).committed)
    let added = (0..<60).map { index -> (gi: Bool, districts: [Int]) in
      (index % 3 == 0, [index % 4] + (index % 8 == 0 ? [(index + 1) % 4] : []))
    }
    #expect(
      try totals() == [
        before[0] + 60, before[1] + added.filter { !$0.gi }.count, before[2] + added.filter(\.gi).count,
        before[3] + added.filter { $0.districts.contains(0) }.count,
        before[4] + added.filter { !$0.gi && $0.districts.contains(1) }.count,
      ])
    // A datestamp range is counted each time.
    let today = String(Date().ISO8601Format().prefix(10))
    #expect(
      try catalog.harvest(
        HarvestSelection(until: today + "T23:59:59Z"), after: nil, limit: 5, withRecords: false
      )
      .total == before[0] + 60)
  }
}
