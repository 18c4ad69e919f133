/// How one record points at another: a `related` link between GI products and ICH items, or a
/// station that `serves` one.
public enum LinkRelation: String, Sendable, Codable, CaseIterable {
  /// `<related ref>`: a GI product and an ICH item that belong together.
  case related
  /// `<serves ref>`: a station that serves a GI product or ICH item.
  case serves
}
