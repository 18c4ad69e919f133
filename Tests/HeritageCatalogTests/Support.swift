import Crypto
import Foundation
import HeritageCatalog
import Testing

/// Where the test fixtures are, as real files.
enum Fixtures {
  static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

  static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The repository's `imports/` folder with the sample records.
  static let samples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("imports").path
}

/// A new, empty folder for one test's catalog.
func temporaryFolder() -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "heritage-tests-\(UUID().uuidString)")
  try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Imports into the catalog in `folder`, closing the catalog before returning.
func importInto(_ folder: URL, _ paths: [String], options: ImportOptions = ImportOptions()) throws
  -> ImportReport
{
  let catalog = try Catalog.create(folder: folder)
  return try Importer(catalog: catalog).run(paths: paths, options: options)
}

/// Every file below `folder` with the SHA-256 of its bytes.
func snapshot(_ folder: URL) -> [String: String] {
  var result: [String: String] = [:]
  let enumerator = FileManager.default.enumerator(atPath: folder.path)
  while let relative = enumerator?.nextObject() as? String {
    let url = folder.appendingPathComponent(relative)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
      continue
    }
    let data = (try? Data(contentsOf: url)) ?? Data()
    result[relative] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
  return result
}

/// The third-party data some tests need (the BagIt conformance suite, the schemas): in the
/// folder `HERITAGE_TEST_DATA` names, else `../shared` beside the repository.
enum TestData {
  static let environment = ProcessInfo.processInfo.environment

  /// The repository's root folder.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let root: URL =
    environment["HERITAGE_TEST_DATA"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    ?? repository.deletingLastPathComponent().appendingPathComponent("shared")

  /// `true` when both the conformance suite and the schemas are there.
  static let isPresent =
    FileManager.default.fileExists(atPath: root.appendingPathComponent("bagit-conformance/v1.0").path)
    && FileManager.default.fileExists(atPath: root.appendingPathComponent("schemas/mets.xsd").path)

  /// Why a test that needs the data did not run.
  static let absence: Comment =
    "BagIt conformance suite and schemas not found: run scripts/fetch-test-data, or set HERITAGE_TEST_DATA"
}
