import Crypto
import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// The one read-hash-copy loop under imports, audits, bags and verification: files of several
/// chunks, hashed on several threads, give the digests of the whole file and an exact copy.
@Suite(.removesTemporaryFolders) struct FileHashingTests {
  /// Bytes of a size that is no multiple of the chunk: three full chunks and a short one.
  static func bytes(count: Int) -> Data {
    var generator = SystemRandomNumberGenerator()
    var words = (0..<(count + 7) / 8).map { _ in generator.next() }
    return words.withUnsafeMutableBytes { Data($0.prefix(count)) }
  }

  @Test func digestsOfAFileOfSeveralChunksAreThoseOfItsWholeBytes() throws {
    let folder = temporaryFolder()
    let data = Self.bytes(count: 3 * FileHashing.chunkSize + 12_345)
    let file = folder.appendingPathComponent("media.bin")
    try data.write(to: file)
    let (digests, size) = try FileHashing.hashFile(file, algorithms: [.sha256, .sha512, .sha1, .md5])
    #expect(size == Int64(data.count))
    #expect(digests[.sha256] == SHA256.hash(data: data).hexString)
    #expect(digests[.sha512] == SHA512.hash(data: data).hexString)
    #expect(digests[.sha1] == Insecure.SHA1.hash(data: data).hexString)
    #expect(digests[.md5] == Insecure.MD5.hash(data: data).hexString)
  }

  @Test func aCopyHasTheSameBytesAndTheDigestsOfTheSource() throws {
    let folder = temporaryFolder()
    let data = Self.bytes(count: 2 * FileHashing.chunkSize + 7)
    let source = folder.appendingPathComponent("source.bin")
    let target = folder.appendingPathComponent("target.bin")
    try data.write(to: source)
    try Data("an older, longer file at the target that the copy replaces entirely".utf8).write(to: target)
    let (digests, size) = try FileHashing.copyFile(source, to: target, algorithms: [.sha256, .sha512])
    #expect(try Data(contentsOf: target) == data)
    #expect(size == Int64(data.count))
    #expect(digests[.sha256] == SHA256.hash(data: data).hexString)
    #expect(digests[.sha512] == SHA512.hash(data: data).hexString)
  }

  @Test func anEmptyFileHasTheDigestsOfNoBytes() throws {
    let folder = temporaryFolder()
    let file = folder.appendingPathComponent("empty")
    try Data().write(to: file)
    let (digests, size) = try FileHashing.copyFile(
      file, to: folder.appendingPathComponent("copy"), algorithms: [.sha256])
    #expect(size == 0)
    #expect(digests[.sha256] == SHA256.hash(data: Data()).hexString)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("copy").path))
  }

  @Test func aMissingSourceOrAnUnwritableTargetIsNamedWithTheSystemsReason() throws {
    let folder = temporaryFolder()
    let missing = folder.appendingPathComponent("no-such-file.jpg")
    let error = #expect(throws: FileIOError.self) {
      try FileHashing.hashFile(missing, algorithms: [.sha256])
    }
    #expect(error?.description == "cannot open \(missing.path): No such file or directory")
    let source = folder.appendingPathComponent("source.bin")
    try Data("x".utf8).write(to: source)
    let target = folder.appendingPathComponent("no-such-folder/copy.bin")
    let copyError = #expect(throws: FileIOError.self) {
      try FileHashing.copyFile(source, to: target, algorithms: [.sha256])
    }
    #expect(copyError?.description == "cannot create \(target.path): No such file or directory")
  }

  /// A write that fails on the copying thread (here the disk is full) stops the copy with the
  /// target's name and the reason, however many threads were hashing beside it.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFailedWriteStopsTheCopyWithTheReason() throws {
    let folder = temporaryFolder()
    let source = folder.appendingPathComponent("source.bin")
    try Self.bytes(count: FileHashing.chunkSize + 1).write(to: source)
    let full = URL(fileURLWithPath: "/dev/full")
    let error = #expect(throws: FileIOError.self) {
      try FileHashing.copyFile(source, to: full, algorithms: [.sha256, .sha512])
    }
    #expect(error?.description == "cannot write /dev/full: No space left on device")
  }
}
