import Foundation

/// A first-in, first-out queue of bounded length from one producing thread to one consuming
/// thread. The producer waits while it is full (so memory stays flat however far the reader
/// runs ahead), the consumer while it is empty; the producer closes it at its end, and the
/// consumer may cancel it, after which every `put` fails at once.
final class BoundedQueue<Item: Sendable>: @unchecked Sendable {
  // Every field is read and written only with `condition` locked.
  private let condition = NSCondition()
  private let capacity: Int
  /// At most `capacity` items, so taking from the front costs little.
  private var items: [Item] = []
  private var closed = false
  private var cancelled = false

  init(capacity: Int) {
    precondition(capacity > 0)
    self.capacity = capacity
  }

  /// Appends `item`, waiting while the queue is full.
  /// - Returns: `false` when the consumer has cancelled (the item is dropped).
  func put(_ item: Item) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= capacity && !cancelled { condition.wait() }
    guard !cancelled else { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// Says that nothing more will be put.
  func close() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
  }

  /// Takes the next item, waiting while the queue is empty and open.
  /// - Returns: `nil` once the queue is closed and drained, or cancelled.
  func take() -> Item? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !closed && !cancelled { condition.wait() }
    guard !cancelled, !items.isEmpty else { return nil }
    let item = items.removeFirst()
    condition.broadcast()
    return item
  }

  /// Stops the queue from the consuming side: a waiting or later `put` returns `false`.
  func cancel() {
    condition.lock()
    cancelled = true
    items.removeAll()
    condition.broadcast()
    condition.unlock()
  }
}
