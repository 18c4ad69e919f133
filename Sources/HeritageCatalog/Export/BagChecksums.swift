import Crypto
import Foundation

/// The checksum algorithms a bag's manifests may use, through swift-crypto.
enum BagChecksums {
  /// Algorithms this build can compute. BagIt also allows others (sha224, for one), which
  /// swift-crypto does not offer; manifests in those are checked for paths only, with a warning.
  static let supported = ["md5", "sha1", "sha256", "sha384", "sha512"]

  /// Hashes the file once for every algorithm in `algorithms`, reading it in chunks.
  static func digests(of url: URL, algorithms: Set<String>) throws -> [String: String] {
    var hashers = algorithms.compactMap { algorithm -> (String, any StreamingHasher)? in
      switch algorithm {
      case "md5": (algorithm, Streaming(Insecure.MD5()))
      case "sha1": (algorithm, Streaming(Insecure.SHA1()))
      case "sha256": (algorithm, Streaming(SHA256()))
      case "sha384": (algorithm, Streaming(SHA384()))
      case "sha512": (algorithm, Streaming(SHA512()))
      default: nil
      }
    }
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      for index in hashers.indices { hashers[index].1.update(chunk) }
    }
    return Dictionary(uniqueKeysWithValues: hashers.map { ($0.0, $0.1.hex()) })
  }
}

/// A hash function fed in chunks, whatever its digest type.
protocol StreamingHasher {
  mutating func update(_ data: Data)
  func hex() -> String
}

struct Streaming<H: HashFunction>: StreamingHasher {
  var hasher: H
  init(_ hasher: H) { self.hasher = hasher }
  mutating func update(_ data: Data) { hasher.update(data: data) }
  func hex() -> String { hasher.finalize().hexString }
}
