public import Foundation

/// Verifies a bag folder against BagIt (RFC 8493, and the 0.97 draft for older bags):
/// `bagit.txt`, completeness, every checksum of every manifest and tag manifest, Payload-Oxum,
/// paths that escape the bag (also in `fetch.txt`), and percent-encoding per the declared
/// version. See <https://www.rfc-editor.org/rfc/rfc8493>.
///
/// ```swift
/// let result = BagVerifier.verify(folder: URL(fileURLWithPath: "exports/bag"))
/// for problem in result.errors { print(problem) }   // data/a.jpg: sha256 checksum does not match …
/// ```
public enum BagVerifier {
  /// Checks the bag in `folder`.
  public static func verify(folder: URL) -> BagVerification {
    var run = Run(root: folder)
    run.verify()
    return BagVerification(
      version: run.version, errors: run.errors, warnings: run.warnings, payloadFiles: run.payload.count,
      payloadBytes: run.payload.values.reduce(0) { $0 + $1.size })
  }

  struct FoundFile {
    var path: String
    var size: Int64
  }

  struct Run {
    let root: URL
    var version: String?
    var versionAtLeastOne = false
    var encoding: String.Encoding = .utf8
    var errors: [BagProblem] = []
    var warnings: [BagProblem] = []
    /// Payload files on disk, keyed by their NFC path relative to the root.
    var payload: [String: FoundFile] = [:]
    var fetched: Set<String> = []
    /// Checksums to compare, per file: (manifest, algorithm, expected, path as listed).
    var expected:
      [String: [(manifest: String, algorithm: ChecksumAlgorithm, checksum: String, listed: String)]] =
        [:]

    mutating func error(_ path: String, _ message: Message) {
      errors.append(BagProblem(severity: .error, path: path, message: message))
    }

    mutating func warning(_ path: String, _ message: Message) {
      warnings.append(BagProblem(severity: .warning, path: path, message: message))
    }

    mutating func verify() {
      guard readDeclaration() else { return }
      scanPayload()
      readFetch()
      let manifests = tagFiles(prefix: "manifest-")
      if manifests.isEmpty { error("manifest-*.txt", "the bag has no payload manifest") }
      for (name, algorithm) in manifests { checkManifest(name, algorithm: algorithm, payload: true) }
      for (name, algorithm) in tagFiles(prefix: "tagmanifest-") {
        checkManifest(name, algorithm: algorithm, payload: false)
      }
      checkChecksums()
      checkBagInfo()
    }

    /// Reads `bagit.txt`; returns `false` when the bag cannot be read further.
    mutating func readDeclaration() -> Bool {
      let url = root.appendingPathComponent("bagit.txt")
      guard let data = try? Data(contentsOf: url) else {
        error("bagit.txt", "missing; a bag starts with bagit.txt")
        return false
      }
      if data.starts(with: [0xEF, 0xBB, 0xBF]) || data.starts(with: [0xFE, 0xFF])
        || data.starts(with: [0xFF, 0xFE])
      {
        error("bagit.txt", "starts with a byte-order mark, which BagIt forbids")
        return false
      }
      guard let lines = BagTagFiles.lines(of: url, encoding: .utf8) else {
        error("bagit.txt", "is not UTF-8 text")
        return false
      }
      let versionPrefix = "BagIt-Version: "
      guard let first = lines.first, first.hasPrefix(versionPrefix) else {
        error("bagit.txt", "the first line must read 'BagIt-Version: M.N', not '\(lines.first ?? "")'")
        return false
      }
      // Trailing white space is tolerated, as bagit-python does; white space before the colon is not.
      let declared = String(first.dropFirst(versionPrefix.count)).trimmingCharacters(in: .whitespaces)
      let parts = declared.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
        error("bagit.txt", "BagIt-Version \(declared) is not of the form M.N")
        return false
      }
      version = declared
      versionAtLeastOne = (Int(parts[0]) ?? 0) >= 1
      let encodingPrefix = "Tag-File-Character-Encoding: "
      guard lines.count >= 2, lines[1].hasPrefix(encodingPrefix) else {
        error("bagit.txt", "the second line must read 'Tag-File-Character-Encoding: ENCODING'")
        return false
      }
      let name = String(lines[1].dropFirst(encodingPrefix.count)).trimmingCharacters(in: .whitespaces)
      guard let known = BagTagFiles.encoding(named: name) else {
        error("bagit.txt", "Tag-File-Character-Encoding \(name) is not one this verifier reads")
        return false
      }
      encoding = known
      if lines.count > 2 { error("bagit.txt", "holds more than its two lines") }
      return true
    }

    mutating func scanPayload() {
      let data = root.appendingPathComponent("data")
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: data.path, isDirectory: &isFolder), isFolder.boolValue
      else {
        error("data/", "missing; the payload folder must exist, even empty")
        return
      }
      guard let walker = FileManager.default.enumerator(atPath: data.path) else { return }
      while let relative = walker.nextObject() as? String {
        let path = "data/" + relative
        let url = root.appendingPathComponent(path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { continue }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeSymbolicLink {
          error(path, "is a symbolic link; a bag holds plain files")
        } else if type == .typeRegular {
          let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
          payload[path.precomposedStringWithCanonicalMapping] = FoundFile(path: path, size: size)
        }
      }
    }

