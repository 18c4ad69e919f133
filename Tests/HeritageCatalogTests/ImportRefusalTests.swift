import Foundation
import HeritageCatalog
import TestSupport
import Testing

/// Each bad input gets its exact error and leaves the catalog byte-for-byte as before.
@Suite(.removesTemporaryFolders) struct ImportRefusalTests {
  static let cases: [(file: String, error: String)] = [
    ("unknown-district.xml", ":6:5: gi:fuzhou-jasmine-tea: unknown district 鼓搂区 (did you mean 鼓楼区?)"),
    (
      "no-chinese-name.xml",
      ":3:3: gi:no-chinese: has no Chinese name: add <name xml:lang=\"zh\"> (or zh-Hans, zh-Hant)"
    ),
    (
      "bad-id.xml",
      ":3:3: GI:Bad Id: attribute id of <gi-product>: the value “GI:Bad Id” does not have the form [a-z]+:[a-z0-9][a-z0-9._\\-]*"
    ),
    (
      "latitude-out-of-range.xml",
      ":6:5: gi:far-north: attribute lat of <location>: the value 126.1 is greater than 90, the largest allowed"
    ),
    (
      "gi-without-category.xml", ":3:3: gi:no-category: has no <category>; a GI product needs one, such as 茶叶"
    ),
    ("ich-category-mismatch.xml", ":5:5: ich:wrong-category: category IV is 传统戏剧, but 传统音乐 is category II"),
    (
      "ich-category-older-name-of-another.xml",
      ":5:5: ich:wrong-older-category: category VII is 传统美术, but 民间音乐 is category II (传统音乐)"
    ),
    (
      "bad-listing-level.xml",
      ":6:5: ich:bad-level: attribute level of <listing>: the value “nation” is not one of 'unesco', 'national', 'provincial', 'municipal', 'county'"
    ),
    (
      "bad-protection-date.xml",
      ":6:5: gi:bad-protection: protection date 2009-02-30 is not a valid EDTF date (such as 2009, 2009-08 or 2009-08-15)"
    ),
    (
      "bad-protection-kind.xml",
      ":6:5: gi:bad-kind: attribute kind of <protection>: the value “trademark” is not one of 'protected-product', 'certification-mark', 'collective-mark', 'agricultural-gi', 'international-agreement', 'giahs', 'other'"
    ),
    (
      "bad-serves-role.xml",
      ":6:5: station:bad-role: attribute role of <serves>: the value “sponsor” is not one of 'enforcement', 'guidance', 'consultation', 'promotion', 'registration'"
    ),
    (
      "ich-without-category.xml",
      ":3:3: ich:no-category: has no <category code>; an ICH item needs its national category, I to X"
    ),
    (
      "id-too-long.xml",
      ":3:3: LONGID: attribute id of <gi-product>: the value is 129 characters long; at most 128 are allowed"
    ),
    (
      "related-to-station.xml",
      ":6:5: ich:points-at-station: related station:gulou-junmen: that is a station; related links go to GI products and ICH items"
    ),
    (
      "station-without-type.xml",
      ":3:3: station:no-type: <station>: the attribute type is required but missing"
    ),
    ("bad-edtf.xml", ":6:5: ich:bad-period: period 1368/16444 is not a valid EDTF value (such as 1368/1644)"),
    (
      "station-without-district.xml",
      ":3:3: station:nowhere: has no <district>; a station must name the division it is in"
    ),
    (
      "dangling-reference.xml",
      ":6:5: station:lost: serves gi:does-not-exist: no such record in the catalog or in this import"
    ),
    ("duplicate-id.xml", ":7:3: gi:twice: is defined twice in this import (first at BAD/duplicate-id.xml:3)"),
    (
      "kind-conflict.xml",
      ":3:3: ich:min-opera: is already in the catalog as a heritage-item, not a gi-product"
    ),
    ("unknown-element.xml", ":6:5: gi:unknown-level: <colour>: this element is not expected here"),
    ("not-well-formed.xml", ":6:15: the element <gi-product> opened on line 3 is closed by </gi-prodct>"),
    (
      "media-escape.xml",
      ":6:5: gi:media-escape: media path ../outside.txt uses .. to leave the folder of its XML file"
    ),
    (
      "media-absolute.xml",
      ":6:5: gi:media-absolute: media path /etc/hostname is absolute; it must be relative to the folder of its XML file"
    ),
    (
      "media-url.xml",
      ":6:5: gi:media-url: media path https://example.org/x.jpg is a URL; media must be files beside the XML file"
    ),
    ("media-missing.xml", ":6:5: gi:media-missing: media file media/nope.jpg does not exist"),
    (
      "media-sha-mismatch.xml",
      ":6:5: gi:media-sha: media file media/inside.txt does not match its sha256: the record says 0000000000000000000000000000000000000000000000000000000000000000, the file is 7b2441693c861bf6969869d8b6f45f098bc8ef07b78ca043a1cb663159aabb10"
    ),
  ]

