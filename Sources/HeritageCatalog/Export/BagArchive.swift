public import Foundation
import ZIPFoundation

extension BagVerifier {
  /// Verifies a bag serialized as a zip file: every entry's path is checked before anything is
  /// unpacked (no absolute paths, `~`, `..` or links), then the bag is unpacked into a temporary
  /// folder and verified there. The bag is the zip's root, or its single top-level folder.
  public static func verify(zip url: URL) -> BagVerification {
    let name = url.lastPathComponent
    func refused(_ problems: [BagProblem]) -> BagVerification {
      BagVerification(version: nil, errors: problems, warnings: [], payloadFiles: 0, payloadBytes: 0)
    }
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      return refused([
        BagProblem(severity: .error, path: name, message: "is not a readable zip file: \(error)")
      ])
    }
    var problems: [BagProblem] = []
    for entry in archive {
      if let problem = BagTagFiles.escapeProblem(entry.path) {
        problems.append(BagProblem(severity: .error, path: "\(name): \(entry.path)", message: problem))
      } else if entry.type == .symlink {
        problems.append(
          BagProblem(
            severity: .error, path: "\(name): \(entry.path)",
            message: "is a symbolic link; a bag holds plain files"))
      }
    }
    guard problems.isEmpty else { return refused(problems) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "heritage-verify-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      for entry in archive where entry.type != .directory {
        _ = try archive.extract(entry, to: folder.appendingPathComponent(entry.path))
      }
    } catch {
      return refused([BagProblem(severity: .error, path: name, message: "cannot be unpacked: \(error)")])
    }
    return verify(folder: bagRoot(in: folder))
  }

  /// The folder holding `bagit.txt`: `folder` itself or its only subfolder.
  static func bagRoot(in folder: URL) -> URL {
    if FileManager.default.fileExists(atPath: folder.appendingPathComponent("bagit.txt").path) {
      return folder
    }
    let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    if children.count == 1 { return folder.appendingPathComponent(children[0]) }
    return folder
  }
}
