/// A failure of the catalog itself (not of an imported record): opening, reading,
/// configuration, arguments.
///
/// ```swift
/// do {
///   let catalog = try Catalog.open(folder: folder)
/// } catch let error as CatalogError where error.code == .noCatalog {
///   print(error)  // no catalog at … (create one with: heritage import FILES --catalog …)
/// }
/// ```
public struct CatalogError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, in broad strokes, for callers that branch on it. New codes may be added
  /// in later versions, so a `switch` over codes needs a `default`.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Storage: String, Hashable, Sendable {
      case notFound, invalidConfiguration, storage, invalidArgument, noCatalog, outdated, readOnly
    }

    private let storage: Storage

    private init(_ storage: Storage) {
      self.storage = storage
    }

    /// No record has that id.
    public static let notFound = Code(.notFound)
    /// A file the catalog needs is missing or malformed.
    public static let invalidConfiguration = Code(.invalidConfiguration)
    /// The database or media store failed.
    public static let storage = Code(.storage)
    /// The caller's arguments make no sense.
    public static let invalidArgument = Code(.invalidArgument)
    /// The folder holds no catalog.
    public static let noCatalog = Code(.noCatalog)
    /// The catalog's database lacks migrations and was opened read-only.
    public static let outdated = Code(.outdated)
    /// A write was asked of a catalog opened read-only.
    public static let readOnly = Code(.readOnly)

    public var description: String { storage.rawValue }
  }

  /// What went wrong.
  public var code: Code
  /// The sentence shown to people, in the language they read (``Message/text(_:)``).
  public var message: Message
  /// The catalog folder the error is about, as it was given, when it is about one.
  public var folder: String?
  /// The error underneath, when another library's failure caused this one (a database or file
  /// system error), for logs and callers that look deeper.
  public var underlyingError: (any Error)?

  /// Creates an error.
  public init(_ code: Code, _ message: Message, folder: String? = nil, underlying: (any Error)? = nil) {
    self.code = code
    self.message = message
    self.folder = folder
    self.underlyingError = underlying
  }

  /// The sentence in English.
  public var description: String { message.text(.en) }
}
