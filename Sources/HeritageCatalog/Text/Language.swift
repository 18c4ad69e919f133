/// The language people read the tool in: Chinese or English. Machine outputs (JSON, CSV, exit
/// codes, the `file:line:col: id:` prefix of import errors) never change with it.
public enum Language: String, Sendable, CaseIterable, Codable {
  /// English, the language the messages are written in.
  case en
  /// Simplified Chinese.
  case zh

  /// The language a POSIX locale asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the first
  /// one set and not empty); a locale starting `zh` gives Chinese, any other (`C`, `en_US.UTF-8`)
  /// English.
  public static func from(environment: [String: String]) -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    return locale.map { $0.lowercased().hasPrefix("zh") } == true ? .zh : .en
  }

  /// `message` in this language.
  public func callAsFunction(_ message: Message) -> String { message.text(self) }
}
