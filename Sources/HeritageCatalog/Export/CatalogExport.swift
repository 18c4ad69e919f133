public import Foundation

/// What `heritage export` is asked for.
public struct ExportOptions: Sendable {
  /// Which records.
  public var selection: ExportSelection
  /// The bag folder to create, or with `zip` the `.zip` file (`delivery` and `delivery.zip` both
  /// write `delivery.zip`, holding the bag `delivery`; a name ending in `.zip` implies `zip`).
  public var destination: URL
  /// Serialize the bag as one `.zip` instead of a folder.
  public var zip: Bool
  /// The bagging date, `YYYY-MM-DD`; today when `nil`. Fixing it makes exports byte-identical.
  public var date: String?
  /// Split the delivery into bags of at most this many payload bytes (a record larger than that
  /// gets a bag of its own); the bags share a `Bag-Group-Identifier` and carry `Bag-Count`.
  public var maxBagSize: Int64?

  /// Creates options.
  public init(
    selection: ExportSelection, destination: URL, zip: Bool = false, date: String? = nil,
    maxBagSize: Int64? = nil
  ) {
    self.selection = selection
    self.destination = destination
    self.zip = zip
    self.date = date
    self.maxBagSize = maxBagSize
  }
}

/// What an export wrote.
public struct ExportResult: Sendable, Codable {
  /// The bag folder or zip file.
  public var path: String
  /// Records exported.
  public var records: Int
  /// Payload files.
  public var payloadFiles: Int
  /// Payload bytes.
  public var payloadBytes: Int64
}

extension Catalog {
  /// Writes the selected records as one BagIt 1.0 bag (or, with ``ExportOptions/maxBagSize``,
  /// a group of bags): per record its current revision in the native format, its Dublin Core
  /// and its media; one METS document with PREMIS; the indexes `catalog.json`, `catalog.csv` and
  /// `index.html`; SHA-256 and SHA-512 manifests and tag manifests, each file hashed once for
  /// both. The same catalog, selection and date give the same bytes.
  /// - Throws: ``CatalogError`` when the selection is empty or a destination exists.
  public func export(_ options: ExportOptions) throws -> [ExportResult] {
    let records = try select(options.selection)
    guard !records.isEmpty else { throw CatalogError(.invalidArgument, "the selection holds no records") }
    let date = options.date ?? String(Date().ISO8601Format().prefix(10))
    guard date.count == 10, EDTF.isValid(date) else {
      throw CatalogError(.invalidArgument, "the bagging date \(date) is not a date such as 2026-11-25")
    }
    let groups = options.maxBagSize.map { Catalog.packIntoGroups(records, maxBytes: $0) } ?? [records]
    // A destination ending in .zip names the zip file (and asks for one); the bag inside is
    // named without the extension.
    let namesZip = options.destination.pathExtension.lowercased() == "zip"
    let zipped = options.zip || namesZip
    let base = namesZip ? options.destination.deletingPathExtension() : options.destination
    let name = base.lastPathComponent
    let bags = groups.indices.map { index -> URL in
      let folder =
        groups.count == 1
        ? base
        : base.deletingLastPathComponent().appendingPathComponent("\(name)-\(index + 1)-of-\(groups.count)")
      return zipped ? folder.appendingPathExtension("zip") : folder
    }
    for bag in bags where FileManager.default.fileExists(atPath: bag.path) {
      throw CatalogError(.invalidArgument, "\(bag.path) already exists; exports never overwrite")
    }
    let identifier =
      "heritage-export-\(date)-\(String(sha256Hex(options.selection.summary).prefix(8)))"
    return try zip(groups, bags).enumerated().map { index, pair in
      let group = groups.count == 1 ? nil : (index + 1, groups.count)
      return try writeBag(
        pair.0, to: pair.1, zip: zipped, date: date, identifier: identifier, group: group,
        selection: options.selection.summary)
    }
  }

  /// Records in id order, packed greedily into groups of at most `maxBytes` of media (plus a
  /// small allowance per record for its XML).
  static func packIntoGroups(_ records: [Record], maxBytes: Int64) -> [[Record]] {
    var groups: [[Record]] = []
    var current: [Record] = []
    var size: Int64 = 0
    for record in records {
      let estimate = record.media.reduce(Int64(16_384)) { $0 + $1.size }
      if !current.isEmpty && size + estimate > maxBytes {
        groups.append(current)
        current = []
        size = 0
      }
      current.append(record)
      size += estimate
    }
    if !current.isEmpty { groups.append(current) }
    return groups
  }

