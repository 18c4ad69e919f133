import Foundation
import GRDB

extension Catalog {
  /// Re-hashes every file of the media store and compares it with the SHA-256 and size the
  /// catalog recorded: a fixity audit. Returns one problem per missing or drifted file.
  public func auditMedia() throws -> (checked: Int, problems: [BagProblem]) {
    let rows = try withReadTransaction { db in
      try Row.fetchAll(db, sql: "SELECT sha256, size FROM media_blob ORDER BY sha256")
    }
    var problems: [BagProblem] = []
    for row in rows {
      let sha256: String = row["sha256"]
      let size: Int64 = row["size"]
      let url = media.url(for: sha256)
      let path = "media/\(sha256.prefix(2))/\(sha256)"
      guard FileManager.default.fileExists(atPath: url.path) else {
        problems.append(BagProblem(severity: .error, path: path, message: "is missing from the media store"))
        continue
      }
      do {
        let (digests, foundSize) = try FileHashing.hashFile(url, algorithms: [.sha256])
        let found = digests[.sha256] ?? ""
        if found != sha256 || foundSize != size {
          problems.append(
            BagProblem(
              severity: .error, path: path,
              message:
                "has drifted: recorded sha256 \(sha256) (\(size) bytes), found \(found) (\(foundSize) bytes)")
          )
        }
      } catch {
        problems.append(
          BagProblem(
            severity: .error, path: path, message: "cannot be read: \(FileIOError.reason(of: error))"))
      }
    }
    return (rows.count, problems)
  }
}
