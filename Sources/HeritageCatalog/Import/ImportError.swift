/// One problem with imported input, named by file, line, column and record id.
///
/// Its description reads `imports/teas.xml:14:7: gi:fuzhou-jasmine-tea: unknown district 鼓搂区
/// (did you mean 鼓楼区?)`; parts that are unknown are left out.
public struct ImportError: Error, CustomStringConvertible, Sendable, Hashable, Codable {
  /// The file as the user named it (or as found under a folder the user named).
  public var file: String
  /// 1-based line, 0 when the problem is about the whole file.
  public var line: Int
  /// 1-based column, 0 when unknown.
  public var column: Int
  /// The record the problem is in, when known.
  public var recordID: String?
  /// What is wrong, in the language people read.
  public var message: Message

  /// Creates an import error.
  public init(file: String, line: Int = 0, column: Int = 0, recordID: String? = nil, message: Message) {
    self.file = file
    self.line = line
    self.column = column
    self.recordID = recordID
    self.message = message
  }

  public var description: String { text(.en) }

  /// The error in `language`: the `file:line:col: id:` prefix stays as it is (scripts read it);
  /// only the message is translated.
  public func text(_ language: Language) -> String {
    var place = file
    if line > 0 { place += ":\(line)" }
    if line > 0 && column > 0 { place += ":\(column)" }
    if let recordID { return "\(place): \(recordID): \(message.text(language))" }
    return "\(place): \(message.text(language))"
  }
}

/// A place in a source file.
struct SourcePosition: Hashable, Sendable {
  var line: Int
  var column: Int
}

extension ImportError {
  /// The error for a reference that leads to no record, or to a station.
  init(_ reference: DanglingReference) {
    let message: Message =
      reference.targetKind == nil
      ? "\(reference.relation) \(reference.targetID): no such record in the catalog or in this import"
      : "\(reference.relation) \(reference.targetID): that is a station; \(reference.relation) links go to GI products and ICH items"
    self.init(
      file: reference.file, line: reference.line, column: reference.column, recordID: reference.sourceID,
      message: message)
  }
}
