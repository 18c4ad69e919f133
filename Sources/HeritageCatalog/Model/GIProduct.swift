/// What a GI product record holds besides the common fields.
public struct GIProductDetails: Codable, Hashable, Sendable {
  /// Product category in one or more languages, such as 茶叶 and tea.
  public var category: [LocalizedText] = []
  /// The protected production area as text.
  public var protectedAreas: [LocalizedText] = []
  /// The applicant or holder.
  public var applicants: [LocalizedText] = []
  /// Protection instruments, kept apart from the product itself.
  public var protections: [Protection] = []
}

/// The kinds of protection instrument a GI product can hold.
public enum ProtectionKind: String, Codable, Sendable, CaseIterable {
  case protectedProduct = "protected-product"
  case certificationMark = "certification-mark"
  case collectiveMark = "collective-mark"
  case agriculturalGI = "agricultural-gi"
  case internationalAgreement = "international-agreement"
  /// FAO Globally Important Agricultural Heritage System.
  case giahs
  case other
}

/// One protection instrument of a GI product: a registration, a mark, an agreement listing.
public struct Protection: Codable, Hashable, Sendable {
  /// The kind of instrument.
  public var kind: ProtectionKind
  /// Who granted it, such as 国家质检总局.
  public var authority: String?
  /// Announcement or registration number, only where a source gives one.
  public var number: String?
  /// When it took effect, as EDTF.
  public var date: String?
  /// `active`, `pending`, `expired` or `revoked`.
  public var status: ProtectionStatus?
  /// Free text note.
  public var note: String?
}
