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

  /// Relative cost per byte on this kind of machine, most expensive first when sorted by it:
  /// the order in which parallel work is handed out (see ``MultiHasher``).
  var cost: Int {
    switch self {
    case .sha512, .sha384: 3
    case .sha256: 2
    case .sha1, .md5: 1
    }
  }
}

/// File hashing through swift-crypto, for imports, media audits, bags and their manifests.
enum FileHashing {
  /// How much of a file is read at a time: large enough that handing a chunk to the two cores
  /// costs nothing measurable, small enough that memory stays flat.
  static let chunkSize = 4 << 20

  /// Hashes the file once for every algorithm in `algorithms`, reading it in chunks.
  static func digests(of url: URL, algorithms: Set<ChecksumAlgorithm>) throws -> [ChecksumAlgorithm: String] {
    try hashFile(url, algorithms: algorithms).digests
  }

  /// Reads a file once, in chunks into one reusable buffer, hashing each chunk with every
  /// algorithm in `algorithms` and handing it to `consumer` at the same time (each on its own
  /// thread): the one loop by which the catalog hashes files (imports, media audits, bags).
  /// `consumer` must not keep the buffer it is given.
  static func hashFile(
    _ url: URL, algorithms: Set<ChecksumAlgorithm>,
    passingTo consumer: ((UnsafeRawBufferPointer) throws -> Void)? = nil
  ) throws -> (digests: [ChecksumAlgorithm: String], size: Int64) {
    let input = try RawFile(reading: url)
    defer { input.close() }
    let hashers = MultiHasher(algorithms: algorithms)
    // The default alignment: with a larger one (64 was tried) this toolchain's deallocate()
    // left every buffer allocated, half a gigabyte over a 500 MB bag.
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var size: Int64 = 0
    while true {
      let count = try input.read(into: buffer)
      if count == 0 { break }
      let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
      try hashers.update(chunk, alongside: consumer)
      size += Int64(count)
    }
    return (hashers.digests(), size)
  }

  /// One file to hash, and where to copy it in the same read (`nil`: hash only).
  struct Job: Sendable {
    var source: URL
    var copy: URL? = nil
    var algorithms: Set<ChecksumAlgorithm>
  }

  /// Runs `jobs` several files at a time (as many as the machine has cores), so a slow
  /// algorithm on one file (SHA-512) overlaps the others' work instead of holding a core while
  /// the other waits. Results are in the order of `jobs`, each a digest set or the error.
  static func hashAll(_ jobs: [Job]) -> [Result<
    (digests: [ChecksumAlgorithm: String], size: Int64), any Error
  >] {
    let results = ResultSlots(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      let job = jobs[index]
      results.set(
        index,
        Result {
          if let target = job.copy {
            try copyFile(job.source, to: target, algorithms: job.algorithms)
          } else {
            try hashFile(job.source, algorithms: job.algorithms)
          }
        })
    }
    return results.values
  }

  // One slot per job, each written by the thread that runs that job (under a lock, as the
  // slots share one array), all read after concurrentPerform has joined them.
  private final class ResultSlots: @unchecked Sendable {
    var values: [Result<(digests: [ChecksumAlgorithm: String], size: Int64), any Error>]
    private let lock = NSLock()

    init(count: Int) {
      values = Array(repeating: .success(([:], 0)), count: count)
    }

    func set(_ index: Int, _ value: Result<(digests: [ChecksumAlgorithm: String], size: Int64), any Error>) {
      lock.withLock { values[index] = value }
    }
  }

  /// Copies `source` to `target` (created or truncated), hashing it in the same read.
  static func copyFile(
    _ source: URL, to target: URL, algorithms: Set<ChecksumAlgorithm>
  ) throws -> (digests: [ChecksumAlgorithm: String], size: Int64) {
    let output = try RawFile(writing: target)
    defer { output.close() }
    return try hashFile(source, algorithms: algorithms) { chunk in try output.write(chunk) }
  }
}

/// Several hash functions fed the same bytes; large chunks are hashed by each function on its
/// own thread (the costliest first), beside whatever else the caller does with the chunk, so
/// SHA-256 and SHA-512 of a file, and its copy, take about as long as the slowest of them.
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
    boxes = algorithms.sorted { ($0.cost, $1.rawValue) > ($1.cost, $0.rawValue) }.map { algorithm in
      switch algorithm {
      case .md5: Box(algorithm, Streaming(Insecure.MD5()))
      case .sha1: Box(algorithm, Streaming(Insecure.SHA1()))
      case .sha256: Box(algorithm, Streaming(SHA256()))
      case .sha384: Box(algorithm, Streaming(SHA384()))
      case .sha512: Box(algorithm, Streaming(SHA512()))
      }
    }
  }

  /// Feeds `bytes` to every hasher.
  func update(_ bytes: UnsafeRawBufferPointer) {
    try? update(bytes, alongside: nil)
  }

  /// Feeds `bytes` to every hasher and to `consumer`; a chunk of 64 KiB or more is shared out
  /// over threads, one piece of work each.
  func update(_ bytes: UnsafeRawBufferPointer, alongside consumer: ((UnsafeRawBufferPointer) throws -> Void)?)
    throws
  {
    let works = boxes.count + (consumer == nil ? 0 : 1)
    guard works > 1 && bytes.count >= 1 << 16 else {
      for box in boxes { box.hasher.update(bytes) }
      try consumer?(bytes)
      return
    }
    let work = SharedChunk(bytes: bytes, consumer: consumer)
    DispatchQueue.concurrentPerform(iterations: works) { index in
      if index < boxes.count {
        boxes[index].hasher.update(work.bytes)
      } else {
        work.consume()
      }
    }
    if let error = work.error { throw error }
  }

  /// Lowercase hex digests by algorithm.
  func digests() -> [ChecksumAlgorithm: String] {
    Dictionary(uniqueKeysWithValues: boxes.map { ($0.algorithm, $0.hasher.hex()) })
  }

  // One chunk shared by the threads of one `concurrentPerform`, which returns only when they
  // are all done: the bytes outlive every reader, only one thread runs the consumer and
  // writes `error`, and `error` is read after they have joined.
  private final class SharedChunk: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    let consumer: ((UnsafeRawBufferPointer) throws -> Void)?
    var error: (any Error)?

    init(bytes: UnsafeRawBufferPointer, consumer: ((UnsafeRawBufferPointer) throws -> Void)?) {
      self.bytes = bytes
      self.consumer = consumer
    }

    func consume() {
      do { try consumer?(bytes) } catch { self.error = error }
    }
  }
}

/// A hash function fed in chunks, whatever its digest type.
protocol StreamingHasher {
  mutating func update(_ bytes: UnsafeRawBufferPointer)
  func hex() -> String
}

struct Streaming<H: HashFunction>: StreamingHasher {
  var hasher: H
  init(_ hasher: H) { self.hasher = hasher }
  mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
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
