public import Foundation
public import Testing

/// The third-party data some tests need (the BagIt conformance suite, the schemas): in the
/// folder `HERITAGE_TEST_DATA` names, else `../shared` beside the repository.
public enum TestData {
  public static let environment = ProcessInfo.processInfo.environment

  /// The repository's root folder.
  public static let repository = Fixtures.repository

  public static let root: URL =
    environment["HERITAGE_TEST_DATA"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    ?? repository.deletingLastPathComponent().appendingPathComponent("shared")

  /// `true` when both the conformance suite and the schemas are there.
  public static let isPresent =
    FileManager.default.fileExists(atPath: root.appendingPathComponent("bagit-conformance/v1.0").path)
    && FileManager.default.fileExists(atPath: root.appendingPathComponent("schemas/mets.xsd").path)

  /// Why a test that needs the data did not run.
  public static let absence: Comment =
    "BagIt conformance suite and schemas not found: run scripts/fetch-test-data, or set HERITAGE_TEST_DATA"
}

/// Runs one of the repository's check scripts (`scripts/check-layers`, `scripts/check-messages`)
/// on the sources under `root`: its exit status and standard output.
public func runCheckScript(_ name: String, root: URL) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = TestData.repository.appendingPathComponent("scripts/\(name)")
  process.arguments = ["--root", root.path]
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
