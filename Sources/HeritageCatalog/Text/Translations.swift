/// The Chinese of every message and label, keyed by its English template (`{0}`, `{1}`… are
/// the arguments, which a Chinese sentence may put in another order). One catalog for the CLI,
/// the library's errors and the server's pages; `scripts/check-messages` fails on an English
/// sentence in the sources that is missing here.
enum Translations {
  static let chinese: [String: String] = [:]
}
