import GRDB
import Synchronization

extension Catalog {
  /// The SQL statements run while `body` runs, as written: how the store asks
  /// (one transaction per question, which queries) for tests to check. Only a catalog of one
  /// connection (opened for writing, or in memory) is traced; a pool's readers are not.
  func statements(during body: () throws -> Void) throws -> [String] {
    let seen = Mutex<[String]>([])
    try database.writeWithoutTransaction { db in
      db.trace { event in
        if case .statement(let statement) = event { seen.withLock { $0.append(statement.sql) } }
      }
    }
    defer { try? database.writeWithoutTransaction { db in db.trace(options: [], nil) } }
    try body()
    return seen.withLock { $0 }
  }
}
