import Foundation
import HeritageXML

/// Imports Heritage Records files into a catalog as one transaction.
///
/// Every error in every file is collected; unless ``ImportOptions/keepGoing`` is set, any error
/// means nothing is written. With `keepGoing`, files with errors (and files whose references
/// lead only into them) are refused and the rest committed. References may point to records
/// already in the catalog or anywhere in the same import, in any order.
///
/// ```swift
/// let report = try Importer(catalog: catalog).run(paths: ["imports"])
/// print(report.summaryLine)  // inserted 24, updated 0, unchanged 0, refused 0
/// ```
public final class Importer {
  private let catalog: Catalog
  private let schema: XMLSchema

  /// Prepares an importer, loading the record schema once.
  public init(catalog: Catalog) throws {
    self.catalog = catalog
    schema = try Importer.loadSchema()
  }

  /// The record schema, `records-1.xsd`, parsed.
  static func loadSchema() throws -> XMLSchema {
    let path = try Resources.url(for: "records-1.xsd").path
    do {
      return try XMLSchema(path: path)
    } catch {
      throw CatalogError(
        .invalidConfiguration, "the record schema cannot be loaded: \(error.description)", underlying: error)
    }
  }

  /// Imports the files and folders in `paths`.
  /// - Parameter progress: called now and then with how far the import has come.
  public func run(
    paths: [String], options: ImportOptions = ImportOptions(),
    progress: ((ImportProgress) -> Void)? = nil
  ) throws -> ImportReport {
    try catalog.requireWritable()
    let (sources, pathErrors) = ImportSources.expand(paths)
    var report = ImportReport()
    report.dryRun = options.dryRun
    let mayCommit = !options.dryRun && (options.keepGoing || pathErrors.isEmpty)
    let attempt = try pass(sources, commitIfClean: mayCommit, options: options, progress: progress)
    let refused = attempt.errorsBySource
    let outcomes = attempt.outcomes

    // Without --keep-going, one error refuses every file; a dry run refuses nothing by itself.
    let everythingRefused = !attempt.committed && !options.dryRun
    report.files = sources.map { source in
      var outcome =
        outcomes[source]
        ?? ImportFileOutcome(path: source.displayPath, sha256: "", size: 0, records: 0, refused: false)
      outcome.refused = everythingRefused || refused[source] != nil
      return outcome
    }
    report.errors = pathErrors + sources.flatMap { refused[$0] ?? [] }
    report.committed = attempt.committed
    report.importID = attempt.committed ? attempt.importID : nil
    if !everythingRefused {
      report.inserted = attempt.counts.inserted
      report.updated = attempt.counts.updated
      report.unchanged = attempt.counts.unchanged
    }
    report.refused = report.refusedFiles.reduce(0) { $0 + $1.records }
    return report
  }

  struct Counts {
    var inserted = 0
    var updated = 0
    var unchanged = 0

    static func + (lhs: Counts, rhs: Counts) -> Counts {
      Counts(
        inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated,
        unchanged: lhs.unchanged + rhs.unchanged)
    }
  }

  struct PassResult {
    var errorsBySource: [ImportSource: [ImportError]] = [:]
    var outcomes: [ImportSource: ImportFileOutcome] = [:]
    /// What each file wrote, for the totals and for taking a refused file back.
    var countsBySource: [ImportSource: Counts] = [:]
    /// The staged media of each file, by SHA-256.
    var mediaBySource: [ImportSource: [String: URL]] = [:]
    var committed = false
    var importID: Int64 = 0

    /// What the files that are kept wrote.
    var counts: Counts {
      countsBySource.filter { errorsBySource[$0.key] == nil }.values.reduce(Counts(), +)
    }
  }

  /// Reads every source once inside one write transaction. Without `keepGoing`, any error
  /// rolls everything back; with it, each refused file is taken back (and then every file whose
  /// references lead only into taken-back records, until none is left) and the rest is
  /// committed. Nothing is committed unless `commitIfClean`.
  private func pass(
    _ sources: [ImportSource], commitIfClean: Bool, options: ImportOptions,
    progress: ((ImportProgress) -> Void)?
  ) throws -> PassResult {
    var result = PassResult()
    var added: [String] = []
    let staging = catalog.media.stagingArea()
    defer { staging.discard() }
    let timestamp = Date().ISO8601Format()
    do {
      try catalog.inImportTransaction(by: options.by, timestamp: timestamp) { transaction in
        result.importID = transaction.importID
        try readAll(sources, into: transaction, staging: staging, result: &result, progress: progress)
        if options.keepGoing {
          for source in sources where result.errorsBySource[source] != nil {
            try transaction.revert(file: source.displayPath)
          }
        }
        try refuseDanglingReferences(sources, in: transaction, result: &result, revert: options.keepGoing)
        let refused = sources.filter { result.errorsBySource[$0] != nil }
        guard commitIfClean, options.keepGoing || refused.isEmpty else { return false }
        for source in refused.sorted(by: { $0.displayPath < $1.displayPath }) {
          try transaction.recordRefusedFile(path: source.displayPath)
        }
        let counts = result.counts
        try transaction.finish(
          inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged,
          refusedFiles: refused.count)
        var media: [String: URL] = [:]
        for source in sources where result.errorsBySource[source] == nil {
          media.merge(result.mediaBySource[source] ?? [:]) { first, _ in first }
        }
        for (sha256, url) in media.sorted(by: { $0.key < $1.key }) {
          if let sha512 = staging.sha512(of: sha256) { try transaction.recordMediaSHA512(sha512, of: sha256) }
          if try staging.adopt(url, sha256: sha256) { added.append(sha256) }
        }
        result.committed = true
        return true
      }
    } catch {
      for sha256 in added { catalog.media.remove(sha256) }
      if let error = error as? CatalogError { throw error }
      throw CatalogError(
        .storage, "the import could not be written, nothing was changed: \(error)", underlying: error)
    }
    for source in result.errorsBySource.keys {
      result.errorsBySource[source]?.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    }
    return result
  }