  private func writeBag(
    _ records: [Record], to final: URL, zip: Bool, date: String, identifier: String, group: (Int, Int)?,
    selection: String
  ) throws -> ExportResult {
    let name = zip ? final.deletingPathExtension().lastPathComponent : final.lastPathComponent
    // The bag is made under names of its own and given its name when it is whole: a folder
    // (which with `zip` holds the small files while the media go into the zip first).
    let staging = final.deletingLastPathComponent().appendingPathComponent(".\(name).partial")
    let partialZip = final.deletingLastPathComponent().appendingPathComponent(".\(name).zip.partial")
    for partial in [staging, partialZip] { try? FileManager.default.removeItem(at: partial) }
    defer { for partial in [staging, partialZip] { try? FileManager.default.removeItem(at: partial) } }
    do {
      try FileManager.default.createDirectory(
        at: staging.appendingPathComponent("data"), withIntermediateDirectories: true)
      let zipFile = zip ? try DeterministicZip(creating: partialZip, name: name, date: date) : nil
      var bag = BagBuilder(root: staging)
      let part = group.map { " bag \($0.0) of \($0.1)," } ?? ""
      let description = "HeritageCatalog export,\(part) \(records.count) records (\(selection))"
      let sha512s = try recordedSHA512s(of: Set(records.flatMap { $0.media.map(\.sha256) }))
      for record in records { try writeRecord(record, sha512s: sha512s, into: &bag) }
      try bag.copyPending(into: zipFile)
      let entries = ExportIndex.entries(records, files: bag.files, gazetteer: gazetteer)
      try bag.add("data/catalog.json", ExportIndex.json(entries), mime: "application/json", use: .index)
      try bag.add("data/catalog.csv", ExportIndex.csv(entries), mime: "text/csv", use: .index)
      try bag.add(
        "data/index.html",
        ExportIndex.html(entries, records: records, files: bag.files, description: description),
        mime: "text/html", use: .index)
      let bagIdentifier = group.map { "\(identifier)-\($0.0)" } ?? identifier
      let mets = METSDocument.document(
        records: records, files: bag.files, revisions: try revisionEvents(of: Set(records.map(\.id))),
        export: METSDocument.Export(
          identifier: bagIdentifier, date: date + "T00:00:00Z", description: description))
      try bag.add("data/mets.xml", Data(mets), mime: "application/xml", use: .mets)
      var info = try bagInfo(bag: bag, date: date, identifier: bagIdentifier, description: description)
      if let group {
        info.append(("Bag-Group-Identifier", identifier))
        info.append(("Bag-Count", "\(group.0) of \(group.1)"))
      }
      try bag.finish(info: info)
      if let zipFile {
        try zipFile.addRemaining(of: staging)
        try FileManager.default.moveItem(at: partialZip, to: final)
      } else {
        try FileManager.default.moveItem(at: staging, to: final)
      }
      return ExportResult(
        path: final.path, records: records.count, payloadFiles: bag.files.count,
        payloadBytes: bag.files.reduce(0) { $0 + $1.size })
    } catch let error as CatalogError {
      throw error
    } catch {
      throw CatalogError(
        .storage, "the export could not be written: \(error.localizedDescription)", underlying: error)
    }
  }

  private func writeRecord(_ record: Record, sha512s: [String: String], into bag: inout BagBuilder) throws {
    let folder = "data/records/\(ExportNames.folder(for: record.id))"
    var mediaPaths: [String: String] = [:]
    for item in record.media where mediaPaths[item.sha256] == nil {
      let name = "media/" + ExportNames.mediaFile(sha256: item.sha256, href: item.href)
      mediaPaths[item.sha256] = name
      try bag.copy(
        media.url(for: item.sha256),
        stored: BagBuilder.StoredDigests(sha256: item.sha256, sha512: sha512s[item.sha256]),
        to: "\(folder)/\(name)", mime: item.type, use: .media,
        record: record.id,
        originalName: item.href)
    }
    try bag.add(
      "\(folder)/record.xml", Data(RecordXML.document(record, gazetteer: gazetteer, mediaPaths: mediaPaths)),
      mime: "application/xml", use: .record, record: record.id)
    try bag.add(
      "\(folder)/dc.xml", Data(DublinCore.document(record, gazetteer: gazetteer)), mime: "application/xml",
      use: .dc, record: record.id)
  }

  private func bagInfo(bag: BagBuilder, date: String, identifier: String, description: String) throws -> [(
    String, String
  )] {
    let settings = try ExportSettings.load(for: self)
    let octets = bag.files.reduce(Int64(0)) { $0 + $1.size }
    var info: [(String, String)] = [("Source-Organization", settings.sourceOrganization ?? "HeritageCatalog")]
    if let name = settings.contactName { info.append(("Contact-Name", name)) }
    if let email = settings.contactEmail { info.append(("Contact-Email", email)) }
    if let phone = settings.contactPhone { info.append(("Contact-Phone", phone)) }
    info += [
      ("External-Description", description),
      ("External-Identifier", identifier),
      ("Bagging-Date", date),
      ("Bag-Software-Agent", "HeritageCatalog"),
      ("Payload-Oxum", "\(octets).\(bag.files.count)"),
      ("Bag-Size", ByteCountFormatter.string(fromByteCount: octets, countStyle: .file)),
    ]
    return info
  }
}
