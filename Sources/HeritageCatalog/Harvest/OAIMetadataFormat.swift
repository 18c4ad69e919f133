/// The metadata formats every record is disseminated in.
enum OAIMetadataFormat: String, CaseIterable, Sendable {
  /// Simple Dublin Core, the format every OAI-PMH repository must offer.
  case dublinCore = "oai_dc"
  /// Heritage Records XML, version 1: the whole record, as the importer reads it.
  case heritage

  /// The namespace of the format's root element.
  var namespace: String {
    switch self {
    case .dublinCore: DublinCore.oaiNamespace
    case .heritage: Record.xmlNamespace
    }
  }

  /// Where the format's schema is: the OAI's own for `oai_dc`, this server's for the native one.
  func schema(_ links: OAIProvider.Links) -> String {
    switch self {
    case .dublinCore: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    case .heritage: links.recordsSchema
    }
  }

  /// The form the catalog keeps of each record in this format.
  var storedForm: StoredForm {
    switch self {
    case .dublinCore: .dublinCore
    case .heritage: .recordXML
    }
  }

  /// The format named by `prefix`.
  /// - Throws: ``OAIError`` `.cannotDisseminateFormat` naming the formats there are.
  static func named(_ prefix: String) throws -> OAIMetadataFormat {
    guard let format = OAIMetadataFormat(rawValue: prefix) else {
      let all = allCases.map(\.rawValue).joined(separator: ", ")
      throw OAIError(.cannotDisseminateFormat, "no metadata format “\(prefix)”; the formats are \(all)")
    }
    return format
  }
}
