import Crypto
import Foundation

/// Lowercase hex SHA-256 of a string's UTF-8 bytes.
func sha256Hex(_ text: String) -> String {
  SHA256.hash(data: Data(text.utf8)).hexString
}

/// A checksum algorithm this build computes (through swift-crypto), named as BagIt manifests
/// name it. BagIt also allows others (sha224, for one), which swift-crypto does not offer;
/// manifests in those are checked for paths only, with a warning.
enum ChecksumAlgorithm: String, Sendable, Hashable, CaseIterable, Comparable {
  case md5
  case sha1
  case sha256
  case sha384
  case sha512

  static func < (lhs: ChecksumAlgorithm, rhs: ChecksumAlgorithm) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// File hashing through swift-crypto, for imports, media audits, bags and their manifests.
enum FileHashing {
  /// Hashes the file once for every algorithm in `algorithms`, reading it in chunks.
  static func digests(of url: URL, algorithms: Set<ChecksumAlgorithm>) throws -> [ChecksumAlgorithm: String] {
    try hashFile(url, algorithms: algorithms).digests
  }

  /// Reads a file once in 1 MiB chunks, hashing it with every algorithm in `algorithms` and
  /// handing each chunk to `consumer` (a copy made in the same read): the one loop by which
  /// the catalog hashes files (imports, media audits, bag checks).
  static func hashFile(
    _ url: URL, algorithms: Set<ChecksumAlgorithm>, passingTo consumer: ((Data) throws -> Void)? = nil
  ) throws -> (digests: [ChecksumAlgorithm: String], size: Int64) {
    let hashers = MultiHasher(algorithms: algorithms)
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var size: Int64 = 0
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hashers.update(chunk)
      try consumer?(chunk)
      size += Int64(chunk.count)
    }
    return (hashers.digests(), size)
  }
}

/// Several hash functions fed the same bytes; large chunks are hashed by each function on its
/// own thread, so SHA-256 and SHA-512 of a file take about as long as the slower one.
final class MultiHasher: @unchecked Sendable {
  // Each box is touched by one thread at a time: concurrentPerform gives every index its own.
  private final class Box: @unchecked Sendable {
    let algorithm: ChecksumAlgorithm
    var hasher: any StreamingHasher
    init(_ algorithm: ChecksumAlgorithm, _ hasher: any StreamingHasher) {
      self.algorithm = algorithm
      self.hasher = hasher
    }
  }

  private let boxes: [Box]

  /// Hashers for `algorithms`.
  init(algorithms: Set<ChecksumAlgorithm>) {
    boxes = algorithms.sorted().map { algorithm in
      switch algorithm {
      case .md5: Box(algorithm, Streaming(Insecure.MD5()))
      case .sha1: Box(algorithm, Streaming(Insecure.SHA1()))
      case .sha256: Box(algorithm, Streaming(SHA256()))
      case .sha384: Box(algorithm, Streaming(SHA384()))
      case .sha512: Box(algorithm, Streaming(SHA512()))
      }
    }
  }

  func update(_ data: Data) {
    if boxes.count > 1 && data.count >= 1 << 16 {
      DispatchQueue.concurrentPerform(iterations: boxes.count) { index in boxes[index].hasher.update(data) }
    } else {
      for box in boxes { box.hasher.update(data) }
    }
  }

  /// Lowercase hex digests by algorithm.
  func digests() -> [ChecksumAlgorithm: String] {
    Dictionary(uniqueKeysWithValues: boxes.map { ($0.algorithm, $0.hasher.hex()) })
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

extension Sequence where Element == UInt8 {
  /// Lowercase hexadecimal.
  var hexString: String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(64)
    for byte in self {
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
