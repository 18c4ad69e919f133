import Crypto
import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import HeritageCatalog

/// A media file's SHA-512 is taken once, when an import stores it; an export checks each copy
/// against the SHA-256 the store names it by and takes the SHA-512 from the catalog.
@Suite(.removesTemporaryFolders) struct MediaDigestTests {
  static let jasmineTea = URL(fileURLWithPath: Fixtures.samples).appendingPathComponent(
    "media/fuzhou-jasmine-tea.svg")

  func samples() throws -> (Catalog, sha256: String) {
    let folder = temporaryFolder()
    #expect(try importInto(folder, [Fixtures.samples]).errors.isEmpty)
    let sha256 = SHA256.hash(data: try Data(contentsOf: Self.jasmineTea)).hexString
    return (try Catalog.create(folder: folder), sha256)
  }

  @Test func anImportRecordsTheSHA512OfEachMediaFile() throws {
    let (catalog, sha256) = try samples()
    let recorded = try catalog.recordedSHA512s(of: [sha256])
    #expect(recorded == [sha256: SHA512.hash(data: try Data(contentsOf: Self.jasmineTea)).hexString])
  }

  @Test func theManifestsOfAnExportCarryTheFilesDigests() throws {
    let (catalog, _) = try samples()
    let bag = temporaryFolder().appendingPathComponent("bag")
    _ = try catalog.export(ExportOptions(selection: ExportSelection(), destination: bag, date: "2026-11-25"))
    let data = try Data(contentsOf: Self.jasmineTea)
    let path = "data/records/gi_fuzhou-jasmine-tea/media/7e92d51e3916-fuzhou-jasmine-tea.svg"
    let sha512 = try String(contentsOf: bag.appendingPathComponent("manifest-sha512.txt"), encoding: .utf8)
    #expect(sha512.contains("\(SHA512.hash(data: data).hexString)  \(path)\n"))
    let sha256 = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
    #expect(sha256.contains("\(SHA256.hash(data: data).hexString)  \(path)\n"))
  }

  @Test(arguments: [false, true]) func aStoreFileChangedSinceItsImportStopsTheExport(zip: Bool) throws {
    let (catalog, sha256) = try samples()
    try Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8).write(to: catalog.media.url(for: sha256))
    let parent = temporaryFolder()
    let bag = parent.appendingPathComponent("bag")
    #expect {
      try catalog.export(
        ExportOptions(selection: ExportSelection(), destination: bag, zip: zip, date: "2026-11-25"))
    } throws: { error in
      (error as? CatalogError)?.code == .storage
        && "\(error)".contains("\(sha256) of the catalog's media store")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
  }

  @Test func aZipHoldsTheFilesOfTheFolderBag() throws {
    let (catalog, _) = try samples()
    let parent = temporaryFolder()
    for zip in [false, true] {
      _ = try catalog.export(
        ExportOptions(
          selection: ExportSelection(), destination: parent.appendingPathComponent(zip ? "zipped" : "bag"),
          zip: zip, date: "2026-11-25"))
    }
    let unpacked = temporaryFolder()
    try FileManager.default.unzipItem(at: parent.appendingPathComponent("zipped.zip"), to: unpacked)
    let files = snapshot(parent.appendingPathComponent("bag"))
    #expect(files.count == 65)
    #expect(snapshot(unpacked.appendingPathComponent("zipped")) == files)
  }

  @Test func aCopyWithoutARecordedSHA512IsHashedForBoth() throws {
    let folder = temporaryFolder()
    let data = FileHashingTests.bytes(count: FileHashing.chunkSize + 99)
    let source = folder.appendingPathComponent("source.bin")
    try data.write(to: source)
    let sha256 = SHA256.hash(data: data).hexString
    var bag = BagBuilder(root: folder.appendingPathComponent("bag"))
    try bag.copy(
      source, stored: BagBuilder.StoredDigests(sha256: sha256, sha512: nil), to: "data/a.bin",
      mime: "application/octet-stream", use: .media, record: nil, originalName: nil)
    try bag.copy(
      source, stored: BagBuilder.StoredDigests(sha256: sha256, sha512: "recorded"), to: "data/b.bin",
      mime: "application/octet-stream", use: .media, record: nil, originalName: nil)
    try bag.copyPending()
    #expect(bag.files.map(\.sha512) == [SHA512.hash(data: data).hexString, "recorded"])
    #expect(bag.files.map(\.sha256) == [sha256, sha256])
    #expect(try Data(contentsOf: folder.appendingPathComponent("bag/data/a.bin")) == data)
  }

  @Test func aZipStoresAlreadyCompressedMediaAndDeflatesTheRest() throws {
    // The sample records with the jasmine tea's label card given as a JPEG.
    let source = temporaryFolder()
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: Fixtures.samples), to: source.appendingPathComponent("imports"))
    let imports = source.appendingPathComponent("imports")
    let products = imports.appendingPathComponent("gi-products.xml")
    try String(contentsOf: products, encoding: .utf8)
      .replacingOccurrences(
        of: #"href="media/fuzhou-jasmine-tea.svg" type="image/svg+xml""#,
        with: #"href="media/label.jpg" type="image/jpeg""#
      )
      .write(to: products, atomically: true, encoding: .utf8)
    try FileHashingTests.bytes(count: 300_000).write(to: imports.appendingPathComponent("media/label.jpg"))
    let folder = temporaryFolder()
    #expect(try importInto(folder, [imports.path]).errors.isEmpty)
    let zip = temporaryFolder().appendingPathComponent("zipped.zip")
    _ = try Catalog.create(folder: folder).export(
      ExportOptions(selection: ExportSelection(), destination: zip, date: "2026-11-25"))
    let entries = Dictionary(
      uniqueKeysWithValues: try Archive(url: zip, accessMode: .read).map { ($0.path, $0) })
    let label = try #require(entries.first { $0.key.hasSuffix("-label.jpg") }?.value)
    #expect(label.compressedSize == label.uncompressedSize)
    let mets = try #require(entries["zipped/data/mets.xml"])
    #expect(mets.compressedSize < mets.uncompressedSize)
  }
}
