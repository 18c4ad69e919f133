/// An attribute of an element as the streaming reader reports it.
public struct XMLAttribute: Sendable, Hashable {
  /// The local name, without prefix.
  public var localName: String
  /// The namespace URI, empty for an unqualified attribute.
  public var namespaceURI: String
  /// The value after entity and character reference replacement.
  public var value: String

  /// Creates an attribute.
  public init(localName: String, namespaceURI: String = "", value: String) {
    self.localName = localName
    self.namespaceURI = namespaceURI
    self.value = value
  }
}

/// The start of an element, with where its start tag begins in the file.
public struct XMLElementStart: Sendable, Hashable {
  /// The local name, without prefix.
  public var localName: String
  /// The namespace URI, empty for none.
  public var namespaceURI: String
  /// The attributes in document order.
  public var attributes: [XMLAttribute]
  /// 1-based line of the `<` that opens the start tag.
  public var line: Int
  /// 1-based column (in characters) of the `<` that opens the start tag.
  public var column: Int
  /// Nesting depth; the root element is 0.
  public var depth: Int

  /// The value of the unqualified attribute `name`, if present.
  public func attribute(_ name: String) -> String? {
    attributes.first { $0.localName == name && $0.namespaceURI.isEmpty }?.value
  }

  /// The value of the attribute `name` in namespace `namespaceURI`, if present.
  public func attribute(_ name: String, namespace namespaceURI: String) -> String? {
    attributes.first { $0.localName == name && $0.namespaceURI == namespaceURI }?.value
  }
}

/// One step of a streamed document.
public enum XMLEvent: Sendable, Hashable {
  /// An element starts. An empty element (`<a/>`) is followed at once by its end.
  case startElement(XMLElementStart)
  /// The element that started most recently and is still open ends.
  case endElement(localName: String, namespaceURI: String)
  /// Character data (text or CDATA) inside the current element.
  case text(String)
}

/// Bounds that keep a hostile document from costing time or memory.
public struct XMLLimits: Sendable, Hashable {
  /// The deepest element nesting accepted; the root is depth 0.
  public var maxDepth: Int

  /// Creates limits; the default depth suits records, which need five levels.
  public init(maxDepth: Int = 32) {
    self.maxDepth = maxDepth
  }
}

/// The namespace of `xml:lang` and the other `xml:` attributes.
public let xmlNamespaceURI = "http://www.w3.org/XML/1998/namespace"
