import Foundation

/// The importer's checks of one record beyond the schema: what must be present, what must be
/// known (districts), what must be well-formed (EDTF dates) and the media it names.
struct RecordChecks {
  let file: String
  let gazetteer: Gazetteer
  let media: MediaIntake

  /// The record the draft describes (or the errors that refuse it), and where each of its
  /// media files is, by SHA-256, for the media store to copy.
  func check(_ draft: RecordDraft) -> (record: Record?, errors: [ImportError], mediaFiles: [String: URL]) {
    var errors: [ImportError] = []
    func fail(_ message: Message, at position: SourcePosition? = nil) {
      let place = position ?? draft.position
      errors.append(
        ImportError(file: file, line: place.line, column: place.column, recordID: draft.id, message: message))
    }

    if !draft.names.contains(where: \.isChinese) {
      fail("has no Chinese name: add <name xml:lang=\"zh\"> (or zh-Hans, zh-Hant)")
    }

    var districts: [String] = []
    for district in draft.districts {
      if let known = gazetteer.district(named: district.value) {
        if !districts.contains(known.code) { districts.append(known.code) }
      } else {
        fail(gazetteer.unknownDistrictMessage(district.value), at: district.position)
      }
    }

    for extra in draft.locations.dropFirst() {
      fail("has more than one <location>; a record has one point", at: extra.position)
    }

    let (mediaReferences, mediaFiles) = checkMedia(of: draft, fail: fail)

    for link in draft.related where link.value.ref == draft.id {
      fail("is related to itself", at: link.position)
    }

    var record = Record(
      id: draft.id, kind: draft.kind, status: draft.status, names: draft.names,
      altNames: draft.altNames, summaries: draft.summaries, keywords: draft.keywords,
      districts: districts, location: draft.locations.first?.value, media: mediaReferences,
      related: draft.related.map(\.value))

    switch draft.kind {
    case .giProduct:
      record.giProduct = giDetails(draft, fail: fail)
    case .heritageItem:
      record.heritageItem = heritageDetails(draft, fail: fail)
    case .station:
      record.station = stationDetails(draft, fail: fail)
    }
    return (errors.isEmpty ? record : nil, errors, mediaFiles)
  }

  private func giDetails(_ draft: RecordDraft, fail: (Message, SourcePosition?) -> Void) -> GIProductDetails {
    if draft.giCategory.isEmpty {
      fail("has no <category>; a GI product needs one, such as 茶叶", nil)
    }
    for protection in draft.protections {
      if let date = protection.value.date, !EDTF.isValid(date) {
        fail(
          "protection date \(date) is not a valid EDTF date (such as 2009, 2009-08 or 2009-08-15)",
          protection.position)
      }
    }
    return GIProductDetails(
      category: draft.giCategory, protectedAreas: draft.protectedAreas, applicants: draft.applicants,
      protections: draft.protections.map(\.value))
  }

  /// The draft's media as references, each file resolved, staged and its SHA-256 checked
  /// against the one the record gives; and the staged files by SHA-256.
  private func checkMedia(
    of draft: RecordDraft, fail: (Message, SourcePosition?) -> Void
  ) -> ([MediaReference], [String: URL]) {
    var mediaReferences: [MediaReference] = []
    var mediaFiles: [String: URL] = [:]
    for item in draft.media {
      switch media.resolve(item.value.href) {
      case .failure(let refusal):
        fail(refusal.message, item.position)
      case .success(let resolved):
        mediaFiles[resolved.sha256] = resolved.url
        if let expected = item.value.sha256, expected != resolved.sha256 {
          fail(
            "media file \(item.value.href) does not match its sha256: the record says \(expected), the file is \(resolved.sha256)",
            item.position)
        }
        mediaReferences.append(
          MediaReference(
            href: item.value.href, type: item.value.type, title: item.value.title,
            sha256: resolved.sha256, size: resolved.size))
      }
    }
    return (mediaReferences, mediaFiles)
  }

  private func heritageDetails(
    _ draft: RecordDraft, fail: (Message, SourcePosition?) -> Void
  ) -> HeritageItemDetails? {
    for extra in draft.ichCategories.dropFirst() {
      fail("has more than one <category>; an ICH item belongs to one national category", extra.position)
    }
    for period in draft.periods where !EDTF.isValid(period.value.edtf) {
      fail("period \(period.value.edtf) is not a valid EDTF value (such as 1368/1644)", period.position)
    }
    guard let first = draft.ichCategories.first else {
      fail("has no <category code>; an ICH item needs its national category, I to X", nil)
      return nil
    }
    guard var category = ICHCategory(code: first.value.code) else {
      fail("category code \(first.value.code) is not a national ICH category (I to X)", first.position)
      return nil
    }
    let label = first.value.text.trimmingWhitespace()
    if let named = ICHCategory.category(namedBy: label), named.code != category.code {
      let current = CategoryLabel.key(label) == CategoryLabel.key(named.name) ? "" : " (\(named.name))"
      fail(
        "category \(category.code) is \(category.name), but \(label) is category \(named.code)\(current)",
        first.position)
    } else if !label.isEmpty && CategoryLabel.key(label) != CategoryLabel.key(category.name) {
      category.label = label
    }
    return HeritageItemDetails(
      category: category, listings: draft.listings.map(\.value), protectionUnits: draft.protectionUnits,
      inheritors: draft.inheritors, periods: draft.periods.map(\.value))
  }

  private func stationDetails(_ draft: RecordDraft, fail: (Message, SourcePosition?) -> Void)
    -> StationDetails?
  {
    if draft.districts.isEmpty {
      fail("has no <district>; a station must name the division it is in", nil)
    }
    for extra in draft.contacts.dropFirst() {
      fail("has more than one <contact>", extra.position)
    }
    guard let type = draft.stationType else { return nil }
    return StationDetails(
      type: type, featured: draft.featured, addresses: draft.addresses, contact: draft.contacts.first?.value,
      serves: draft.serves.map(\.value))
  }
}
