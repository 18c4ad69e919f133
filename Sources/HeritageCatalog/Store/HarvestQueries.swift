import Foundation
import GRDB

/// Which records a harvest asks for: a kind, a district, and a datestamp range (both ends
/// inclusive, as `YYYY-MM-DDThh:mm:ssZ`).
public struct HarvestSelection: Sendable, Hashable, Codable {
  /// Only records of this kind.
  public var kind: RecordKind?
  /// Only records in this district (a gazetteer code).
  public var district: String?
  /// Only records whose datestamp is at or after this one.
  public var from: String?
  /// Only records whose datestamp is at or before this one.
  public var until: String?

  /// Creates a selection; every part is optional.
  public init(kind: RecordKind? = nil, district: String? = nil, from: String? = nil, until: String? = nil) {
    self.kind = kind
    self.district = district
    self.from = from
    self.until = until
  }
}

/// Where a harvest page ends: the datestamp and id of its last record. The next page starts
/// after it, so records changed meanwhile move to the end instead of shifting the pages.
public struct HarvestKey: Sendable, Hashable, Codable {
  /// The last record's datestamp.
  public var datestamp: String
  /// The last record's id.
  public var id: String

  /// Creates a key.
  public init(datestamp: String, id: String) {
    self.datestamp = datestamp
    self.id = id
  }
}

/// One record as a harvest sees it: its header, and its current revision when asked for.
public struct HarvestEntry: Sendable {
  /// The record's id.
  public var id: String
  /// The record's kind.
  public var kind: RecordKind
  /// Active or withdrawn (a withdrawn record stays in the harvest, marked deleted).
  public var status: RecordStatus
  /// When its current revision was made, `YYYY-MM-DDThh:mm:ssZ`.
  public var datestamp: String
  /// The codes of the districts it is in.
  public var districts: [String]
  /// The current revision, when the caller asked for records and not only headers (and,
  /// when it asked for a stored form, only if the record has no current one).
  public var record: Record?
  /// The stored form the caller asked for, when the record has a current one: what
  /// `DublinCore.elements` or `RecordXML.element` make of its current revision.
  var storedForm: [UInt8]?
}

/// A page of a harvest and the size of the whole list, read in one transaction.
public struct HarvestPage: Sendable {
  /// The entries, by datestamp then id.
  public var entries: [HarvestEntry]
  /// How many records the whole selection holds.
  public var total: Int
}

