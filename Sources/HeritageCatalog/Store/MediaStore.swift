public import Foundation

/// The catalog's content-addressed media store: each file lives at `media/ab/abcdef…`, named
/// by its SHA-256, so the catalog never depends on the folder it was imported from.
public struct MediaStore: Sendable {
  /// The store's root folder.
  public let root: URL

  /// Creates a store rooted at `root` (created on first write).
  public init(root: URL) {
    self.root = root
  }

  /// Where the file with this SHA-256 is (or would be) kept.
  public func url(for sha256: String) -> URL {
    root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
  }

  /// `true` when the store holds the file with this SHA-256.
  public func contains(_ sha256: String) -> Bool {
    FileManager.default.fileExists(atPath: url(for: sha256).path)
  }

  /// Copies `source` into the store under `sha256`, through a temporary file and a rename, so a
  /// reader never sees half a file.
  /// - Returns: `true` when the file was added, `false` when the store already held it.
  @discardableResult
  func put(_ source: URL, sha256: String) throws -> Bool {
    let target = url(for: sha256)
    if FileManager.default.fileExists(atPath: target.path) { return false }
    let folder = target.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(
      ".\(sha256).\(ProcessInfo.processInfo.processIdentifier).part")
    try? FileManager.default.removeItem(at: temporary)
    try FileManager.default.copyItem(at: source, to: temporary)
    try FileManager.default.moveItem(at: temporary, to: target)
    return true
  }

  /// Removes the file with this SHA-256, used to undo a put whose transaction failed.
  func remove(_ sha256: String) {
    try? FileManager.default.removeItem(at: url(for: sha256))
  }
}
