import Foundation

/// A sentence or label shown to people: an English template with its arguments, put into a
/// language only when shown. Write it as a string literal, interpolations included:
///
/// ```swift
/// let message: Message = "unknown district \(name) (did you mean \(suggestion)?)"
/// message.text(.zh)  // 未知区县 鼓搂区（是否为 鼓楼区？）
/// ```
///
/// The template (`unknown district {0} (did you mean {1}?)`) is the key of the Chinese text in
/// ``Translations``; an argument that is itself a message is shown in the same language.
public struct Message: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
  /// What fills a `{n}` slot of the template.
  public indirect enum Argument: Sendable, Hashable {
    /// Text shown as it is (a name, a number, a path).
    case text(String)
    /// A message shown in the same language as the one it is in.
    case message(Message)
  }

  /// The English text with `{0}`, `{1}`… where the arguments go.
  public let template: String
  /// The arguments, in order of their slots.
  public let arguments: [Argument]

  /// A message with a template and arguments given separately.
  public init(template: String, arguments: [Argument] = []) {
    self.template = template
    self.arguments = arguments
  }

  /// Text with no arguments: shown as written, unless the catalog has its Chinese word for word
  /// (HeritageXML's own messages).
  public init(verbatim text: String) {
    self.init(template: Message.escaped(text))
  }

  /// `a`, `a or b`, `a, b or c`: alternatives, in the reader's language.
  public static func either(_ items: [String]) -> Message {
    switch items.count {
    case 0: return ""
    case 1: return Message(verbatim: items[0])
    default: return "\(items.dropLast().joined(separator: ", ")) or \(items.last!)"
    }
  }

  public init(stringLiteral value: String) {
    self.init(template: Message.escaped(value))
  }

  public init(stringInterpolation: StringInterpolation) {
    self.init(template: stringInterpolation.template, arguments: stringInterpolation.arguments)
  }

  /// Builds a template from a literal with interpolations.
  public struct StringInterpolation: StringInterpolationProtocol {
    var template = ""
    var arguments: [Argument] = []

    public init(literalCapacity: Int, interpolationCount: Int) {
      template.reserveCapacity(literalCapacity + 3 * interpolationCount)
    }

    public mutating func appendLiteral(_ literal: String) { template += Message.escaped(literal) }

    /// A message inside a message, shown in the same language.
    public mutating func appendInterpolation(_ message: Message) {
      template += "{\(arguments.count)}"
      arguments.append(.message(message))
    }

    /// Any other value, shown as `String(describing:)` writes it.
    public mutating func appendInterpolation<Value>(_ value: Value) {
      template += "{\(arguments.count)}"
      arguments.append(.text(String(describing: value)))
    }
  }

  /// The message in `language`: the Chinese template when ``Translations`` has one (else the
  /// English), with the arguments in their slots.
  public func text(_ language: Language) -> String {
    let pattern = language == .zh ? Translations.chinese[template] ?? template : template
    var out = ""
    var index = pattern.startIndex
    while index < pattern.endIndex {
      let character = pattern[index]
      if character == "{", let close = pattern[index...].firstIndex(of: "}"),
        let slot = Int(pattern[pattern.index(after: index)..<close]), arguments.indices.contains(slot)
      {
        switch arguments[slot] {
        case .text(let text): out += text
        case .message(let message): out += message.text(language)
        }
        index = pattern.index(after: close)
      } else if character == "{" || character == "}",
        pattern.index(after: index) < pattern.endIndex, pattern[pattern.index(after: index)] == character
      {
        out.append(character)
        index = pattern.index(index, offsetBy: 2)
      } else {
        out.append(character)
        index = pattern.index(after: index)
      }
    }
    return out
  }

  /// The English text.
  public var description: String { text(.en) }

  /// A literal with its braces doubled, so that only the slots are `{n}`.
  static func escaped(_ literal: String) -> String {
    guard literal.contains(where: { $0 == "{" || $0 == "}" }) else { return literal }
    return literal.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
  }
}

extension Message: Codable {
  /// Machine outputs carry the English text, whatever language people read.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text(.en))
  }

  /// A message read back from JSON is its English text.
  public init(from decoder: any Decoder) throws {
    self.init(verbatim: try decoder.singleValueContainer().decode(String.self))
  }
}
