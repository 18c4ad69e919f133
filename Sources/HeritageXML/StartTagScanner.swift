/// Finds where each element's start tag begins in the raw bytes of a document.
///
/// libxml2's reader remembers the line of an element but not its column, and its parser runs
/// ahead of the node it reports. This scanner sees the same bytes as they are fed to libxml2
/// and queues the position of every `<` that opens a start tag, skipping comments, CDATA
/// sections, processing instructions and quoted attribute values, so the reader can give each
/// element, in document order, its exact line and column.
struct StartTagScanner {
  /// How characters are laid out in bytes, enough to count columns.
  enum Layout {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    case gb18030
  }

  private enum State {
    case text
    case afterLessThan(line: Int, column: Int)
    case tag(quote: UInt8?)
    case endTag
    case processingInstruction(sawQuestion: Bool)
    case bang
    case bangDash
    case comment(dashes: Int)
    case cdata(brackets: Int)
    case declaration
  }

  private(set) var positions: [(line: Int, column: Int)] = []
  /// Where a `<!` markup declaration (such as `<!DOCTYPE`) begins, once one has been seen.
  private(set) var declaration: (line: Int, column: Int)?
  private var head = 0
  private var state = State.text
  private var line = 1
  private var column = 0
  private var layout: Layout?
  private var sniff: [UInt8] = []
  private var pendingUnit: UInt8?
  private var multibyteRemaining = 0
  private var gbLead: UInt8?

  /// Takes the next queued start-tag position, in document order.
  mutating func nextPosition() -> (line: Int, column: Int)? {
    guard head < positions.count else { return nil }
    let position = positions[head]
    head += 1
    if head > 1024 && head * 2 > positions.count {
      positions.removeFirst(head)
      head = 0
    }
    return position
  }

  /// Feeds the next raw bytes of the document.
  mutating func feed(_ bytes: UnsafeRawBufferPointer) {
    for byte in bytes {
      if layout == nil {
        sniff.append(byte)
        if sniff.count < 200 && !sniffIsDecisive() { continue }
        layout = StartTagScanner.detectLayout(sniff)
        let buffered = sniff
        sniff = []
        for early in buffered { consume(byte: early) }
        continue
      }
      consume(byte: byte)
    }
  }

  /// Feeds the end of input, so a short document is still scanned.
  mutating func finish() {
    if layout == nil {
      layout = StartTagScanner.detectLayout(sniff)
      let buffered = sniff
      sniff = []
      for early in buffered { consume(byte: early) }
    }
  }

  private func sniffIsDecisive() -> Bool {
    guard sniff.count >= 4 else { return false }
    if sniff[0] == 0xFF || sniff[0] == 0xFE || sniff[0] == 0xEF || sniff[0] == 0x00
      || sniff[1] == 0x00
    {
      return true
    }
    // An XML declaration ends with "?>"; without one the first byte is not '<' '?'.
    if sniff[0] == 0x3C && sniff[1] == 0x3F {
      return sniff.last == 0x3E
    }
    return true
  }

  static func detectLayout(_ head: [UInt8]) -> Layout {
    if head.count >= 2 {
      if head[0] == 0xFF && head[1] == 0xFE { return .utf16LittleEndian }
      if head[0] == 0xFE && head[1] == 0xFF { return .utf16BigEndian }
      if head[0] == 0x3C && head[1] == 0x00 { return .utf16LittleEndian }
      if head[0] == 0x00 && head[1] == 0x3C { return .utf16BigEndian }
    }
    // Read the encoding pseudo-attribute of an ASCII-compatible XML declaration.
    let ascii = String(decoding: head.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self).lowercased()
    if let range = ascii.firstRange(of: "encoding") {
      let rest = ascii[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
      if rest.hasPrefix("gb") { return .gb18030 }
    }
    return .utf8
  }

  private mutating func consume(byte: UInt8) {
    switch layout ?? .utf8 {
    case .utf8:
      if byte & 0xC0 != 0x80 { character(ascii: byte < 0x80 ? byte : nil) }
    case .gb18030:
      if gbLead != nil {
        if multibyteRemaining == 0 {
          // Second byte: 0x30...0x39 means a four-byte sequence.
          if byte >= 0x30 && byte <= 0x39 {
            multibyteRemaining = 2
          } else {
            gbLead = nil
          }
        } else {
          multibyteRemaining -= 1
          if multibyteRemaining == 0 { gbLead = nil }
        }
      } else if byte >= 0x81 && byte <= 0xFE {
        gbLead = byte
        multibyteRemaining = 0
        character(ascii: nil)
      } else {
        character(ascii: byte)
      }
    case .utf16LittleEndian, .utf16BigEndian:
      guard let first = pendingUnit else {
        pendingUnit = byte
        return
      }
      pendingUnit = nil
      let unit: UInt16 =
        layout == .utf16LittleEndian
        ? UInt16(first) | UInt16(byte) << 8 : UInt16(first) << 8 | UInt16(byte)
      if unit == 0xFEFF && line == 1 && column == 0 { return }
      if unit >= 0xDC00 && unit <= 0xDFFF { return }
      character(ascii: unit < 0x80 ? UInt8(unit) : nil)
    }
  }

  private mutating func markDeclaration() {
    if declaration == nil { declaration = (line, max(column - 2, 1)) }
    state = .declaration
  }

  private mutating func character(ascii: UInt8?) {
    if ascii == 0x0A {
      line += 1
      column = 0
    } else {
      column += 1
    }
    step(ascii)
  }

  private mutating func step(_ c: UInt8?) {
    switch state {
    case .text:
      if c == 0x3C { state = .afterLessThan(line: line, column: column) }
    case .afterLessThan(let startLine, let startColumn):
      switch c {
      case 0x2F: state = .endTag
      case 0x3F: state = .processingInstruction(sawQuestion: false)
      case 0x21: state = .bang
      default:
        positions.append((startLine, startColumn))
        state = .tag(quote: nil)
      }
    case .tag(let quote):
      if let open = quote {
        if c == open { state = .tag(quote: nil) }
      } else if c == 0x22 || c == 0x27 {
        state = .tag(quote: c)
      } else if c == 0x3E {
        state = .text
      }
    case .endTag, .declaration:
      if c == 0x3E { state = .text }
    case .processingInstruction(let sawQuestion):
      if sawQuestion && c == 0x3E {
        state = .text
      } else {
        state = .processingInstruction(sawQuestion: c == 0x3F)
      }
    case .bang:
      if c == 0x2D {
        state = .bangDash
      } else if c == 0x5B {
        state = .cdata(brackets: 0)
      } else {
        markDeclaration()
      }
    case .bangDash:
      if c == 0x2D { state = .comment(dashes: 0) } else { markDeclaration() }
    case .comment(let dashes):
      if c == 0x2D {
        state = .comment(dashes: dashes + 1)
      } else if c == 0x3E && dashes >= 2 {
        state = .text
      } else {
        state = .comment(dashes: 0)
      }
    case .cdata(let brackets):
      // "<![" then "CDATA[" ... "]]>": the opening "CDATA[" never holds "]]>".
      if c == 0x5D {
        state = .cdata(brackets: brackets + 1)
      } else if c == 0x3E && brackets >= 2 {
        state = .text
      } else {
        state = .cdata(brackets: 0)
      }
    }
  }
}
