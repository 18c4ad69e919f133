/// One finding of ``BagVerifier``: an error makes the bag invalid, a warning does not.
public struct BagProblem: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  /// Error or warning.
  public var severity: Severity
  /// The file inside the bag the problem is about, relative to the bag's root.
  public var path: String
  /// What is wrong, in the language people read.
  public var message: Message

  /// Creates a finding.
  public init(severity: Severity, path: String, message: Message) {
    self.severity = severity
    self.path = path
    self.message = message
  }

  public var description: String { text(.en) }

  /// `PATH: message`, the message in `language`.
  public func text(_ language: Language) -> String { "\(path): \(message.text(language))" }

}

/// The outcome of verifying one bag.
public struct BagVerification: Sendable, Codable {
  /// The BagIt version the bag declares, when it could be read.
  public var version: String?
  /// Errors, in the order found.
  public var errors: [BagProblem]
  /// Warnings, in the order found.
  public var warnings: [BagProblem]
  /// Payload files checked.
  public var payloadFiles: Int
  /// Payload bytes checked.
  public var payloadBytes: Int64

  /// `true` when there is no error.
  public var isValid: Bool { errors.isEmpty }
}
