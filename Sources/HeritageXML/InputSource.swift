import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The bytes of one file, read in chunks for libxml2 and seen by the start-tag scanner first.
final class InputSource {
  fileprivate let descriptor: Int32
  var scanner = StartTagScanner()
  /// Set when the input was cut off on purpose (a DOCTYPE); libxml2 then sees a read error.
  var refusal: XMLDiagnostic?
  var readError: XMLDiagnostic?
  /// Sees every byte read from the file, in order (for hashing it in the same pass).
  var observer: ((UnsafeRawBufferPointer) -> Void)?

  init(path: String) throws(XMLDiagnostic) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw XMLDiagnostic(kind: .io, message: "cannot open: \(String(cString: strerror(errno)))")
    }
    var info = stat()
    if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw XMLDiagnostic(kind: .io, message: "is a folder, not a file")
    }
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// Fills `buffer` with up to `count` bytes; returns the number read, 0 at the end, -1 to stop.
  func read(into buffer: UnsafeMutablePointer<CChar>, count: Int32) -> Int32 {
    if refusal != nil { return -1 }
    let got = Glibc.read(descriptor, buffer, Int(count))
    if got < 0 {
      readError = XMLDiagnostic(kind: .io, message: "read failed: \(String(cString: strerror(errno)))")
      return -1
    }
    if got == 0 {
      scanner.finish()
      return 0
    }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: got)
    observer?(bytes)
    scanner.feed(bytes)
    if let place = scanner.declaration {
      refusal = XMLDiagnostic(
        kind: .security,
        message:
          "the document has a DOCTYPE or other markup declaration; records need none, and such declarations can define entities that expand without bound or reach outside the file, so the file is refused",
        line: place.line, column: place.column)
      return -1
    }
    return Int32(got)
  }
}

extension InputSource {
  /// Reads what libxml2 left unread (after it stopped early) so that the observer sees the
  /// whole file; returns `false` on a read error.
  func drain() -> Bool {
    guard let observer else { return true }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 { return false }
      if got == 0 { return true }
      chunk.withUnsafeBytes { observer(UnsafeRawBufferPointer(rebasing: $0.prefix(got))) }
    }
  }
}

let inputRead: xmlInputReadCallback = { context, buffer, count in
  guard let context, let buffer else { return -1 }
  return Unmanaged<InputSource>.fromOpaque(context).takeUnretainedValue().read(into: buffer, count: count)
}

let inputClose: xmlInputCloseCallback = { _ in 0 }
