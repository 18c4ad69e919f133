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
/// for SHA-256 and SHA-512 as it is copied. ``adopt(_:sha256:)`` moves a staged file into the
/// store; ``discard()`` removes what is left.
final class MediaStaging: @unchecked Sendable {
  private let store: MediaStore
  private let folder: URL
  private var count = 0
  // Written by the import's reading thread, read by its writing thread when it commits.
  private let lock = NSLock()
  private var sha512BySHA256: [String: String] = [:]

  fileprivate init(store: MediaStore, folder: URL) {
    self.store = store
    self.folder = folder
  }

  /// Copies `source` into the staging folder, hashing it for SHA-256 and SHA-512 in the same
  /// pass (the SHA-512 is kept for ``sha512(of:)``).
  func stage(_ source: URL) throws -> (url: URL, sha256: String, size: Int64) {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    count += 1
    let target = folder.appendingPathComponent("\(count)")
    let (digests, size) = try FileHashing.copyFile(source, to: target, algorithms: [.sha256, .sha512])
    let sha256 = digests[.sha256] ?? ""
    if let sha512 = digests[.sha512] { lock.withLock { sha512BySHA256[sha256] = sha512 } }
    return (target, sha256, size)
  }

  /// The SHA-512 of the staged file with this SHA-256.
  func sha512(of sha256: String) -> String? {
    lock.withLock { sha512BySHA256[sha256] }
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

extension Catalog {
  /// The SHA-512s recorded for these media files (taken when an import stored them), by
  /// SHA-256; files stored before the catalog kept them are absent.
  func recordedSHA512s(of sha256s: Set<String>) throws -> [String: String] {
    guard !sha256s.isEmpty else { return [:] }
    return try withReadTransaction { db in
      var found: [String: String] = [:]
      for sha256 in sha256s.sorted() {
        if let sha512 = try String.fetchOne(
          db.cachedStatement(sql: "SELECT sha512 FROM media_blob WHERE sha256 = ?"), arguments: [sha256])
        {
          found[sha256] = sha512
        }
      }
      return found
    }
  }
}
