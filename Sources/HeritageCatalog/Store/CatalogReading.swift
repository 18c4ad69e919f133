import GRDB

extension Catalog {
  /// Runs `body` in a read transaction: the one the caller is already in when there is one,
  /// else a new one. Every read of the store goes through here, so a question made of several
  /// queries (a search, a record with its stations) reads one state of the catalog and begins
  /// one transaction when its outermost step calls ``withReadTransaction(_:)`` (or the public
  /// ``readingOneState(_:)``), however many steps read inside it.
  func withReadTransaction<Value>(_ body: (Database) throws -> Value) throws -> Value {
    // GRDB hands a nested call the connection of the read it is inside (same thread).
    try database.unsafeReentrantRead { db in
      if db.isInsideTransaction { return try body(db) }
      var value: Value?
      try db.inTransaction(.deferred) {
        value = try body(db)
        return .commit
      }
      return value!
    }
  }

  /// Runs `body`, whose calls to this catalog then all read one state of it, in one read
  /// transaction: an import that commits meanwhile is seen by none of them or by all.
  ///
  /// ```swift
  /// let (details, stats) = try catalog.readingOneState {
  ///   (try catalog.details(id: "ich:min-opera"), try catalog.stats())
  /// }
  /// ```
  public func readingOneState<Value>(_ body: () throws -> Value) throws -> Value {
    try withReadTransaction { _ in try body() }
  }
}
