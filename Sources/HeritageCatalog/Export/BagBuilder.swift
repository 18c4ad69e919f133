import Crypto
import Foundation

/// Lays out a bag's files and writes its tag files: `bagit.txt`, `bag-info.txt`, the SHA-256
/// and SHA-512 manifests and tag manifests. Every file is hashed once, as it is written, for
/// both algorithms.
struct BagBuilder {
  let root: URL
  /// The payload so far; a copy's size and checksums are filled in by ``copyPending(into:)``.
  private(set) var files: [PayloadFile] = []
  private var pending: [(index: Int, job: FileHashing.Job, stored: StoredDigests)] = []

  /// What the catalog knows of a media file before it is copied: its SHA-256 (its name in
  /// the media store), which the copy must have, and its SHA-512 when it was taken at import.
  struct StoredDigests {
    var sha256: String
    var sha512: String?
  }

  init(root: URL) {
    self.root = root
  }

  /// Writes `data` at `path` (relative to the bag's root) and records it.
  mutating func add(
    _ path: String, _ data: Data, mime: String, use: PayloadUse, record: String? = nil
  ) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    var digest = StreamingDigest()
    digest.update(data)
    let (sha256, sha512) = digest.finish()
    files.append(
      PayloadFile(
        path: path, size: Int64(data.count), sha256: sha256, sha512: sha512, mimeType: mime,
        use: use,
        recordID: record, originalName: nil))
  }

  /// Lays out the media file `source` at `path`; the copy is made by ``copyPending(into:)`` with
  /// the others, several files at a time, and hashed in the same read: for SHA-256, which must
  /// be `stored.sha256`, and for SHA-512 only when the catalog has not recorded it.
  mutating func copy(
    _ source: URL, stored: StoredDigests, to path: String, mime: String, use: PayloadUse, record: String?,
    originalName: String?
  ) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let algorithms: Set<ChecksumAlgorithm> = stored.sha512 == nil ? [.sha256, .sha512] : [.sha256]
    pending.append((files.count, FileHashing.Job(source: source, copy: url, algorithms: algorithms), stored))
    files.append(
      PayloadFile(
        path: path, size: 0, sha256: "", sha512: "", mimeType: mime, use: use, recordID: record,
        originalName: originalName))
  }

  /// Makes the copies laid out by ``copy(_:stored:to:mime:use:record:originalName:)`` and
  /// fills in their sizes and checksums; the first failure, in layout order, is thrown. The
  /// copies go into the bag's folder, several files at a time, or with `archive` straight into the
  /// zip, one after the other.
  /// - Throws: ``CatalogError`` when a copy's SHA-256 is not the one the store names it by:
  ///   the store's file has changed since it was imported, and the bag would carry it.
  mutating func copyPending(into archive: DeterministicZip? = nil) throws {
    let jobs = pending
    pending = []
    let results =
      if let archive {
        jobs.map { index, job, _ in
          Result { try archive.add(files[index].path, from: job.source, hashing: job.algorithms) }
        }
      } else {
        FileHashing.hashAll(jobs.map(\.job))
      }
    for ((index, _, stored), result) in zip(jobs, results) {
      let (digests, size) = try result.get()
      let sha256 = digests[.sha256] ?? ""
      guard sha256 == stored.sha256 else {
        throw CatalogError(
          .storage,
          "media file \(stored.sha256) of the catalog's media store has changed since it was imported (its SHA-256 is now \(sha256)); nothing was exported. Check the store with: heritage verify"
        )
      }
      files[index].size = size
      files[index].sha256 = sha256
      files[index].sha512 = stored.sha512 ?? digests[.sha512] ?? ""
    }
  }

  /// Writes the tag files. Manifest lines are sorted by path; names are percent-encoded where
  /// BagIt 1.0 asks (`%`, CR, LF).
  func finish(info: [(String, String)]) throws {
    func write(_ name: String, _ text: String) throws -> (String, String, String) {
      let data = Data(text.utf8)
      try data.write(to: root.appendingPathComponent(name))
      var digest = StreamingDigest()
      digest.update(data)
      let (sha256, sha512) = digest.finish()
      return (name, sha256, sha512)
    }
    let sorted = files.sorted { $0.path < $1.path }
    var tags: [(String, String, String)] = []
    tags.append(try write("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"))
    tags.append(try write("bag-info.txt", info.map { "\($0.0): \($0.1)\n" }.joined()))
    tags.append(
      try write(
        "manifest-sha256.txt", sorted.map { "\($0.sha256)  \(BagBuilder.encode($0.path))\n" }.joined()))
    tags.append(
      try write(
        "manifest-sha512.txt", sorted.map { "\($0.sha512)  \(BagBuilder.encode($0.path))\n" }.joined()))
    let tagLines = tags.sorted { $0.0 < $1.0 }
    _ = try write("tagmanifest-sha256.txt", tagLines.map { "\($0.1)  \($0.0)\n" }.joined())
    _ = try write("tagmanifest-sha512.txt", tagLines.map { "\($0.2)  \($0.0)\n" }.joined())
  }

  static func encode(_ path: String) -> String {
    path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A")
      .replacingOccurrences(of: "\r", with: "%0D")
  }
}

/// SHA-256 and SHA-512 of the same bytes, fed once.
struct StreamingDigest {
  private let hashers = MultiHasher(algorithms: [.sha256, .sha512])

  mutating func update(_ data: Data) {
    data.withUnsafeBytes { hashers.update($0) }
  }

  /// The SHA-256 and SHA-512 of everything fed, each finalized once.
  func finish() -> (sha256: String, sha512: String) {
    let digests = hashers.digests()
    return (digests[.sha256] ?? "", digests[.sha512] ?? "")
  }
}
