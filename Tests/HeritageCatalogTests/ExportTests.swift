import Foundation
import HeritageCatalog
import TestSupport
import Testing
import ZIPFoundation

@Suite(.removesTemporaryFolders) struct ExportTests {
  /// A catalog of the sample records.
  func samples() throws -> Catalog {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    return try Catalog.create(folder: folder)
  }

  @Test func exportedBagIsValidAndComplete() throws {
    let catalog = try samples()
    let bag = temporaryFolder().appendingPathComponent("bag")
    let results = try catalog.export(
      ExportOptions(selection: ExportSelection(), destination: bag, date: "2026-11-25"))
    #expect(results.count == 1)
    let result = try #require(results.first)
    #expect(result.records == 27)
    let verification = BagVerifier.verify(folder: bag)
    #expect(verification.isValid, "\(verification.errors)")
    #expect(verification.warnings.isEmpty)
    for path in [
      "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
      "tagmanifest-sha512.txt", "data/mets.xml", "data/catalog.json", "data/catalog.csv", "data/index.html",
      "data/records/gi_fuzhou-jasmine-tea/record.xml", "data/records/gi_fuzhou-jasmine-tea/dc.xml",
      "data/records/gi_fuzhou-jasmine-tea/media/7e92d51e3916-fuzhou-jasmine-tea.svg",
    ] {
      #expect(FileManager.default.fileExists(atPath: bag.appendingPathComponent(path).path), "\(path)")
    }
    let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
    #expect(info.contains("Bagging-Date: 2026-11-25\n"))
    #expect(info.contains("Payload-Oxum: \(result.payloadBytes).\(result.payloadFiles)\n"))
    #expect(
      info.contains("External-Description: HeritageCatalog export, 27 records (all active records)\n"))
  }

  @Test func exportedRecordsImportAgain() throws {
    let catalog = try samples()
    let bag = temporaryFolder().appendingPathComponent("bag")
    _ = try catalog.export(ExportOptions(selection: ExportSelection(), destination: bag, date: "2026-11-25"))
    let folders = try FileManager.default.contentsOfDirectory(
      atPath: bag.appendingPathComponent("data/records").path)
    let files = folders.sorted().map { bag.appendingPathComponent("data/records/\($0)/record.xml").path }
    let report = try importInto(temporaryFolder(), files)
    #expect(report.errors.isEmpty, "\(report.errors)")
    #expect(report.inserted == 27)
  }

  @Test func sameCatalogAndDateGiveIdenticalBagsAndZips() throws {
    let catalog = try samples()
    let first = temporaryFolder()
    let second = temporaryFolder()
    for parent in [first, second] {
      _ = try catalog.export(
        ExportOptions(
          selection: ExportSelection(), destination: parent.appendingPathComponent("bag"), date: "2026-11-25")
      )
      _ = try catalog.export(
        ExportOptions(
          selection: ExportSelection(), destination: parent.appendingPathComponent("zipped"), zip: true,
          date: "2026-11-25"))
    }
    #expect(snapshot(first) == snapshot(second))
    #expect(snapshot(first).keys.contains("zipped.zip"))
    let zipped = BagVerifier.verify(zip: first.appendingPathComponent("zipped.zip"))
    #expect(zipped.isValid, "\(zipped.errors)")
  }

  /// The names of the entries at the top of a zip.
  func topLevelNames(ofZip url: URL) throws -> Set<String> {
    let archive = try Archive(url: url, accessMode: .read)
    return Set(archive.map { String($0.path.split(separator: "/").first ?? "") })
  }

  @Test func zipDestinationEndingInZipIsTheFileName() throws {
    let catalog = try samples()
    let parent = temporaryFolder()
    let results = try catalog.export(
      ExportOptions(
        selection: ExportSelection(), destination: parent.appendingPathComponent("delivery.zip"), zip: true,
        date: "2026-11-25"))
    #expect(results.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["delivery.zip"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["delivery.zip"])
    #expect(try topLevelNames(ofZip: parent.appendingPathComponent("delivery.zip")) == ["delivery"])
    #expect(BagVerifier.verify(zip: parent.appendingPathComponent("delivery.zip")).isValid)
  }

  @Test func zipDestinationWithoutExtensionGetsIt() throws {
    let catalog = try samples()
    let parent = temporaryFolder()
    _ = try catalog.export(
      ExportOptions(
        selection: ExportSelection(), destination: parent.appendingPathComponent("delivery"), zip: true,
        date: "2026-11-25"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["delivery.zip"])
    #expect(try topLevelNames(ofZip: parent.appendingPathComponent("delivery.zip")) == ["delivery"])
  }

  @Test func destinationEndingInZipAsksForAZip() throws {
    let catalog = try samples()
    let parent = temporaryFolder()
    _ = try catalog.export(
      ExportOptions(
        selection: ExportSelection(), destination: parent.appendingPathComponent("delivery.ZIP"),
        date: "2026-11-25"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["delivery.zip"])
  }

  @Test func bagGroupOfZipsNamedFromADestinationEndingInZip() throws {
    let catalog = try samples()
    let parent = temporaryFolder()
    let results = try catalog.export(
      ExportOptions(
        selection: ExportSelection(), destination: parent.appendingPathComponent("group.zip"), zip: true,
        date: "2026-11-25", maxBagSize: 100_000))
    let names = (1...5).map { "group-\($0)-of-5.zip" }
    #expect(results.map { URL(fileURLWithPath: $0.path).lastPathComponent } == names)
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == names)
    #expect(try topLevelNames(ofZip: parent.appendingPathComponent("group-2-of-5.zip")) == ["group-2-of-5"])
  }

  @Test func selectionByKindDistrictAndIds() throws {
    let catalog = try samples()
    func count(_ configure: (inout ExportSelection) -> Void) throws -> Int {
      var selection = ExportSelection()
      configure(&selection)
      return try catalog.export(
        ExportOptions(
          selection: selection, destination: temporaryFolder().appendingPathComponent("bag"),
          date: "2026-11-25")
      ).reduce(0) { $0 + $1.records }
    }
    #expect(try count { $0.kinds = [.giProduct] } == 4)
    #expect(try count { $0.districts = ["连江县"] } == 4)
    #expect(try count { $0.ids = ["ich:min-opera", "gi:shoushan-stone"] } == 2)
    #expect(try count { $0.levels = [.unesco] } == 1)
    #expect(try count { $0.categories = ["VII"] } == 2)
    #expect(try count { $0.query = "jasmine" } == 3)
    #expect(
      try count {
        $0.query = "寿山"
        $0.kinds = [.giProduct]
      } == 1)
    #expect(throws: CatalogError.self) { try count { $0.districts = ["鼓搂区"] } }
  }

  @Test func maxBagSizeSplitsTheDeliveryIntoAGroup() throws {
    let catalog = try samples()
    let parent = temporaryFolder()
    let results = try catalog.export(
      ExportOptions(
        selection: ExportSelection(), destination: parent.appendingPathComponent("bag"), date: "2026-11-25",
        maxBagSize: 100_000))
    #expect(results.count == 5)
    #expect(results.reduce(0) { $0 + $1.records } == 27)
    #expect(
      results.map { URL(fileURLWithPath: $0.path).lastPathComponent } == (1...5).map { "bag-\($0)-of-5" })
    for (index, result) in results.enumerated() {
      let bag = URL(fileURLWithPath: result.path)
      #expect(BagVerifier.verify(folder: bag).isValid)
      let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
      #expect(info.contains("Bag-Count: \(index + 1) of 5\n"))
      #expect(info.contains("Bag-Group-Identifier: heritage-export-2026-11-25-"))
    }
  }

  @Test func withdrawnOnlyWhenAskedAndChangedSince() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    _ = try importInto(folder, [Fixtures.path("updated-opera.xml")])
    let catalog = try Catalog.create(folder: folder)
    func export(_ configure: (inout ExportSelection) -> Void) throws -> Int {
      var selection = ExportSelection()
      configure(&selection)
      return try catalog.export(
        ExportOptions(
          selection: selection, destination: temporaryFolder().appendingPathComponent("b"), date: "2026-11-25"
        )
      ).reduce(0) { $0 + $1.records }
    }
    #expect(try export { _ in } == 2)
    #expect(try export { $0.includeWithdrawn = true } == 3)
    #expect(try export { $0.changedSince = "2000-01-01" } == 2)
    #expect(throws: CatalogError.self) { try export { $0.changedSince = "2999-01-01" } }
  }

  @Test func bagInfoTakesContactsFromCatalogSettings() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let settings =
      #"{"sourceOrganization": "福州市非物质文化遗产保护中心", "contactName": "档案室", "contactEmail": "archive@example.org"}"#
    try Data(settings.utf8).write(to: folder.appendingPathComponent("settings.json"))
    let bag = temporaryFolder().appendingPathComponent("bag")
    _ = try Catalog.create(folder: folder).export(
      ExportOptions(selection: ExportSelection(), destination: bag, date: "2026-11-25"))
    let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
    #expect(
      info.hasPrefix(
        "Source-Organization: 福州市非物质文化遗产保护中心\nContact-Name: 档案室\nContact-Email: archive@example.org\n"))
  }

  @Test func anExistingDestinationIsNeverOverwritten() throws {
    let catalog = try samples()
    let bag = temporaryFolder().appendingPathComponent("bag")
    try FileManager.default.createDirectory(at: bag, withIntermediateDirectories: true)
    #expect(throws: CatalogError.self) {
      try catalog.export(ExportOptions(selection: ExportSelection(), destination: bag, date: "2026-11-25"))
    }
  }

  @Test func metsTiesRecordsToFilesWithChecksumsAndEvents() throws {
    let catalog = try samples()
    let bag = temporaryFolder().appendingPathComponent("bag")
    _ = try catalog.export(
      ExportOptions(
        selection: {
          var s = ExportSelection()
          s.ids = ["gi:fuzhou-jasmine-tea"]
          return s
        }(), destination: bag,
        date: "2026-11-25"))
    let mets = try String(contentsOf: bag.appendingPathComponent("data/mets.xml"), encoding: .utf8)
    let manifest = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
    let mediaLine = try #require(manifest.split(separator: "\n").first { $0.hasSuffix(".svg") })
    let checksum = String(mediaLine.prefix(64))
    #expect(mets.contains("CHECKSUM=\"\(checksum)\""))
    #expect(mets.contains("<premis:messageDigest>\(checksum)</premis:messageDigest>"))
    #expect(mets.contains("<premis:eventType>ingestion</premis:eventType>"))
    #expect(mets.contains("<premis:eventType>packing</premis:eventType>"))
    #expect(mets.contains("xlink:href=\"records/gi_fuzhou-jasmine-tea/dc.xml\""))
    #expect(mets.contains("<premis:originalName>media/fuzhou-jasmine-tea.svg</premis:originalName>"))
  }
}
