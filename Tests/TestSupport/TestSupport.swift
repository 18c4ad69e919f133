import Crypto
public import Foundation
public import HeritageCatalog
public import Testing

/// Where the test fixtures are, as real files in the repository.
public enum Fixtures {
  /// The repository's root folder.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/HeritageCatalogTests/Fixtures`.
  public static let root = repository.appendingPathComponent("Tests/HeritageCatalogTests/Fixtures")

  /// The path of a fixture, relative to ``root``.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The repository's `imports/` folder with the sample records.
  public static let samples = repository.appendingPathComponent("imports").path
}

/// A new, empty folder for one test. Inside a suite marked `.removesTemporaryFolders` it is
/// removed when the test ends.
public func temporaryFolder() -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "heritage-tests-\(UUID().uuidString)")
  try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  TemporaryFolders.current?.add(url)
  return url
}

/// A new, empty folder shared by the tests of a suite (a catalog built once); removed when the
/// test process ends.
public func sharedTemporaryFolder() -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "heritage-tests-\(UUID().uuidString)")
  try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  TemporaryFolders.atExit.add(url)
  return url
}

/// Imports into the catalog in `folder`, closing the catalog before returning.
public func importInto(_ folder: URL, _ paths: [String], options: ImportOptions = ImportOptions()) throws
  -> ImportReport
{
  let catalog = try Catalog.create(folder: folder)
  return try Importer(catalog: catalog).run(paths: paths, options: options)
}

/// Every file below `folder` with the SHA-256 of its bytes.
public func snapshot(_ folder: URL) -> [String: String] {
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

/// The folders a test made, removed when it ends.
public final class TemporaryFolders: @unchecked Sendable {
  private let lock = NSLock()
  private var folders: [URL] = []

  /// The folders of the test running on this task, when its suite removes them.
  @TaskLocal public static var current: TemporaryFolders?

  /// Folders shared by a suite's tests, removed when the process ends.
  static let atExit: TemporaryFolders = {
    let folders = TemporaryFolders()
    atexit { TemporaryFolders.atExit.removeAll() }
    return folders
  }()

  func add(_ url: URL) {
    lock.withLock { folders.append(url) }
  }

  func removeAll() {
    for url in lock.withLock({ folders }) { try? FileManager.default.removeItem(at: url) }
  }
}

/// Removes, after each test of the suite, the temporary folders it made.
public struct RemovesTemporaryFolders: SuiteTrait, TestTrait, TestScoping {
  public var isRecursive: Bool { true }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    guard !test.isSuite else { return try await function() }
    let folders = TemporaryFolders()
    defer { folders.removeAll() }
    try await TemporaryFolders.$current.withValue(folders) { try await function() }
  }
}

extension Trait where Self == RemovesTemporaryFolders {
  /// Removes the temporary folders each test makes when it ends.
  public static var removesTemporaryFolders: Self { Self() }
}
