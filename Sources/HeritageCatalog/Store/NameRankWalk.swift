import GRDB

/// The record ids of the names that start with one of a probe's prefixes, read in rank order
/// (listing level, name length, record id), one per name, for as long as the caller asks.
///
/// When every prefix has at least two characters, each prefix's names are read from
/// `search_name_by_head` (the first two characters, then the rank): only names that start like
/// the prefix are stepped over, where `search_name_by_rank` steps over every name of the tier
/// in rank order (forty for each one that starts with `jasmine` at 100,000 records). Prefixes
/// with different heads are read side by side and merged by rank.
struct NameRankWalk {
  private var cursors: [RowCursor]
  private var current: [Rank?]

  /// A name's place in rank order: listing level, name length, record id.
  struct Rank: Comparable {
    var level: Int
    var length: Int
    var id: String

    static func < (lhs: Rank, rhs: Rank) -> Bool {
      (lhs.level, lhs.length, lhs.id) < (rhs.level, rhs.length, rhs.id)
    }
  }

  /// - Parameters:
  ///   - prefixes: the prefixes, distinct and not empty.
  ///   - byHead: read `search_name_by_head` when every prefix has two characters (`false`
  ///     reads `search_name_by_rank`, as before it existed: for checks).
  ///   - through: the last rank read (``rank(after:head:kind:in:)``); `nil` reads to the end.
  init(prefixes: [String], kind: RecordKind?, byHead: Bool = true, through: Rank? = nil, in db: Database)
    throws
  {
    // The bound is a range of each index's key: entries after it are not stepped over.
    let kindSQL =
      (kind == nil ? "" : " AND kind = ?")
      + (through == nil ? "" : " AND (level_rank, name_length, record_id) <= (?, ?, ?)")
    let kindArgument: [any DatabaseValueConvertible] =
      (kind.map { [$0.rawValue] } ?? []) + (through.map { [$0.level, $0.length, $0.id] } ?? [])
    let heads = prefixes.map(NameRankWalk.head)
    if byHead && !heads.contains(nil) {
      var byHead: [String: [String]] = [:]
      for (prefix, head) in zip(prefixes, heads) { byHead[head!, default: []].append(prefix) }
      cursors = try byHead.keys.sorted().enumerated().map { index, head in
        let group = NameRankWalk.ranges(of: byHead[head]!)
        // Two cursors of one cached statement would be one cursor: the second head's is its own.
        let statement: (String) throws -> Statement =
          index == 0 ? { try db.cachedStatement(sql: $0) } : { try db.makeStatement(sql: $0) }
        return try Row.fetchCursor(
          statement(
            """
            SELECT level_rank, name_length, record_id FROM search_name INDEXED BY search_name_by_head
            WHERE substr(text, 1, 2) = ? AND status = 'active' AND (\(group.sql))\(kindSQL)
            ORDER BY level_rank, name_length, record_id
            """),
          arguments: StatementArguments([head] + group.arguments + kindArgument))
      }
    } else {
      let all = NameRankWalk.ranges(of: prefixes)
      cursors = [
        try Row.fetchCursor(
          db.cachedStatement(
            sql: """
              SELECT level_rank, name_length, record_id FROM search_name INDEXED BY search_name_by_rank
              WHERE status = 'active' AND (\(all.sql))\(kindSQL)
              ORDER BY level_rank, name_length, record_id
              """),
          arguments: StatementArguments(all.arguments + kindArgument))
      ]
    }
    current = []
    for cursor in cursors { current.append(try NameRankWalk.read(cursor)) }
  }

  /// The next name's record id in rank order, `nil` after the last.
  mutating func next() throws -> String? {
    var best: Int?
    for (index, entry) in current.enumerated() {
      guard let entry else { continue }
      if let chosen = best, let other = current[chosen], other <= entry {
        continue
      }
      best = index
    }
    guard let index = best, let entry = current[index] else { return nil }
    current[index] = try NameRankWalk.read(cursors[index])
    return entry.id
  }

  /// The rank of the active name of `head` that comes `offset` names after its first in rank
  /// order, `nil` when `head` has no more names than that: the bound of a walk that may step
  /// over no more than `offset + 1` of them (``init(prefixes:kind:byHead:through:in:)``).
  static func rank(after offset: Int, head: String, kind: RecordKind?, in db: Database) throws -> Rank? {
    let kindSQL = kind == nil ? "" : " AND kind = ?"
    let row = try Row.fetchOne(
      db.cachedStatement(
        sql: """
          SELECT level_rank, name_length, record_id FROM search_name INDEXED BY search_name_by_head
          WHERE substr(text, 1, 2) = ? AND status = 'active'\(kindSQL)
          ORDER BY level_rank, name_length, record_id
          LIMIT 1 OFFSET ?
          """),
      arguments: StatementArguments([head] + (kind.map { [$0.rawValue] } ?? []) + [offset]))
    return row.map { Rank(level: $0[0], length: $0[1], id: $0[2]) }
  }

  /// The condition that `text` starts with one of `prefixes`, one range of the key each, and
  /// its arguments: every text that starts with a prefix sorts between it and it followed by
  /// the last code point.
  static func ranges(of prefixes: [String]) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
    (
      Array(repeating: "(text >= ? AND text < ?)", count: prefixes.count).joined(separator: " OR "),
      prefixes.flatMap { [$0, $0 + "\u{10FFFF}"] }
    )
  }

  /// The first two characters (code points, as SQLite's `substr` counts) of `prefix`, `nil`
  /// when it is shorter.
  static func head(_ prefix: String) -> String? {
    let scalars = prefix.unicodeScalars.prefix(2)
    guard scalars.count == 2 else { return nil }
    var head = String.UnicodeScalarView()
    head.append(contentsOf: scalars)
    return String(head)
  }

  private static func read(_ cursor: RowCursor) throws -> Rank? {
    guard let row = try cursor.next() else { return nil }
    return Rank(level: row[0], length: row[1], id: row[2])
  }
}

extension Catalog {
  /// The record id of every active name that starts with one of `prefixes`, in rank order, one
  /// per name: ``NameRankWalk`` read to its end (for checks of the two ways it reads).
  func namesInRankOrder(prefixes: [String], kind: RecordKind?, byHead: Bool) throws -> [String] {
    try withReadTransaction { db in
      var walk = try NameRankWalk(
        prefixes: Set(prefixes).sorted().filter { !$0.isEmpty }, kind: kind, byHead: byHead, in: db)
      var ids: [String] = []
      while let id = try walk.next() { ids.append(id) }
      return ids
    }
  }
}
