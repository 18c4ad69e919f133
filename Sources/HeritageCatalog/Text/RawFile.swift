import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
  private let systemWrite = Glibc.write
  private let systemClose = Glibc.close
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
  private let systemWrite = Darwin.write
  private let systemClose = Darwin.close
#endif

/// A file read or written through its descriptor with caller-owned buffers: the bulk path of
/// hashing and copying, which `FileHandle` would route through a fresh `Data` per chunk.
struct RawFile {
  private let descriptor: Int32
  private let path: String

  /// Opens `url` for reading.
  init(reading url: URL) throws {
    path = url.path
    descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileIOError(path: path, operation: .open, code: errno) }
  }

  /// Creates `url` (or truncates it) for writing, readable by all.
  init(writing url: URL) throws {
    path = url.path
    descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileIOError(path: path, operation: .create, code: errno) }
  }

  /// Fills `buffer` as far as the file allows; returns how many bytes it holds, 0 at the end.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    var filled = 0
    while filled < buffer.count {
      let got = try retrying(.read) {
        systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if got == 0 { break }
      filled += got
    }
    return filled
  }

  /// Writes all of `bytes`.
  func write(_ bytes: UnsafeRawBufferPointer) throws {
    var written = 0
    while written < bytes.count {
      written += try retrying(.write) {
        systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
      }
    }
  }

  /// The result of a system call that returns a count or -1, called again when a signal
  /// interrupted it; any other failure is a ``FileIOError`` for `operation`.
  private func retrying(_ operation: FileIOError.Operation, _ call: () -> Int) throws -> Int {
    while true {
      let result = call()
      if result >= 0 { return result }
      if errno != EINTR { throw FileIOError(path: path, operation: operation, code: errno) }
    }
  }

  func close() {
    _ = systemClose(descriptor)
  }
}

/// A file could not be opened, read or written; says which, where, and the system's reason.
struct FileIOError: Error, CustomStringConvertible, LocalizedError {
  enum Operation: String, Sendable {
    case open, create, read, write
  }

  let path: String
  let operation: Operation
  let code: Int32

  /// The system's words for what went wrong (`strerror`), as the system gives them.
  var reason: String { String(cString: strerror(code)) }

  /// What failed and where, in the language people read.
  var message: Message {
    switch operation {
    case .open: "cannot open \(path): \(reason)"
    case .create: "cannot create \(path): \(reason)"
    case .read: "cannot read \(path): \(reason)"
    case .write: "cannot write \(path): \(reason)"
    }
  }

  var description: String { message.description }
  var errorDescription: String? { description }

  /// Why `error` stopped a read: the system's reason for a ``FileIOError``, else the error's own
  /// description.
  static func reason(of error: any Error) -> String {
    (error as? FileIOError)?.reason ?? error.localizedDescription
  }
}
