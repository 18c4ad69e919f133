import CLibXML2

/// A problem found while reading or validating an XML document, with the place it was found.
///
/// Lines and columns are 1-based; a column of 0 means libxml2 did not say (schema errors
/// carry a line only, unless the reader knew the element they are about).
public struct XMLDiagnostic: Error, CustomStringConvertible, Sendable, Hashable {
  /// What kind of check produced the diagnostic.
  public enum Kind: String, Sendable, Hashable {
    /// The document is not well-formed XML, or could not be decoded.
    case syntax
    /// The document is well-formed but breaks the schema.
    case schema
    /// The document was refused as unsafe (a DOCTYPE, too deep a nesting).
    case security
    /// The file could not be opened or read.
    case io
  }

  /// What kind of check produced the diagnostic.
  public var kind: Kind
  /// A sentence that says what is wrong.
  public var message: String
  /// 1-based line, 0 when unknown.
  public var line: Int
  /// 1-based column, 0 when unknown.
  public var column: Int

  /// Creates a diagnostic.
  public init(kind: Kind, message: String, line: Int = 0, column: Int = 0) {
    self.kind = kind
    self.message = message
    self.line = line
    self.column = column
  }

  /// `line:column: message`, leaving out what is unknown.
  public var description: String {
    switch (line, column) {
    case (0, _): return message
    case (_, 0): return "\(line): \(message)"
    default: return "\(line):\(column): \(message)"
    }
  }
}

extension XMLDiagnostic {
  /// Builds a diagnostic from libxml2's structured error, cleaning its message for people.
  init(libxmlError error: UnsafePointer<xmlError>) {
    let domain = Int32(error.pointee.domain)
    let isSchema =
      domain == Int32(XML_FROM_SCHEMASV.rawValue) || domain == Int32(XML_FROM_SCHEMASP.rawValue)
    var text = error.pointee.message.map { String(cString: $0) } ?? "unknown XML error"
    text = XMLDiagnostic.tidy(text)
    self.init(
      kind: isSchema ? .schema : .syntax,
      message: text,
      line: Int(error.pointee.line),
      column: isSchema ? 0 : Int(error.pointee.int2)
    )
  }

  /// Drops the trailing newline and the `{namespace}` prefixes libxml2 puts on element names,
  /// and says `Element 'x', attribute 'y':` as `attribute y of <x>:`.
  static func tidy(_ message: String) -> String {
    var text = stripNamespaces(message)
    if text.hasPrefix("Element '"), let close = text.dropFirst(9).firstIndex(of: "'") {
      let element = text[text.index(text.startIndex, offsetBy: 9)..<close]
      var rest = text[text.index(after: close)...]
      if rest.hasPrefix(", attribute '"), let end = rest.dropFirst(13).firstIndex(of: "'") {
        let attribute = rest[rest.index(rest.startIndex, offsetBy: 13)..<end]
        rest = rest[rest.index(after: end)...]
        text = "attribute \(attribute) of <\(element)>" + rest
      } else {
        text = "<\(element)>" + rest
      }
    }
    return text
  }

  /// Removes `{namespace-uri}` prefixes, keeping braces that hold anything else (libxml2 also
  /// prints the allowed values of an enumeration in braces: `{'a', 'b'}`).
  private static func stripNamespaces(_ message: String) -> String {
    var out = ""
    var rest = Substring(message)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}") else {
        rest = rest[open...]
        break
      }
      let inner = rest[rest.index(after: open)..<close]
      let isNamespace = inner.contains(":") && !inner.contains("'") && !inner.contains(" ")
      if !isNamespace { out += rest[open...close] }
      rest = rest[rest.index(after: close)...]
    }
    out += rest
    while let last = out.last, last == "\n" || last == " " {
      out.removeLast()
    }
    return out
  }
}
