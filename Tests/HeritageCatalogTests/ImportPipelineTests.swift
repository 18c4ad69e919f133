import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// The import reads, checks and prepares records on one thread and writes them on another, a
/// batch at a time. Files of several batches import whole and in file order, errors in any
/// batch refuse the file and change nothing, and the queue between the threads keeps order,
/// ends when closed and lets a waiting producer go when the consumer gives up.
@Suite(.removesTemporaryFolders) struct ImportPipelineTests {
  static let many = Fixtures.path("batches/many-records.xml")
  static let lateErrors = Fixtures.path("batches/late-errors.xml")

  @Test func aFileOfSeveralBatchesImportsWholeWithEachRecordAtItsLine() throws {
    let records = try String(contentsOfFile: Self.many, encoding: .utf8)
      .components(separatedBy: "\n").enumerated().filter { $0.element.contains("<gi-product ") }
    #expect(records.count > 3 * RecordFeed.batchSize)
    let folder = temporaryFolder()
    let report = try importInto(folder, [Self.many])
    #expect(report.errors.isEmpty)
    #expect(report.inserted == records.count)
    let catalog = try Catalog.open(folder: folder)
    for (index, line) in records {
      let id = String(line.split(separator: "\"")[1])
      let revision = try #require(try catalog.history(id: id).first)
      #expect(revision.sourceLine == index + 1, "\(id)")
    }
  }

  @Test func errorsInLaterBatchesRefuseTheFileAndChangeNothing() throws {
    let folder = temporaryFolder()
    _ = try importInto(folder, [Self.many])
    let before = snapshot(folder)
    let report = try importInto(folder, [Self.lateErrors])
    #expect(
      report.errors.map(\.description) == [
        "\(Self.lateErrors):903:3: gi:batch-010: is defined twice in this import (first at \(Self.lateErrors):63)",
        "\(Self.lateErrors):1200:5: gi:batch-199: unknown district 鼓搂区 (did you mean 鼓楼区?)",
      ])
    #expect(!report.committed)
    #expect(snapshot(folder) == before)
  }

  @Test func keepGoingKeepsTheOtherFilesAcrossBatches() throws {
    let folder = temporaryFolder()
    let report = try importInto(
      folder, [Self.lateErrors, Fixtures.samples], options: ImportOptions(keepGoing: true))
    #expect(report.committed)
    #expect(report.refusedFiles.map(\.path) == [Self.lateErrors])
    #expect(report.inserted > 0)
    #expect(throws: CatalogError.self) { try Catalog.open(folder: folder).history(id: "gi:batch-000") }
  }

  @Test func theQueueHandsOverEveryItemInOrderAndEndsWhenClosed() {
    let queue = BoundedQueue<Int>(capacity: 3)
    let count = 1_000
    let producer = Thread {
      for item in 0..<count { _ = queue.put(item) }
      queue.close()
    }
    producer.start()
    var taken: [Int] = []
    while let item = queue.take() { taken.append(item) }
    #expect(taken == Array(0..<count))
    #expect(queue.take() == nil)
  }

  @Test func cancellingLetsAWaitingProducerGoAndRefusesWhatFollows() {
    let queue = BoundedQueue<Int>(capacity: 2)
    #expect(queue.put(1) && queue.put(2))
    let outcome = Outcome()
    let producer = Thread {
      outcome.set(queue.put(3))  // waits: the queue is full
    }
    producer.start()
    queue.cancel()
    #expect(outcome.wait() == false)
    #expect(queue.put(4) == false)
    #expect(queue.take() == nil)
  }

  @Test func stoppingAFeedEarlyEndsItsThread() throws {
    let staging = try Catalog.inMemory().media.stagingArea()
    defer { staging.discard() }
    let catalog = try Catalog.inMemory()
    let schema = try Importer.loadSchema()
    let source = ImportSource(displayPath: Self.many, url: URL(fileURLWithPath: Self.many))
    let feed = RecordFeed(source: source, schema: schema, catalog: catalog, staging: staging)
    guard case .records(let first) = feed.next() else {
      Issue.record("the first item is not a batch of records")
      return
    }
    #expect(first.count == RecordFeed.batchSize)
    #expect(first.first?.id == "gi:batch-000")
    feed.stop()  // returns only once the reading thread has ended
  }

  /// A value set on one thread and awaited on another.
  final class Outcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Bool?

    func set(_ value: Bool) {
      self.value = value
      done.signal()
    }

    func wait() -> Bool? {
      done.wait()
      return value
    }
  }
}
