import Foundation
import ZIPFoundation

/// Serializes a bag folder as a zip whose bytes depend only on the files: entries in sorted
/// order under one top folder, every timestamp the bagging date.
enum DeterministicZip {
  /// Formats that are compressed already: stored as they are, deflate would only cost time.
  static let compressed: Set<String> = [
    "jpg", "jpeg", "png", "gif", "webp", "heic", "mp3", "m4a", "aac", "ogg", "mp4", "m4v", "mov", "webm",
    "zip",
    "gz", "bz2", "xz", "7z",
  ]

  static func write(folder: URL, name: String, to zip: URL, date: String) throws {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    let timestamp = formatter.date(from: date) ?? Date(timeIntervalSince1970: 315_532_800)
    let archive = try Archive(url: zip, accessMode: .create)
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
      let url = folder.appendingPathComponent(relative)
      let size =
        (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      // ZIPFoundation asks for the file's chunks in order: read on without seeking, 1 MiB at a
      // time (its default is 16 KiB, a system call per 16 KiB).
      try archive.addEntry(
        with: "\(name)/\(relative)", type: .file, uncompressedSize: size, modificationDate: timestamp,
        permissions: 0o644,
        compressionMethod: compressed.contains(url.pathExtension.lowercased()) ? .none : .deflate,
        bufferSize: 1 << 20
      ) { _, chunk in
        try handle.read(upToCount: chunk) ?? Data()
      }
    }
  }
}
