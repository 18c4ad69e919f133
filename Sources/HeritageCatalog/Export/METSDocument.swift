import HeritageXML

/// Writes the bag's METS document: a `dmdSec` per record pointing at its Dublin Core, an
/// `amdSec` per record with a PREMIS 3 object (with fixity) for each of its files and a PREMIS
/// event for each revision and for the export itself, a `fileSec` with SHA-256 checksums, and a
/// logical `structMap` tying each record to its files. See <https://www.loc.gov/standards/mets/>
/// and <https://www.loc.gov/standards/premis/>.
enum METSDocument {
  static let metsNamespace = "http://www.loc.gov/METS/"
  static let premisNamespace = "http://www.loc.gov/premis/v3"

  struct Export {
    var identifier: String
    var date: String
    var description: String
  }

  static func document(
    records: [Record], files: [PayloadFile], revisions: [String: [RevisionEvent]], export: Export
  ) -> [UInt8] {
    let parts = Sections(records: records, files: files, revisions: revisions, export: export)
    parts.header()
    parts.descriptive()
    parts.administrative()
    parts.fileSection()
    parts.structMap()
    parts.writer.end()
    return parts.writer.finish()
  }

  /// The document's sections, each written by its own method into one writer.
  private struct Sections {
    let writer = XMLDocumentWriter()
    let records: [Record]
    let files: [PayloadFile]
    let revisions: [String: [RevisionEvent]]
    let export: Export
    /// Each record's files.
    let byRecord: [String: [PayloadFile]]

    init(records: [Record], files: [PayloadFile], revisions: [String: [RevisionEvent]], export: Export) {
      self.records = records
      self.files = files
      self.revisions = revisions
      self.export = export
      byRecord = Dictionary(grouping: files.filter { $0.recordID != nil }, by: { $0.recordID! })
    }

    /// The root element and `metsHdr`.
    func header() {
      writer.start("mets:mets")
      writer.namespace(prefix: "mets", uri: METSDocument.metsNamespace)
      writer.namespace(prefix: "xlink", uri: "http://www.w3.org/1999/xlink")
      writer.namespace(prefix: "premis", uri: METSDocument.premisNamespace)
      writer.namespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
      writer.attribute(
        "xsi:schemaLocation",
        "\(METSDocument.metsNamespace) http://www.loc.gov/standards/mets/mets.xsd \(METSDocument.premisNamespace) http://www.loc.gov/standards/premis/v3/premis.xsd"
      )
      writer.attribute("OBJID", export.identifier)
      writer.attribute("LABEL", export.description)
      writer.attribute("TYPE", "heritage-catalog-export")

      writer.start("mets:metsHdr")
      writer.attribute("CREATEDATE", export.date)
      writer.start("mets:agent")
      writer.attribute("ROLE", "CREATOR")
      writer.attribute("TYPE", "OTHER")
      writer.attribute("OTHERTYPE", "SOFTWARE")
      writer.element("mets:name", text: "HeritageCatalog")
      writer.end()
      writer.end()
    }

    /// A `dmdSec` per record, pointing at its Dublin Core.
    func descriptive() {
      for (index, record) in records.enumerated() {
        guard let dc = byRecord[record.id]?.first(where: { $0.use == .dc }) else { continue }
        writer.start("mets:dmdSec")
        writer.attribute("ID", "dmd-\(index + 1)")
        writer.element(
          "mets:mdRef",
          attributes: [
            ("LOCTYPE", "URL"), ("xlink:href", dc.payloadPath), ("MDTYPE", "DC"), ("MIMETYPE", "text/xml"),
            ("CHECKSUM", dc.sha256), ("CHECKSUMTYPE", "SHA-256"),
          ])
        writer.end()
      }
    }

    /// An `amdSec` per record: PREMIS objects for its files, events for its revisions and the
    /// export.
    func administrative() {
      for (index, record) in records.enumerated() {
        let recordFiles = byRecord[record.id] ?? []
        writer.start("mets:amdSec")
        writer.attribute("ID", "amd-\(index + 1)")
        for (fileIndex, file) in recordFiles.enumerated() {
          METSDocument.wrap(
            writer, section: "mets:techMD", id: "tech-\(index + 1)-\(fileIndex + 1)", type: "PREMIS:OBJECT"
          ) {
            METSDocument.premisObject(writer, file)
          }
        }
        let recordPath = recordFiles.first { $0.use == .record }?.payloadPath ?? record.id
        for event in revisions[record.id] ?? [] {
          METSDocument.wrap(
            writer, section: "mets:digiprovMD", id: "event-\(index + 1)-\(event.number)", type: "PREMIS:EVENT"
          ) {
            let what = event.number == 1 ? "ingestion" : "modification"
            let source =
              event.command == .import
              ? "revision \(event.number) imported from \(event.sourceFile):\(event.sourceLine)"
              : "revision \(event.number) made by \(event.sourceFile)"
            METSDocument.premisEvent(
              writer, id: "\(record.id)/revision-\(event.number)", type: what, date: event.createdAt,
              detail: source + " (import \(event.importID)" + (event.by.map { ", by \($0))" } ?? ")"),
              object: recordPath)
          }
        }
        METSDocument.wrap(writer, section: "mets:digiprovMD", id: "export-\(index + 1)", type: "PREMIS:EVENT")
        {
          METSDocument.premisEvent(
            writer, id: "\(export.identifier)/\(record.id)", type: "packing", date: export.date,
            detail: "exported in bag \(export.identifier) (\(export.description))", object: recordPath)
        }
        writer.end()
      }
    }

