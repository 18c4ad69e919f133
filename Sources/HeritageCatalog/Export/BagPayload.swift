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
  /// `record`, `dc`, `media` or `index`.
  var use: String
  /// The record it belongs to, when it belongs to one.
  var recordID: String?
  /// The name it had before the export (a media file's href).
  var originalName: String?

  /// The path relative to `data/`, as METS and the index refer to it.
  var payloadPath: String { String(path.dropFirst("data/".count)) }
}
