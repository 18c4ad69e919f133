/// What became of one file of an import.
public struct ImportFileOutcome: Sendable, Hashable, Codable {
  /// The file as the user named it.
  public var path: String
  /// SHA-256 of the file's bytes, empty when it could not be read.
  public var sha256: String
  /// Size in bytes.
  public var size: Int64
  /// How many records the file holds.
  public var records: Int
  /// `true` when the file was refused.
  public var refused: Bool
}

/// The outcome of one `heritage import`: counts, files, and every error found.
public struct ImportReport: Sendable, Codable {
  /// Every file read, in order.
  public var files: [ImportFileOutcome] = []
  /// Every problem, in file order.
  public var errors: [ImportError] = []
  /// Records added to the catalog.
  public var inserted = 0
  /// Records that became a new revision.
  public var updated = 0
  /// Records identical to their current revision.
  public var unchanged = 0
  /// Records in refused files (all records, when the whole import was refused).
  public var refused = 0
  /// `true` when the catalog was changed.
  public var committed = false
  /// `true` for `--dry-run`.
  public var dryRun = false
  /// The id of the recorded import, when committed.
  public var importID: Int64?

  /// `true` when no input was refused.
  public var succeeded: Bool { errors.isEmpty }

  /// The files refused.
  public var refusedFiles: [ImportFileOutcome] { files.filter(\.refused) }

  /// `inserted 3, updated 1, unchanged 20, refused 0`.
  public var summaryLine: String { summary.text(.en) }

  /// The counts in a sentence: `inserted 27, updated 0, unchanged 0, refused 0`.
  public var summary: Message {
    "inserted \(inserted), updated \(updated), unchanged \(unchanged), refused \(refused)"
  }
}

/// How far an import has come, for a progress indicator.
public struct ImportProgress: Sendable {
  /// Files finished.
  public var filesDone: Int
  /// Files in all.
  public var fileCount: Int
  /// Records read so far.
  public var records: Int
  /// The file being read.
  public var currentFile: String
}

/// Choices of `heritage import`.
public struct ImportOptions: Sendable {
  /// Commit the clean files and list the refused ones, instead of refusing everything.
  public var keepGoing = false
  /// Validate only; never write.
  public var dryRun = false
  /// Who ran the import, recorded with it.
  public var by: String?

  /// Creates options.
  public init(keepGoing: Bool = false, dryRun: Bool = false, by: String? = nil) {
    self.keepGoing = keepGoing
    self.dryRun = dryRun
    self.by = by
  }
}
