import Foundation
import HeritageCatalog
import TestSupport
import Testing
import ZIPFoundation

/// `heritage verify` against the Library of Congress conformance bags and tampered copies.
@Suite(.removesTemporaryFolders) struct BagVerifierTests {
  /// The conformance suite in the test data folder (`HERITAGE_TEST_DATA`, else `../shared`).
  static let conformance = TestData.root.appendingPathComponent("bagit-conformance")

  /// Every case folder with the outcome the suite's README gives it.
  static let cases: [String] = {
    var found: [String] = []
    for group in [
      "v1.0/valid", "v1.0/invalid", "v0.97/valid", "v0.97/invalid", "v0.97/linux-only", "v0.97/warning",
    ] {
      let folder = conformance.appendingPathComponent(group)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(
          atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder),
          isFolder.boolValue
        {
          found.append("\(group)/\(name)")
        }
      }
    }
    return found
  }()

  /// In CI the data must be there: its absence fails here instead of skipping the suite.
  @Test func theSuiteIsThereInCI() {
    #expect(TestData.isPresent || TestData.environment["CI"] != "true", TestData.absence)
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence))
  func theSuiteIsThere() {
    #expect(Self.cases.count == 38)
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence), arguments: cases)
  func conformanceCaseGivesItsExpectedOutcome(name: String) {
    let result = BagVerifier.verify(folder: Self.conformance.appendingPathComponent(name))
    if name.contains("/valid/") {
      #expect(result.isValid, "\(result.errors)")
    } else if name.contains("/warning/") {
      #expect(result.isValid, "\(result.errors)")
      #expect(!result.warnings.isEmpty)
    } else {
      #expect(!result.isValid)
      #expect(result.errors.allSatisfy { !$0.path.isEmpty && !$0.message.description.isEmpty })
    }
  }

  /// A fresh copy of the suite's valid 1.0 bag.
  func copyOfBasicBag() throws -> URL {
    let target = temporaryFolder().appendingPathComponent("bag")
    try FileManager.default.copyItem(
      at: Self.conformance.appendingPathComponent("v1.0/valid/basicBag"), to: target)
    return target
  }

  func payloadFile(in bag: URL) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: bag.appendingPathComponent("data").path)
    return "data/" + names.sorted()[0]
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence))
  func flippedByteIsCaughtAndNamed() throws {
    let bag = try copyOfBasicBag()
    let file = try payloadFile(in: bag)
    let url = bag.appendingPathComponent(file)
    var bytes = try Data(contentsOf: url)
    bytes[0] ^= 0x01
    try bytes.write(to: url)
    let result = BagVerifier.verify(folder: bag)
    #expect(!result.isValid)
    #expect(
      result.errors.contains { $0.path == file && $0.message.description.contains("checksum does not match") }
    )
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence))
  func missingFileIsCaughtAndNamed() throws {
    let bag = try copyOfBasicBag()
    let file = try payloadFile(in: bag)
    try FileManager.default.removeItem(at: bag.appendingPathComponent(file))
    let result = BagVerifier.verify(folder: bag)
    #expect(
      result.errors.contains { $0.path == file && $0.message.description.contains("missing from the bag") })
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence))
  func extraFileIsCaughtAndNamed() throws {
    let bag = try copyOfBasicBag()
    try Data("extra".utf8).write(to: bag.appendingPathComponent("data/extra.txt"))
    let result = BagVerifier.verify(folder: bag)
    #expect(
      result.errors.contains {
        $0.path == "data/extra.txt" && $0.message.description.contains("not listed in manifest")
      })
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence))
  func escapingPathInAManifestIsCaught() throws {
    let bag = try copyOfBasicBag()
    let manifest = bag.appendingPathComponent("manifest-sha512.txt")
    let text =
      try String(contentsOf: manifest, encoding: .utf8)
      + "\(String(repeating: "0", count: 128))  data/../../etc/passwd\n"
    try Data(text.utf8).write(to: manifest)
    let result = BagVerifier.verify(folder: bag)
    #expect(
      result.errors.contains {
        $0.path == "manifest-sha512.txt" && $0.message.description.contains("uses ..")
      })
  }

  @Test(.enabled(if: TestData.isPresent, TestData.absence))
  func zippedBagIsVerified() throws {
    let bag = try copyOfBasicBag()
    let zip = bag.deletingLastPathComponent().appendingPathComponent("bag.zip")
    try FileManager.default.zipItem(at: bag, to: zip)
    let result = BagVerifier.verify(zip: zip)
    #expect(result.isValid, "\(result.errors)")
    #expect(result.payloadFiles == 1)
  }

  @Test func zipEntryThatEscapesIsRefusedBeforeUnpacking() throws {
    let zip = temporaryFolder().appendingPathComponent("evil.zip")
    let archive = try Archive(url: zip, accessMode: .create)
    let content = Data("owned".utf8)
    try archive.addEntry(with: "../evil.txt", type: .file, uncompressedSize: Int64(content.count)) {
      position, size in
      content.subdata(in: Int(position)..<Int(position) + size)
    }
    let result = BagVerifier.verify(zip: zip)
    #expect(
      result.errors.map(\.description) == [
        "evil.zip: ../evil.txt: the path ../evil.txt uses .. to leave its folder; bag paths must stay inside the bag"
      ])
  }

  @Test func mediaStoreAuditFindsDrift() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Fixtures.path("good")])
    let catalog = try Catalog.create(folder: folder)
    #expect(try catalog.auditMedia().problems.isEmpty)
    let media = try #require(catalog.details(id: "ich:test-opera").record.media.first)
    try Data("tampered".utf8).write(to: catalog.media.url(for: media.sha256))
    let (checked, problems) = try catalog.auditMedia()
    #expect(checked == 1)
    #expect(problems.count == 1 && problems[0].message.description.hasPrefix("has drifted"))
  }
}
