/// An error condition of OAI-PMH 2.0 (section 3.6). It is answered inside an OAI-PMH response
/// (HTTP 200), as `<error code="…">message</error>`.
public struct OAIError: Error, CustomStringConvertible, Sendable, Hashable {
  /// The protocol's error codes, spelled as the protocol spells them.
  public enum Code: String, Sendable, CaseIterable {
    /// An argument is missing, illegal, repeated, or of a bad syntax.
    case badArgument
    /// The resumption token is not one this repository gave, or belongs to another list.
    case badResumptionToken
    /// The verb is missing, repeated, or not one of the six.
    case badVerb
    /// The record or repository does not offer that metadata format.
    case cannotDisseminateFormat
    /// No record has that identifier.
    case idDoesNotExist
    /// The list asked for is empty.
    case noRecordsMatch
    /// The item offers no metadata format (never the case here: every record has both).
    case noMetadataFormats
    /// The repository has no sets (never the case here).
    case noSetHierarchy
  }

  /// Which condition.
  public var code: Code
  /// What a harvester's operator reads.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(code.rawValue): \(message)" }

  /// Whether the `<request>` element of the response may echo the arguments: not after a bad
  /// verb or a bad argument (section 3.2).
  var echoesArguments: Bool { code != .badVerb && code != .badArgument }
}
