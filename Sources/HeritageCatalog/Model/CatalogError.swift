/// A failure of the catalog itself (not of an imported record): opening, reading, configuration.
public struct CatalogError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, in broad strokes, for callers that branch on it.
  public enum Code: String, Sendable {
    /// No record has that id.
    case notFound
    /// A file the catalog needs is missing or malformed.
    case invalidConfiguration
    /// The database or media store failed.
    case storage
    /// The caller's arguments make no sense.
    case invalidArgument
    /// The folder holds no catalog.
    case noCatalog
    /// The catalog's database lacks migrations and was opened read-only.
    case outdated
  }

  /// What went wrong.
  public var code: Code
  /// The sentence shown to people.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