    mutating func readFetch() {
      let url = root.appendingPathComponent("fetch.txt")
      guard FileManager.default.fileExists(atPath: url.path) else { return }
      guard let lines = BagTagFiles.lines(of: url, encoding: encoding) else {
        error("fetch.txt", "cannot be read in the declared encoding")
        return
      }
      for (number, line) in lines.enumerated() where !line.isEmpty {
        let fields = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 3 else {
          error("fetch.txt", "line \(number + 1) is not 'URL LENGTH PATH'")
          continue
        }
        let path = versionAtLeastOne ? BagTagFiles.decodePath(String(fields[2])) : String(fields[2])
        if let problem = BagTagFiles.escapeProblem(path) {
          error("fetch.txt", problem)
        } else if !path.hasPrefix("data/") {
          error("fetch.txt", "\(path) is not under data/")
        } else {
          fetched.insert(path.precomposedStringWithCanonicalMapping)
        }
      }
    }

    /// The root's `PREFIXalgorithm.txt` files, sorted by name.
    func tagFiles(prefix: String) -> [(String, String)] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
      return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.sorted().map { name in
        (name, String(name.dropFirst(prefix.count).dropLast(4)).lowercased())
      }
    }

    mutating func checkManifest(_ name: String, algorithm: String, payload isPayload: Bool) {
      guard let entries = readManifest(name, payload: isPayload) else { return }
      if isPayload {
        for (key, file) in payload.sorted(by: { $0.key < $1.key }) where entries[key] == nil {
          error(file.path, "is in the payload but not listed in \(name)")
        }
      }
      let computable = ChecksumAlgorithm(rawValue: algorithm)
      if computable == nil {
        warning(
          name,
          "\(algorithm) is not an algorithm this build can compute; its paths were checked, its checksums were not"
        )
      }
      for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
        let url: URL
        if isPayload {
          guard let file = payload[key] else {
            if !fetched.contains(key) { error(entry.path, "is listed in \(name) but missing from the bag") }
            continue
          }
          url = root.appendingPathComponent(file.path)
        } else {
          url = root.appendingPathComponent(entry.path)
          guard FileManager.default.fileExists(atPath: url.path) else {
            error(entry.path, "is listed in \(name) but missing from the bag")
            continue
          }
        }
        guard let computable else { continue }
        expected[url.path, default: []].append((name, computable, entry.checksum, entry.path))
      }
    }

    /// The manifest's entries by NFC path, each line checked (form, escapes, payload prefix,
    /// repeats); `nil` when the file cannot be read.
    mutating func readManifest(_ name: String, payload isPayload: Bool) -> [String: (
      path: String, checksum: String
    )]? {
      guard let lines = BagTagFiles.lines(of: root.appendingPathComponent(name), encoding: encoding) else {
        error(name, "cannot be read in the declared encoding")
        return nil
      }
      var entries: [String: (path: String, checksum: String)] = [:]
      for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        guard let entry = BagTagFiles.manifestEntry(line) else {
          error(name, "line \(number + 1) is not 'CHECKSUM PATH'")
          continue
        }
        var path = versionAtLeastOne ? BagTagFiles.decodePath(entry.path) : entry.path
        if entry.binaryFlag { warning(name, "\(path) carries md5sum's '*' binary flag before its path") }
        if path.hasPrefix("./") {
          warning(name, "\(path) starts with ./; paths are relative to the bag without it")
          path.removeFirst(2)
        }
        if let problem = BagTagFiles.escapeProblem(path) {
          error(name, problem)
          continue
        }
        if isPayload && !path.hasPrefix("data/") {
          error(name, "lists \(path), which is not in the payload (data/)")
          continue
        }
        let key = path.precomposedStringWithCanonicalMapping
        if let earlier = entries[key] {
          if earlier.path != path {
            warning(name, "\(path) is listed twice, in two Unicode normalizations")
          } else if earlier.checksum != entry.checksum {
            error(name, "\(path) is listed twice with different checksums")
          } else if versionAtLeastOne {
            error(name, "\(path) is listed twice")
          } else {
            warning(name, "\(path) is listed twice with the same checksum")
          }
          continue
        }
        entries[key] = (path, entry.checksum)
      }
      return entries
    }

    /// Hashes every listed file once, for all the algorithms its manifests use (several files
    /// at a time), and reports in path order.
    mutating func checkChecksums() {
      let listed = expected.sorted(by: { $0.key < $1.key })
      let results = FileHashing.hashAll(
        listed.map { path, checks in
          FileHashing.Job(source: URL(fileURLWithPath: path), algorithms: Set(checks.map(\.algorithm)))
        })
      for ((_, checks), result) in zip(listed, results) {
        do {
          let found = try result.get().digests
          for check in checks where found[check.algorithm] != check.checksum {
            error(
              check.listed,
              "\(check.algorithm.rawValue) checksum does not match \(check.manifest): expected \(check.checksum), found \(found[check.algorithm] ?? "")"
            )
          }
        } catch {
          self.error(checks[0].listed, "cannot be read: \(FileIOError.reason(of: error))")
        }
      }
    }

    mutating func checkBagInfo() {
      let url = root.appendingPathComponent("bag-info.txt")
      guard FileManager.default.fileExists(atPath: url.path) else { return }
      guard let lines = BagTagFiles.lines(of: url, encoding: encoding), let labels = BagTagFiles.labels(lines)
      else {
        error("bag-info.txt", "is not a list of 'Label: value' lines")
        return
      }
      guard fetched.isEmpty, let oxum = labels.first(where: { $0.label == "Payload-Oxum" })?.value else {
        return
      }
      let parts = oxum.split(separator: ".")
      guard parts.count == 2, let octets = Int64(parts[0]), let count = Int(parts[1]) else {
        error("bag-info.txt", "Payload-Oxum \(oxum) is not OCTETS.COUNT")
        return
      }
      let actualOctets = payload.values.reduce(0) { $0 + $1.size }
      if octets != actualOctets || count != payload.count {
        error(
          "bag-info.txt",
          "Payload-Oxum says \(octets) bytes in \(count) files; the payload holds \(actualOctets) bytes in \(payload.count) files"
        )
      }
    }
  }
}
