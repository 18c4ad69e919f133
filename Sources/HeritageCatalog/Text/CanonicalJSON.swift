import Foundation

/// Encodes values as canonical JSON: object keys sorted by their UTF-8 bytes, no white space,
/// slashes and non-ASCII text as they are. Byte for byte what Foundation's `JSONEncoder` writes
/// with `[.sortedKeys, .withoutEscapingSlashes]` on Linux (revisions stored by earlier versions
/// were written so, and an unchanged record must give the same bytes), at a fraction of its
/// cost: no key paths, no dictionary per object, strings escaped once into one buffer. Every
/// revision an import writes goes through it.
///
/// `URL` and `Data` are written as `JSONEncoder` writes them by default (the absolute string,
/// base64); `Date` as its own `Encodable` does, which is `JSONEncoder`'s default too. `Decimal`
/// and `Float` are not special-cased: no output holds them (`CanonicalJSONTests` compares
/// records with every field, and every output of the CLI and the API, with `JSONEncoder`).
enum CanonicalJSON {
  static func encode<Value: Encodable>(_ value: Value) throws -> String {
    try render(value, indent: nil)
  }

  /// Encodes `value` as Foundation's `JSONEncoder` does with `[.prettyPrinted, .sortedKeys,
  /// .withoutEscapingSlashes]` on Linux: two spaces a level, `"key" : value`, an empty array
  /// or object on three lines. What every `--format json` and every API response writes;
  /// `JSONEncoder` cost a quarter of a record GET over HTTP.
  static func encodePretty<Value: Encodable>(_ value: Value) throws -> String {
    try render(value, indent: 0)
  }