    /// The `fileSec`, grouped by use.
    func fileSection() {
      writer.start("mets:fileSec")
      for use in PayloadUse.listedInMETS {
        let group = files.filter { $0.use == use }
        guard !group.isEmpty else { continue }
        writer.start("mets:fileGrp")
        writer.attribute("USE", use.rawValue)
        for file in group {
          writer.start("mets:file")
          writer.attribute("ID", METSDocument.fileID(file, in: files))
          writer.attribute("MIMETYPE", file.mimeType)
          writer.attribute("SIZE", "\(file.size)")
          writer.attribute("CHECKSUM", file.sha256)
          writer.attribute("CHECKSUMTYPE", "SHA-256")
          if let recordIndex = records.firstIndex(where: { $0.id == file.recordID }),
            let fileIndex = byRecord[file.recordID!]?.firstIndex(where: { $0.path == file.path })
          {
            writer.attribute("ADMID", "tech-\(recordIndex + 1)-\(fileIndex + 1)")
          }
          writer.element("mets:FLocat", attributes: [("LOCTYPE", "URL"), ("xlink:href", file.payloadPath)])
          writer.end()
        }
        writer.end()
      }
      writer.end()
    }

    /// The logical `structMap`: each record with its files.
    func structMap() {
      writer.start("mets:structMap")
      writer.attribute("TYPE", "logical")
      writer.start("mets:div")
      writer.attribute("TYPE", "catalog")
      writer.attribute("LABEL", export.description)
      for (index, record) in records.enumerated() {
        writer.start("mets:div")
        writer.attribute("TYPE", record.kind.rawValue)
        writer.attribute("LABEL", "\(record.id) \(record.primaryName)")
        if byRecord[record.id]?.contains(where: { $0.use == .dc }) == true {
          writer.attribute("DMDID", "dmd-\(index + 1)")
        }
        writer.attribute("ADMID", "amd-\(index + 1)")
        for file in byRecord[record.id] ?? [] {
          writer.element("mets:fptr", attributes: [("FILEID", METSDocument.fileID(file, in: files))])
        }
        writer.end()
      }
      writer.end()
      writer.end()
    }
  }

  private static func fileID(_ file: PayloadFile, in files: [PayloadFile]) -> String {
    "file-\((files.firstIndex { $0.path == file.path } ?? 0) + 1)"
  }

  private static func wrap(
    _ writer: XMLDocumentWriter, section: String, id: String, type: String, body: () -> Void
  ) {
    writer.start(section)
    writer.attribute("ID", id)
    writer.start("mets:mdWrap")
    writer.attribute("MDTYPE", type)
    writer.start("mets:xmlData")
    body()
    writer.end()
    writer.end()
    writer.end()
  }

  private static func premisObject(_ writer: XMLDocumentWriter, _ file: PayloadFile) {
    writer.start("premis:object")
    writer.attribute("xsi:type", "premis:file")
    writer.start("premis:objectIdentifier")
    writer.element("premis:objectIdentifierType", text: "local")
    writer.element("premis:objectIdentifierValue", text: file.payloadPath)
    writer.end()
    writer.start("premis:objectCharacteristics")
    writer.element("premis:compositionLevel", text: "0")
    for (algorithm, digest) in [("SHA-256", file.sha256), ("SHA-512", file.sha512)] {
      writer.start("premis:fixity")
      writer.element("premis:messageDigestAlgorithm", text: algorithm)
      writer.element("premis:messageDigest", text: digest)
      writer.end()
    }
    writer.element("premis:size", text: "\(file.size)")
    writer.start("premis:format")
    writer.start("premis:formatDesignation")
    writer.element("premis:formatName", text: file.mimeType)
    writer.end()
    writer.end()
    writer.end()
    if let original = file.originalName { writer.element("premis:originalName", text: original) }
    writer.end()
  }

  private static func premisEvent(
    _ writer: XMLDocumentWriter, id: String, type: String, date: String, detail: String, object: String
  ) {
    writer.start("premis:event")
    writer.start("premis:eventIdentifier")
    writer.element("premis:eventIdentifierType", text: "local")
    writer.element("premis:eventIdentifierValue", text: id)
    writer.end()
    writer.element("premis:eventType", text: type)
    writer.element("premis:eventDateTime", text: date)
    writer.start("premis:eventDetailInformation")
    writer.element("premis:eventDetail", text: detail)
    writer.end()
    writer.start("premis:linkingObjectIdentifier")
    writer.element("premis:linkingObjectIdentifierType", text: "local")
    writer.element("premis:linkingObjectIdentifierValue", text: object)
    writer.end()
    writer.end()
  }
}
