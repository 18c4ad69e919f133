public import Foundation
import GRDB

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

  /// Removes the file with this SHA-256, used to undo a put whose transaction failed.
  func remove(_ sha256: String) {
    try? FileManager.default.removeItem(at: url(for: sha256))
  }

  /// A staging area for one import: files copied in (and hashed in the same read) while the
  /// import is checked, moved into the store when it commits, removed otherwise.
  func stagingArea() -> MediaStaging {
    MediaStaging(store: self, folder: root.appendingPathComponent(".staging/\(UUID().uuidString)"))
  }
}

/// Media files copied into the store's staging folder for one import, each read once: hashed
/// as it is copied. ``adopt(_:sha256:)`` moves a staged file into the store; ``discard()``
/// removes what is left.
final class MediaStaging: @unchecked Sendable {
  private let store: MediaStore
  private let folder: URL
  private var count = 0

  fileprivate init(store: MediaStore, folder: URL) {
    self.store = store
    self.folder = folder
  }

  /// Copies `source` into the staging folder, hashing it in the same pass.
  func stage(_ source: URL) throws -> (url: URL, sha256: String, size: Int64) {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    count += 1
    let target = folder.appendingPathComponent("\(count)")
    let (digests, size) = try FileHashing.copyFile(source, to: target, algorithms: [.sha256])
    return (target, digests[.sha256] ?? "", size)
  }

  /// Moves a staged file into the store under `sha256`.
  /// - Returns: `true` when the store did not hold it before.
  func adopt(_ staged: URL, sha256: String) throws -> Bool {
    let target = store.url(for: sha256)
    if FileManager.default.fileExists(atPath: target.path) { return false }
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.moveItem(at: staged, to: target)
    return true
  }

  /// Removes the staging folder and whatever is still in it (and the staging root when empty).
  func discard() {
    try? FileManager.default.removeItem(at: folder)
    let parent = folder.deletingLastPathComponent()
    if (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?.isEmpty == true {
      try? FileManager.default.removeItem(at: parent)
    }
    let root = parent.deletingLastPathComponent()
    if (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.isEmpty == true {
      try? FileManager.default.removeItem(at: root)
    }
  }
}

/// A file of the media store with what the catalog recorded of it.
public struct StoredMedia: Sendable, Hashable {
  /// Where the file is.
  public var url: URL
  /// Its recorded media type.
  public var type: String
  /// Its recorded size in bytes.
  public var size: Int64
}

extension Catalog {
  /// The media file with this SHA-256 (64 lowercase hex digits), when the catalog holds one.
  public func storedMedia(sha256: String) throws -> StoredMedia? {
    guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
    let row = try withReadTransaction { db in
      try Row.fetchOne(db, sql: "SELECT type, size FROM media_blob WHERE sha256 = ?", arguments: [sha256])
    }
    guard let row, media.contains(sha256) else { return nil }
    return StoredMedia(url: media.url(for: sha256), type: row["type"], size: row["size"])
  }
}
