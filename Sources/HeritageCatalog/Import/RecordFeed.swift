import Foundation
import HeritageXML

/// One record as the reading thread hands it to the writing one: what storing it needs of the
/// draft, the errors its checks found, and the record they made, prepared.
struct CheckedRecord: Sendable {
  struct Reference: Sendable {
    var target: String
    var relation: LinkRelation
    var position: SourcePosition
  }

  var id: String
  var position: SourcePosition
  /// The record's `related` and `serves` references, in that order.
  var references: [Reference]
  /// The record, when its checks passed.
  var prepared: PreparedRecord?
  var errors: [ImportError]
  /// Where each of its media files was staged, by SHA-256.
  var mediaFiles: [String: URL]
}

/// Reads, checks and prepares the records of one file on a thread of its own, a batch at a
/// time, while the importer's thread writes the batches before (parsing, checking, the
/// canonical JSON and the search tokens on one core; SQLite on the other). The queue between
/// them is short, so memory stays flat; ``stop()`` ends the thread early and waits for it.
final class RecordFeed: Sendable {
  enum Item: Sendable {
    case records([CheckedRecord])
    /// The file has been read to its end (or as far as it could be).
    case end(RecordReader.FileRead)
    /// Preparing a record failed; nothing more follows.
    case failed(any Error)
  }

  /// Records per batch: enough that the two threads rarely wait on each other's lock.
  static let batchSize = 64

  private let queue = BoundedQueue<Item>(capacity: 8)
  private let done = DispatchSemaphore(value: 0)

  /// Starts reading `source`.
  init(source: ImportSource, schema: XMLSchema, catalog: Catalog, staging: MediaStaging) {
    // The thread holds the values it needs, not the catalog, whose database must close when
    // its last user lets it go.
    let (gazetteer, preparer) = (catalog.gazetteer, catalog.preparer)
    let queue = self.queue
    let done = self.done
    let thread = Thread {
      defer {
        queue.close()
        done.signal()
      }
      RecordFeed.read(
        source, schema: schema, gazetteer: gazetteer, preparer: preparer, staging: staging, into: queue)
    }
    thread.name = "heritage-import-reader"
    thread.start()
  }

  /// The next item, waiting for it. The last is `.end` or `.failed`.
  func next() -> Item {
    // The reading thread always puts `.end` or `.failed` before it closes the queue, and only
    // `stop()` cancels it.
    guard let item = queue.take() else { preconditionFailure() }
    return item
  }

  /// Ends the reading (when it has not ended) and waits for its thread; call it once.
  func stop() {
    queue.cancel()
    done.wait()
  }

  /// The reading thread's work.
  private static func read(
    _ source: ImportSource, schema: XMLSchema, gazetteer: Gazetteer, preparer: RecordPreparer,
    staging: MediaStaging, into queue: BoundedQueue<Item>
  ) {
    struct Stopped: Error {}
    let checks = RecordChecks(
      file: source.displayPath, gazetteer: gazetteer,
      media: MediaIntake(xmlFile: source.url, staging: staging))
    let reader = RecordReader(path: source.url.path, displayPath: source.displayPath, schema: schema)
    var batch: [CheckedRecord] = []
    batch.reserveCapacity(batchSize)
    do {
      let read = try reader.read { draft in
        let (record, errors, mediaFiles) = checks.check(draft)
        let references =
          draft.related.map {
            CheckedRecord.Reference(target: $0.value.ref, relation: .related, position: $0.position)
          }
          + draft.serves.map {
            CheckedRecord.Reference(target: $0.value.ref, relation: .serves, position: $0.position)
          }
        batch.append(
          CheckedRecord(
            id: draft.id, position: draft.position, references: references,
            prepared: try record.map(preparer.prepare), errors: errors, mediaFiles: mediaFiles))
        if batch.count == batchSize {
          guard queue.put(.records(batch)) else { throw Stopped() }
          batch.removeAll(keepingCapacity: true)
        }
      }
      if !batch.isEmpty, !queue.put(.records(batch)) { return }
      _ = queue.put(.end(read))
    } catch is Stopped {
      return
    } catch {
      _ = queue.put(.failed(error))
    }
  }
}