  private static func render<Value: Encodable>(_ value: Value, indent: Int?) throws -> String {
    let root = JSONNode()
    try value.encode(to: NodeEncoder(node: root))
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    root.write(to: &out, indent: indent)
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` as a JSON string, quotes included, escaped as Foundation escapes it.
  static func quoted(_ text: String) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "\"")]
    out.reserveCapacity(text.utf8.count + 2)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x00..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8) + [hex[Int(byte / 16)], hex[Int(byte % 16)]]
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
    return out
  }

  /// A floating-point number as Foundation writes it: its shortest description, without a
  /// trailing `.0`.
  static func number<Number: BinaryFloatingPoint & CustomStringConvertible>(_ value: Number) throws -> [UInt8]
  {
    guard value.isFinite else {
      throw EncodingError.invalidValue(
        value, EncodingError.Context(codingPath: [], debugDescription: "\(value) cannot be written in JSON"))
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return Array(text.utf8)
  }
}

/// One value being encoded: a finished piece of JSON, an array or an object. A class, so that
/// the containers handed out for it fill it in place.
private final class JSONNode {
  enum Content {
    /// JSON text written out in full: a string, number, `true`, `false` or `null`.
    case literal([UInt8])
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])
  }

  /// A value that asks for no container writes as an empty object, as in Foundation.
  var content = Content.object([])

  init() {}

  init(literal: [UInt8]) {
    content = .literal(literal)
  }

  func append(_ element: JSONNode) {
    guard case .array(var elements) = content else { return }
    content = .object([])  // lets `elements` be extended without a copy
    elements.append(element)
    content = .array(elements)
  }

  func set(_ value: JSONNode, for key: String) {
    guard case .object(var members) = content else { return }
    content = .array([])
    members.append((key, value))
    content = .object(members)
  }

  /// Writes the node compact when `indent` is `nil`, else pretty-printed as `JSONEncoder`
  /// prints it, this node's lines indented by `indent` spaces.
  func write(to out: inout [UInt8], indent: Int? = nil) {
    let inner = indent.map { $0 + 2 }
    func open(_ bracket: UInt8, count: Int) {
      out.append(bracket)
      guard indent != nil else { return }
      out.append(UInt8(ascii: "\n"))
      if count == 0 { out.append(UInt8(ascii: "\n")) }
    }
    func beginElement(_ index: Int) {
      if index > 0 {
        out.append(UInt8(ascii: ","))
        if indent != nil { out.append(UInt8(ascii: "\n")) }
      }
      if let inner { out += repeatElement(UInt8(ascii: " "), count: inner) }
    }
    func close(_ bracket: UInt8, count: Int) {
      if let indent {
        if count > 0 { out.append(UInt8(ascii: "\n")) }
        out += repeatElement(UInt8(ascii: " "), count: indent)
      }
      out.append(bracket)
    }
    switch content {
    case .literal(let bytes):
      out += bytes
    case .array(let elements):
      open(UInt8(ascii: "["), count: elements.count)
      for (index, element) in elements.enumerated() {
        beginElement(index)
        element.write(to: &out, indent: inner)
      }
      close(UInt8(ascii: "]"), count: elements.count)
    case .object(let members):
      open(UInt8(ascii: "{"), count: members.count)
      let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      for (index, member) in sorted.enumerated() {
        beginElement(index)
        out += CanonicalJSON.quoted(member.key)
        out +=
          indent == nil ? [UInt8(ascii: ":")] : [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")]
        member.value.write(to: &out, indent: inner)
      }
      close(UInt8(ascii: "}"), count: members.count)
    }
  }
}

/// The `Encoder` that fills one node.
private struct NodeEncoder: Encoder {
  let node: JSONNode
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = node.content {} else { node.content = .object([]) }
    return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = node.content {} else { node.content = .array([]) }
    return UnkeyedNodeContainer(node: node)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleNodeContainer(node: node)
  }

  /// The node for `value`: primitives written at once, anything else encoded into a new node.
  static func node<Value: Encodable>(for value: Value) throws -> JSONNode {
    switch value {
    case let text as String: return JSONNode(literal: CanonicalJSON.quoted(text))
    case let number as Int: return JSONNode(literal: Array(String(number).utf8))
    case let number as Int64: return JSONNode(literal: Array(String(number).utf8))
    case let flag as Bool: return JSONNode(literal: Array((flag ? "true" : "false").utf8))
    case let number as Double: return JSONNode(literal: try CanonicalJSON.number(number))
    case let number as any BinaryInteger: return JSONNode(literal: Array("\(number)".utf8))
    // As `JSONEncoder` writes them by default, not as their own `Encodable` does.
    case let url as URL: return JSONNode(literal: CanonicalJSON.quoted(url.absoluteString))
    case let data as Data: return JSONNode(literal: CanonicalJSON.quoted(data.base64EncodedString()))
    default:
      let node = JSONNode()
      try value.encode(to: NodeEncoder(node: node))
      return node
    }
  }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws {
    node.set(JSONNode(literal: Array("null".utf8)), for: key.stringValue)
  }

  mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
    node.set(try NodeEncoder.node(for: value), for: key.stringValue)
  }

  // Strings are most of a record: written without the generic path's type checks.
  mutating func encode(_ value: String, forKey key: Key) throws {
    node.set(JSONNode(literal: CanonicalJSON.quoted(value)), for: key.stringValue)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = JSONNode()
    node.set(child, for: key.stringValue)
    return NodeEncoder(node: child).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = JSONNode()
    node.set(child, for: key.stringValue)
    return NodeEncoder(node: child).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let child = JSONNode()
    node.set(child, for: "super")
    return NodeEncoder(node: child)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let child = JSONNode()
    node.set(child, for: key.stringValue)
    return NodeEncoder(node: child)
  }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey] { [] }
  var count: Int {
    if case .array(let elements) = node.content { return elements.count }
    return 0
  }

  mutating func encodeNil() throws {
    node.append(JSONNode(literal: Array("null".utf8)))
  }

  mutating func encode<Value: Encodable>(_ value: Value) throws {
    node.append(try NodeEncoder.node(for: value))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = JSONNode()
    node.append(child)
    return NodeEncoder(node: child).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = JSONNode()
    node.append(child)
    return NodeEncoder(node: child).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let child = JSONNode()
    node.append(child)
    return NodeEncoder(node: child)
  }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws {
    node.content = .literal(Array("null".utf8))
  }

  mutating func encode<Value: Encodable>(_ value: Value) throws {
    node.content = try NodeEncoder.node(for: value).content
  }

  mutating func encode(_ value: String) throws {
    node.content = .literal(CanonicalJSON.quoted(value))
  }
}