  /// References that lead to no record, or to a station, refuse the files that hold them. With
  /// `revert`, those files are taken back, which may leave further references dangling: the
  /// check runs again until none is left.
  private func refuseDanglingReferences(
    _ sources: [ImportSource], in transaction: ImportTransaction, result: inout PassResult, revert: Bool
  ) throws {
    while true {
      let dangling = try transaction.danglingReferences()
      var newlyRefused: [ImportSource] = []
      for reference in dangling {
        let source = sources.first { $0.displayPath == reference.file }!
        if result.errorsBySource[source] == nil { newlyRefused.append(source) }
        result.errorsBySource[source, default: []].append(ImportError(reference))
      }
      guard revert, !newlyRefused.isEmpty else { return }
      for source in Set(newlyRefused) { try transaction.revert(file: source.displayPath) }
    }
  }

  /// Reads every source in order through `transaction`, reporting progress now and then.
  private func readAll(
    _ sources: [ImportSource], into transaction: ImportTransaction, staging: MediaStaging,
    result: inout PassResult, progress: ((ImportProgress) -> Void)?
  ) throws {
    var recordsSoFar = 0
    for (index, source) in sources.enumerated() {
      func report() {
        progress?(
          ImportProgress(
            filesDone: index, fileCount: sources.count, records: recordsSoFar, currentFile: source.displayPath
          ))
      }
      report()
      var counts = Counts()
      var media: [String: URL] = [:]
      let outcome = try importFile(
        source, transaction: transaction, staging: staging, counts: &counts, media: &media
      ) {
        recordsSoFar += 1
        if recordsSoFar % 5000 == 0 { report() }
      }
      result.outcomes[source] = outcome.file
      result.countsBySource[source] = counts
      result.mediaBySource[source] = media
      if !outcome.errors.isEmpty { result.errorsBySource[source] = outcome.errors }
    }
  }

  /// Notes the record's references and claims its id; writes its record (when the checks made
  /// one) and counts the outcome. Returns the error that kept it out, if any.
  private func store(
    _ checked: CheckedRecord, file: String, in transaction: ImportTransaction, counts: inout Counts
  ) throws -> ImportError? {
    for reference in checked.references {
      try transaction.noteReference(
        from: checked.id, to: reference.target, relation: reference.relation, file: file,
        line: reference.position.line, column: reference.position.column)
    }
    func refusal(_ message: Message) -> ImportError {
      ImportError(
        file: file, line: checked.position.line, column: checked.position.column, recordID: checked.id,
        message: message)
    }
    if let first = try transaction.claim(checked.id, file: file, line: checked.position.line) {
      return refusal("is defined twice in this import (first at \(first))")
    }
    guard let prepared = checked.prepared else { return nil }
    do {
      switch try transaction.upsert(prepared, file: file, line: checked.position.line) {
      case .inserted: counts.inserted += 1
      case .updated: counts.updated += 1
      case .unchanged: counts.unchanged += 1
      }
    } catch let conflict as KindConflict {
      let kind = prepared.record.kind
      return refusal("is already in the catalog as a \(conflict.existing.rawValue), not a \(kind.rawValue)")
    }
    return nil
  }

  /// Reads one file, writing its records through `transaction` as they come. A thread of its
  /// own reads, checks and prepares the records (``RecordFeed``) while this one writes them.
  private func importFile(
    _ source: ImportSource, transaction: ImportTransaction, staging: MediaStaging, counts: inout Counts,
    media: inout [String: URL], onRecord: () -> Void
  ) throws -> (file: ImportFileOutcome, errors: [ImportError]) {
    var outcome = ImportFileOutcome(path: source.displayPath, sha256: "", size: 0, records: 0, refused: false)
    let feed = RecordFeed(source: source, schema: schema, catalog: catalog, staging: staging)
    defer { feed.stop() }
    var recordErrors: [ImportError] = []
    let read: RecordReader.FileRead
    reading: while true {
      switch feed.next() {
      case .records(let batch):
        for checked in batch {
          onRecord()
          recordErrors += checked.errors
          if let problem = try store(checked, file: source.displayPath, in: transaction, counts: &counts) {
            recordErrors.append(problem)
          } else if checked.prepared != nil {
            media.merge(checked.mediaFiles) { kept, _ in kept }
          }
        }
      case .end(let fileRead):
        read = fileRead
        break reading
      case .failed(let error): throw error
      }
    }
    outcome.records = read.records
    outcome.sha256 = read.sha256 ?? ""
    outcome.size = read.size
    var errors = read.errors + recordErrors
    if read.sha256 == nil && errors.isEmpty {
      errors.append(ImportError(file: source.displayPath, message: "cannot be read to its end"))
    }
    if errors.isEmpty {
      try transaction.recordImportedFile(
        path: source.displayPath, sha256: outcome.sha256, size: outcome.size, records: read.records)
    }
    return (outcome, errors)
  }
}