extension Catalog {
  /// Up to `limit` records of `selection` after `key`, oldest datestamp first (ties by id).
  /// A reader sees either all of an import or none of it.
  ///
  /// With `storedForm`, each record comes with that stored form when it is current, and its
  /// revision is read and decoded only when it is not.
  public func harvest(
    _ selection: HarvestSelection, after key: HarvestKey?, limit: Int, withRecords: Bool,
    storedForm: StoredForm? = nil
  ) throws -> HarvestPage {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let kind = selection.kind {
      conditions.append("r.kind = ?")
      arguments.append(kind.rawValue)
    }
    if let district = selection.district {
      conditions.append(
        "EXISTS (SELECT 1 FROM record_facet f WHERE f.record_id = r.id AND f.facet = 'district' AND f.value = ?)"
      )
      arguments.append(district)
    }
    if let from = selection.from {
      conditions.append("r.updated_at >= ?")
      arguments.append(from)
    }
    if let until = selection.until {
      conditions.append("r.updated_at <= ?")
      arguments.append(until)
    }
    let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    var pageConditions = conditions
    var pageArguments = arguments
    if let key {
      pageConditions.append("(r.updated_at, r.id) > (?, ?)")
      pageArguments += [key.datestamp, key.id]
    }
    let pageFilter = pageConditions.isEmpty ? "" : "WHERE " + pageConditions.joined(separator: " AND ")
    return try withReadTransaction { db in
      func count(_ db: Database) throws -> Int {
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT count(*) FROM record r \(filter)"),
          arguments: StatementArguments(arguments))
          ?? 0
      }
      // Counting a whole set reads every record (30 ms a page at a million): kept until the
      // catalog changes. A datestamp range counts from its index, and its values vary
      // without end, so it is counted each time.
      let total =
        selection.from == nil && selection.until == nil
        ? try memoized(
          "harvest-count:\(selection.kind?.rawValue ?? "")/\(selection.district ?? "")", in: db,
          compute: count)
        : try count(db)
      let (sql, formArguments) = harvestSQL(withRecords: withRecords, storedForm: storedForm)
      // Each row is read where the cursor stands, not copied first.
      let rows = try Row.fetchCursor(
        db.cachedStatement(sql: sql + " \(pageFilter) ORDER BY r.updated_at, r.id LIMIT ?"),
        arguments: StatementArguments(formArguments + pageArguments + [limit]))
      let decoder = JSONDecoder()
      var entries: [HarvestEntry] = []
      while let row = try rows.next() { entries.append(try Catalog.harvestEntry(row, decoder: decoder)) }
      return HarvestPage(entries: entries, total: total)
    }
  }

  /// One record as a harvest sees it, or `nil` when the catalog has no such record;
  /// `storedForm` as in ``harvest(_:after:limit:withRecords:storedForm:)``.
  public func harvestEntry(id: String, withRecord: Bool, storedForm: StoredForm? = nil) throws
    -> HarvestEntry?
  {
    let (sql, formArguments) = harvestSQL(withRecords: withRecord, storedForm: storedForm)
    return try withReadTransaction { db in
      try Row.fetchOne(db, sql: sql + " WHERE r.id = ?", arguments: StatementArguments(formArguments + [id]))
        .map { try Catalog.harvestEntry($0, decoder: JSONDecoder()) }
    }
  }

  /// The oldest datestamp of any record, withdrawn ones included; `nil` for an empty catalog.
  public func earliestDatestamp() throws -> String? {
    try withReadTransaction { db in try String.fetchOne(db, sql: "SELECT min(updated_at) FROM record") }
  }

  /// The columns of a harvest entry (id, kind, status, datestamp, districts), then the current
  /// revision's body when `withRecords`; with `storedForm`, that stored form and the body
  /// only when the form is not current. Returns the query up to its `WHERE`
  /// and the arguments it takes before the caller's.
  private func harvestSQL(
    withRecords: Bool, storedForm: StoredForm?
  ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
    let districts = "SELECT r.id, r.kind, r.status, r.updated_at, r.district_codes AS districts"
    guard withRecords else { return (districts + " FROM record r", []) }
    guard let storedForm else {
      return (
        districts
          + ", v.body FROM record r JOIN revision v ON v.record_id = r.id AND v.number = r.current_revision",
        []
      )
    }
    let column =
      switch storedForm {
      case .dublinCore: "d.elements"
      case .recordXML: "d.record_xml"
      }
    return (
      districts + """
        , \(column) AS form,
               CASE WHEN \(column) IS NULL THEN (
                 SELECT v.body FROM revision v WHERE v.record_id = r.id AND v.number = r.current_revision)
               END AS body
        FROM record r
        LEFT JOIN dc_form d ON d.record_id = r.id AND d.revision = r.current_revision AND d.form_key = ?
        """,
      [StoredForms.key(gazetteer: gazetteer)]
    )
  }

  /// The entry of a row of ``harvestSQL(withRecords:storedForm:)``, read by column
  /// position (a name is looked up case-insensitively, which lowercases it on every read).
  private static func harvestEntry(_ row: Row, decoder: JSONDecoder) throws -> HarvestEntry {
    // The stored form is copied once, from SQLite's buffer into the entry's bytes.
    let (body, form): (String?, [UInt8]?) =
      switch row.count {
      case 7: (row[6], try row.withUnsafeData(atIndex: 5) { $0.map { [UInt8]($0) } })
      case 6: (row[5], nil)
      default: (nil, nil)
      }
    return HarvestEntry(
      id: row[0], kind: RecordKind(rawValue: row[1]) ?? .giProduct,
      status: RecordStatus(rawValue: row[2]) ?? .active, datestamp: row[3],
      districts: storedLines(row[4], separator: UInt8(ascii: " ")).sorted(),
      record: try body.map { try decoder.decode(Record.self, from: Data($0.utf8)) },
      storedForm: form)
  }
}

/// A record as a list of recent changes shows it.
public struct ChangedRecord: Sendable, Hashable, Codable {
  /// The record's id.
  public var id: String
  /// Its kind.
  public var kind: RecordKind
  /// Its primary (Chinese) name.
  public var name: String
  /// Active or withdrawn.
  public var status: RecordStatus
  /// When its current revision was made.
  public var datestamp: String
}

extension Catalog {
  /// The `limit` records changed last, newest first.
  public func latestChanges(limit: Int) throws -> [ChangedRecord] {
    try withReadTransaction { db in
      try Row.fetchAll(
        db, sql: "SELECT id, kind, name, status, updated_at FROM record ORDER BY updated_at DESC, id LIMIT ?",
        arguments: [limit]
      ).map { row in
        ChangedRecord(
          id: row["id"], kind: RecordKind(rawValue: row["kind"]) ?? .giProduct, name: row["name"],
          status: RecordStatus(rawValue: row["status"]) ?? .active, datestamp: row["updated_at"])
      }
    }
  }
}
