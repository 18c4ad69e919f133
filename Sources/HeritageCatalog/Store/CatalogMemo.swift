import GRDB
import Synchronization

/// Values computed from many records (the station directory), kept in memory until the catalog
/// changes. Every change the catalog records (an import, a link, an unlink) adds an
/// `import_run` row, so the highest run id is the version a value was computed at. A long-lived
/// reader (the server) answers from memory; the next request after an import recomputes.
final class CatalogMemo: Sendable {
  private let values = Mutex<[String: (version: Int64, value: any Sendable)]>([:])

  func value<Value: Sendable>(_ key: String, version: Int64, compute: () throws -> Value) rethrows -> Value {
    if let kept = values.withLock({ $0[key] }), kept.version == version, let value = kept.value as? Value {
      return value
    }
    let value = try compute()
    values.withLock { $0[key] = (version, value) }
    return value
  }
}

extension Catalog {
  /// `compute()`'s value, computed again only when the catalog has changed since it was kept.
  /// The version is read before the value, so a value read from a newer state is kept under an
  /// older version and recomputed at the next call, never the other way round.
  func memoized<Value: Sendable>(_ key: String, compute: () throws -> Value) throws -> Value {
    let version = try withReadTransaction(Catalog.version(in:))
    return try memo.value(key, version: version, compute: compute)
  }

  /// `compute(db)`'s value within the read transaction `db`, computed again only when the
  /// catalog has changed: the version and the value are read from the same state.
  func memoized<Value: Sendable>(
    _ key: String, in db: Database, compute: (Database) throws -> Value
  ) throws -> Value {
    try memo.value(key, version: try Catalog.version(in: db)) { try compute(db) }
  }

  private static func version(in db: Database) throws -> Int64 {
    try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM import_run")) ?? 0
  }
}
