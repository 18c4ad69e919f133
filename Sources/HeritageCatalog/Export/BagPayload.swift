/// One file of an export's payload, with what METS and the manifests need to know of it.
struct PayloadFile: Sendable {
  /// Path relative to the bag's root, such as `data/records/gi_x/record.xml`.
  var path: String
  /// Its size in bytes.
  var size: Int64
  /// Lowercase hex SHA-256.
  var sha256: String
  /// Lowercase hex SHA-512.
  var sha512: String
  /// Its media type.
  var mimeType: String
  /// What the file is for.
  var use: PayloadUse
  /// The record it belongs to, when it belongs to one.
  var recordID: String?
  /// The name it had before the export (a media file's href).
  var originalName: String?

  /// The path relative to `data/`, as METS and the index refer to it.
  var payloadPath: String { String(path.dropFirst("data/".count)) }
}

/// What a payload file is for; METS groups its files by it (`fileGrp USE`).
enum PayloadUse: String, Sendable, CaseIterable {
  /// A record's current revision in the native format.
  case record
  /// A record's Dublin Core.
  case dc
  /// A media file of a record.
  case media
  /// The catalog-wide indexes (JSON, CSV, HTML).
  case index
  /// The METS document.
  case mets

  /// The uses METS lists in its file section: every one but METS itself, whose own checksum
  /// it cannot hold (the manifests carry it).
  static let listedInMETS = allCases.filter { $0 != .mets }
}
