import Foundation
import TestSupport
import Testing

/// `scripts/fetch-test-data` lays the data out as `../shared` has it and refuses a file whose
/// digest differs from the committed list. Shown with a local copy (`--from`), as this machine
/// has no internet.
@Suite(.enabled(if: TestData.isPresent, TestData.absence), .removesTemporaryFolders) struct TestDataTests {
  static let script = TestData.repository.appendingPathComponent("scripts/fetch-test-data")

  /// A writable copy of the test data's two folders.
  func mirror() throws -> URL {
    let mirror = temporaryFolder()
    for folder in ["bagit-conformance", "schemas"] {
      try FileManager.default.copyItem(
        at: TestData.root.appendingPathComponent(folder), to: mirror.appendingPathComponent(folder))
    }
    return mirror
  }

  func fetch(from mirror: URL, to destination: URL) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = Self.script
    process.arguments = ["--from", mirror.path, "--to", destination.path]
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func layoutIsTheSameAsTheTestData() throws {
    let destination = temporaryFolder().appendingPathComponent("data")
    let result = try fetch(from: try mirror(), to: destination)
    #expect(result.status == 0, "\(result.errors)")
    for folder in ["bagit-conformance", "schemas"] {
      #expect(
        snapshot(destination.appendingPathComponent(folder))
          == snapshot(TestData.root.appendingPathComponent(folder)))
    }
  }

  @Test func tamperedFileIsRefusedAndNothingIsLaidOut() throws {
    let source = try mirror()
    let tampered = source.appendingPathComponent("bagit-conformance/v1.0/valid/basicBag/bagit.txt")
    var bytes = try Data(contentsOf: tampered)
    bytes[0] ^= 0x20
    try bytes.write(to: tampered)
    let destination = temporaryFolder().appendingPathComponent("data")
    let result = try fetch(from: source, to: destination)
    #expect(result.status != 0)
    #expect(result.errors.contains("refused bagit-conformance/v1.0/valid/basicBag/bagit.txt: sha256 is "))
    #expect(result.errors.contains("nothing was laid out"))
    #expect(!FileManager.default.fileExists(atPath: destination.path))
  }

  @Test func missingFileIsRefused() throws {
    let source = try mirror()
    try FileManager.default.removeItem(at: source.appendingPathComponent("schemas/premis-v3-0.xsd"))
    let destination = temporaryFolder().appendingPathComponent("data")
    let result = try fetch(from: source, to: destination)
    #expect(result.status != 0)
    #expect(result.errors.contains("refused schemas/premis-v3-0.xsd: could not be fetched"))
    #expect(!FileManager.default.fileExists(atPath: destination.path))
  }
}
