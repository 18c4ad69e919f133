import Foundation
import TestSupport
import Testing

@testable import HeritageCatalog

/// The canonical JSON of a revision is byte for byte what Foundation's `JSONEncoder` writes with
/// sorted keys and unescaped slashes (what earlier versions stored: an unchanged record must
/// give the same bytes and the same digest), for every record of the sample catalog and for
/// text and numbers that need care.
@Suite(.removesTemporaryFolders) struct CanonicalJSONTests {
  static let foundation: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  static func foundationJSON(_ record: Record) throws -> String {
    String(decoding: try foundation.encode(record), as: UTF8.self)
  }

  /// Every record of the sample catalog, and records that fill every field.
  static func sampleRecords() throws -> [Record] {
    let folder = temporaryFolder()
    let report = try importInto(folder, [Fixtures.samples, Fixtures.path("json/every-field.xml")])
    #expect(report.errors.isEmpty)
    let catalog = try Catalog.open(folder: folder)
    return try RecordKind.allCases.flatMap { try catalog.currentRecords(kind: $0) }
  }

  @Test func everySampleRecordIsWrittenAsFoundationWritesIt() throws {
    let records = try Self.sampleRecords()
    #expect(records.count > 20)
    for record in records {
      #expect(try CanonicalJSON.encode(record) == Self.foundationJSON(record), "\(record.id)")
    }
  }

  /// The samples fill every optional field and every list of every part of a record, so that
  /// a field added later is compared above as soon as it exists.
  @Test func theSamplesFillEveryFieldOfARecord() throws {
    var filled: Set<String> = []
    var all: Set<String> = []
    func visit(_ value: Any, type: String) {
      for child in Mirror(reflecting: value).children {
        guard let label = child.label else { continue }
        let path = "\(type).\(label)"
        all.insert(path)
        let inner = Mirror(reflecting: child.value)
        switch inner.displayStyle {
        case .optional:
          if let wrapped = inner.children.first?.value {
            filled.insert(path)
            visitComposite(wrapped)
          }
        case .collection:
          if !inner.children.isEmpty { filled.insert(path) }
          for element in inner.children { visitComposite(element.value) }
        default:
          filled.insert(path)
          visitComposite(child.value)
        }
      }
    }
    func visitComposite(_ value: Any) {
      if Mirror(reflecting: value).displayStyle == .struct { visit(value, type: "\(type(of: value))") }
    }
    for record in try Self.sampleRecords() { visit(record, type: "Record") }
    #expect(all.subtracting(filled).sorted() == [])
  }

  @Test func textAndNumbersThatNeedCareAreWrittenAsFoundationWritesThem() throws {
    let awkward = [
      "quote \" backslash \\ slash / tab \t newline \n return \r",
      "bell \u{07} backspace \u{08} form feed \u{0C} unit separator \u{1F} delete \u{7F}",
      "福州「茉莉」花茶 “引号” ‘单引号’ 😀 e\u{301}",
      "",
    ]
    let points = [(25.0, 119.0), (25.123456789012, -119.5), (0.000001, 1e-7), (-0.0, 180)]
    for (index, text) in awkward.enumerated() {
      let (lat, lon) = points[index]
      let record = Record(
        id: "gi:awkward-\(index)", kind: .giProduct, status: .active,
        names: [LocalizedText(lang: "zh", text: text), LocalizedText(lang: nil, text: text)],
        summaries: [LocalizedText(lang: "en", text: text)], location: GeoPoint(lat: lat, lon: lon),
        related: [RelatedLink(ref: "ich:\(text)", type: nil)])
      #expect(try CanonicalJSON.encode(record) == Self.foundationJSON(record), "\(text.debugDescription)")
    }
  }

  @Test func numbersThatJSONCannotHoldAreRefused() {
    let record = Record(
      id: "gi:nowhere", kind: .giProduct, status: .active, names: [LocalizedText(lang: "zh", text: "无处")],
      location: GeoPoint(lat: .nan, lon: .infinity))
    #expect(throws: EncodingError.self) { try CanonicalJSON.encode(record) }
  }
}
