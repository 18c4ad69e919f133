import Foundation
import ZIPFoundation

/// A bag written as a zip whose bytes depend only on its files: every entry under one top
/// folder, every timestamp the bagging date; the media first, in the order they were laid
/// out, straight from the media store (hashed as they are read), then the bag's other files in
/// sorted order.
final class DeterministicZip {
  /// Formats that are compressed already: stored as they are, deflate would only cost time.
  static let compressed: Set<String> = [
    "jpg", "jpeg", "png", "gif", "webp", "heic", "mp3", "m4a", "aac", "ogg", "mp4", "m4v", "mov", "webm",
    "zip",
    "gz", "bz2", "xz", "7z",
  ]

  /// Bytes read at a time: ZIPFoundation asks for a file's chunks in order, so they are read on
  /// without seeking (its default is 16 KiB, a system call per 16 KiB).
  static let chunkSize = 1 << 20

  // ZIPFoundation flushes the file at the end of each entry: once the last one is added the
  // zip is whole on disk, and can be given its name while this is still open.
  private let archive: Archive
  private let name: String
  private let timestamp: Date

  /// Creates the zip file at `url`, holding the bag `name`, bagged on `date` (`YYYY-MM-DD`).
  init(creating url: URL, name: String, date: String) throws {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    timestamp = formatter.date(from: date) ?? Date(timeIntervalSince1970: 315_532_800)
    self.name = name
    archive = try Archive(url: url, accessMode: .create)
  }

  /// Adds `source` as the bag's file `path`, hashed for `algorithms` as it is read: each chunk
  /// is hashed on another thread while ZIPFoundation computes its CRC and writes it. Whether
  /// it is deflated depends on `path`'s extension (a media store's file has none).
  func add(
    _ path: String, from source: URL, hashing algorithms: Set<ChecksumAlgorithm> = []
  ) throws -> (digests: [ChecksumAlgorithm: String], size: Int64) {
    let size =
      (try FileManager.default.attributesOfItem(atPath: source.path)[.size] as? NSNumber)?.int64Value ?? 0
    let handle = try FileHandle(forReadingFrom: source)
    defer { try? handle.close() }
    let hashers = MultiHasher(algorithms: algorithms)
    let hashing = DispatchQueue(label: "heritage-zip-hashing")
    let previous = DispatchGroup()
    var read: Int64 = 0
    defer { previous.wait() }
    try archive.addEntry(
      with: "\(name)/\(path)", type: .file, uncompressedSize: size, modificationDate: timestamp,
      permissions: 0o644,
      compressionMethod: Self.compressed.contains((path as NSString).pathExtension.lowercased())
        ? .none : .deflate,
      bufferSize: Self.chunkSize
    ) { _, count in
      // One chunk hashed while the next is read: the hashers see the chunks in order.
      previous.wait()
      let chunk = try handle.read(upToCount: count) ?? Data()
      read += Int64(chunk.count)
      if !algorithms.isEmpty {
        hashing.async(group: previous) { chunk.withUnsafeBytes { hashers.update($0) } }
      }
      return chunk
    }
    previous.wait()
    guard read == size else { throw FileIOError(path: source.path, operation: .read, code: EIO) }
    return (hashers.digests(), size)
  }

  /// Adds every file under `folder`, in sorted order, as the bag's files of the same relative
  /// paths (the media, added first, are not in it: they come from the media store).
  func addRemaining(of folder: URL) throws {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: folder.appendingPathComponent(relative).path, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        files.append(relative)
      }
    }
    for relative in files.sorted() {
      _ = try add(relative, from: folder.appendingPathComponent(relative))
    }
  }
}