  @Test(arguments: cases.map(\.file))
  func badInputIsRefusedWithItsErrorAndChangesNothing(file: String) throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.samples])
    let before = snapshot(folder)
    let path = Fixtures.path("bad/\(file)")
    let report = try importInto(folder, [path])
    let expected = Self.cases.first { $0.file == file }!.error
      .replacingOccurrences(of: "BAD/", with: Fixtures.path("bad") + "/")
      .replacingOccurrences(of: "LONGID", with: "gi:" + String(repeating: "a", count: 126))
    #expect(report.errors.map(\.description) == [path + expected])
    #expect(!report.committed)
    #expect(report.inserted == 0 && report.updated == 0)
    #expect(snapshot(folder) == before)
  }

  @Test(arguments: ["billion-laughs.xml", "external-entity.xml"])
  func documentWithDoctypeIsRefusedBeforeParsing(file: String) throws {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.path("bad/\(file)")])
    #expect(report.errors.count == 1)
    #expect(report.errors.first?.line == 2)
    #expect(report.errors.first?.message.description.hasPrefix("the document has a DOCTYPE") == true)
    #expect(try Catalog.create(folder: folder).stats().total == 0)
  }

  @Test func whatIsNotARecordIsNamed() throws {
    let path = Fixtures.path("bad/stray-content.xml")
    let report = try importInto(temporaryFolder(), [path])
    #expect(
      report.errors.map(\.description) == [
        "\(path): text outside any record after <thing> of line 3: “stray text”",
        "\(path):2:1: <records> does not take the attribute bogus (only source and created)",
        "\(path):3:3: x:y: <thing> is not a record; <records> holds <gi-product>, <heritage-item> and <station> in namespace urn:heritage-catalog:records:1",
      ])
  }

  @Test func deepNestingIsRefused() throws {
    let report = try importInto(temporaryFolder(), [Fixtures.path("bad/deep-nesting.xml")])
    #expect(
      report.errors.contains { $0.message == "elements nest deeper than 32 levels; the file is refused" })
  }

  @Test func symbolicLinkOutOfTheFolderIsRefused() throws {
    let folder = temporaryFolder()
    let records = folder.appendingPathComponent("records")
    try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
    try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
    try FileManager.default.createSymbolicLink(
      atPath: records.appendingPathComponent("photo.jpg").path, withDestinationPath: "../secret.txt")
    let xml = """
      <?xml version="1.0"?>
      <records xmlns="urn:heritage-catalog:records:1">
        <gi-product id="gi:linked">
          <name xml:lang="zh">茶</name><category>茶叶</category>
          <media href="photo.jpg" type="image/jpeg"/>
        </gi-product>
      </records>
      """
    let file = records.appendingPathComponent("linked.xml")
    try Data(xml.utf8).write(to: file)
    let report = try importInto(folder.appendingPathComponent("catalog"), [file.path])
    #expect(
      report.errors.map(\.description) == [
        "\(file.path):5:5: gi:linked: media path photo.jpg leads outside the folder of its XML file through a symbolic link"
      ])
  }

  @Test func missingPathIsAnError() throws {
    let report = try importInto(temporaryFolder(), ["/no/such/records.xml"])
    #expect(report.errors.map(\.description) == ["/no/such/records.xml: no such file or folder"])
  }

  @Test func everyErrorInEveryFileIsReported() throws {
    let files = ["unknown-district.xml", "no-chinese-name.xml", "media-missing.xml"].map {
      Fixtures.path("bad/\($0)")
    }
    let report = try importInto(temporaryFolder(), files + [Fixtures.path("good")])
    #expect(report.errors.count == 3)
    #expect(Set(report.errors.map(\.file)) == Set(files))
    #expect(report.refused == 6)
    #expect(report.summaryLine == "inserted 0, updated 0, unchanged 0, refused 6")
  }
}
