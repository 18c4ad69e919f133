import Foundation

/// Checks and hashes the media files a record names, relative to the folder of its XML file.
///
/// A media path must stay inside that folder: no absolute path, no `~`, no `..` that climbs
/// out, no URL scheme, and no symbolic link that leads outside once resolved.
final class MediaIntake {
  struct Resolved {
    /// The staged copy, to be adopted by the media store when the import commits.
    var url: URL
    var sha256: String
    var size: Int64
  }

  private let folder: String
  private let staging: MediaStaging
  private var cache: [String: Resolved] = [:]

  /// - Parameters:
  ///   - xmlFile: the record file whose folder media paths are relative to.
  ///   - staging: where each media file is copied (and hashed in the same read).
  init(xmlFile: URL, staging: MediaStaging) {
    self.staging = staging
    folder =
      MediaIntake.realPath(xmlFile.deletingLastPathComponent().path)
      ?? xmlFile.deletingLastPathComponent().path
  }

  /// Resolves and hashes `href`, or returns the sentence that says why it is refused.
  func resolve(_ href: String) -> Result<Resolved, MediaRefusal> {
    if let reason = MediaIntake.lexicalProblem(href) { return .failure(MediaRefusal(message: reason)) }
    let joined = (folder as NSString).appendingPathComponent(href)
    guard FileManager.default.fileExists(atPath: joined) else {
      return .failure(MediaRefusal(message: "media file \(href) does not exist"))
    }
    guard let real = MediaIntake.realPath(joined), real.hasPrefix(folder + "/") else {
      return .failure(
        MediaRefusal(
          message: "media path \(href) leads outside the folder of its XML file through a symbolic link"))
    }
    if let known = cache[real] { return .success(known) }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue {
      return .failure(MediaRefusal(message: "media path \(href) is a folder, not a file"))
    }
    do {
      let (staged, digest, size) = try staging.stage(URL(fileURLWithPath: real))
      let resolved = Resolved(url: staged, sha256: digest, size: size)
      cache[real] = resolved
      return .success(resolved)
    } catch {
      return .failure(
        MediaRefusal(message: "media file \(href) cannot be read: \(error.localizedDescription)"))
    }
  }

  /// Why `href` may not even be looked up, or `nil` when its form is acceptable.
  static func lexicalProblem(_ href: String) -> Message? {
    if href.isEmpty { return "media has an empty href" }
    if href.hasPrefix("/") || href.hasPrefix("\\") || href.hasPrefix("~") {
      return "media path \(href) is absolute; it must be relative to the folder of its XML file"
    }
    if let colon = href.firstIndex(of: ":"),
      href[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) })
    {
      return "media path \(href) is a URL; media must be files beside the XML file"
    }
    if href.contains("\\") { return "media path \(href) uses backslashes; use / between folders" }
    if href.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "media path \(href) holds control characters"
    }
    if href.split(separator: "/").contains("..") {
      return "media path \(href) uses .. to leave the folder of its XML file"
    }
    return nil
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Why a media reference was refused.
struct MediaRefusal: Error {
  var message: Message
}
